/**
 * Maven as the user has it set up: where its local repository is, and POMs or settings read safely. It depends on
 * no other kit package.
 */
package io.firedrill.kit.maven;
