/**
 * Maven as the user has it set up: where its local repository is, read from the command line, the environment and
 * the settings (parsed with the root package's {@code Xml}). It depends on the root package only.
 */
package io.firedrill.kit.maven;
