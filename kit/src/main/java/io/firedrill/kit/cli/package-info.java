/**
 * The {@code firedrill} command line (picocli): each command parses its arguments, calls the packages below and
 * prints, and maps a {@code FiredrillException} to its exit code. The top layer: nothing else in the kit depends
 * on it.
 */
package io.firedrill.kit.cli;
