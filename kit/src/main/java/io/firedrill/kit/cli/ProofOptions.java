package io.firedrill.kit.cli;

import java.nio.file.Path;

import io.firedrill.kit.Folders;
import io.firedrill.kit.Workspace;
import picocli.CommandLine.Option;

/** The option of the commands that prove graders on known variants: {@code prove} and {@code check-incident}. */
final class ProofOptions {

	@Option(names = "--mismatches", paramLabel = "DIR",
			description = "Write the scorecards and build logs of the variants that do not match here (default: a temporary folder, whose path is printed).")
	private Path mismatches;

	/**
	 * The folder for the scorecards of variants that do not match, checked writable before anything is graded, or
	 * {@code null} for a temporary one.
	 */
	Path keepFolder(Workspace workspace) {
		if (this.mismatches == null) {
			return null;
		}
		Path folder = workspace.cwd().resolve(this.mismatches).normalize();
		Folders.checkWritable(folder);
		return folder;
	}

}
