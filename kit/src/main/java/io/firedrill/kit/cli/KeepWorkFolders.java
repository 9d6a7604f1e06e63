package io.firedrill.kit.cli;

import picocli.CommandLine.Option;

/**
 * {@code --keep}: keep what a command works in (checkouts, workspaces, builds, logs, databases) instead of deleting
 * it, and print where: one flag with one meaning in every command that has work folders.
 */
final class KeepWorkFolders {

	@Option(names = "--keep", description = "Keep the work folders (checkouts, workspaces, builds, logs, databases) and print where.")
	boolean value;

}
