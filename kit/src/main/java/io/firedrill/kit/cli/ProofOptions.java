package io.firedrill.kit.cli;

import java.nio.file.Path;
import java.time.Duration;

import io.firedrill.kit.Folders;
import io.firedrill.kit.Workspace;
import picocli.CommandLine.Option;

/** The options of the commands that prove graders on known variants: {@code prove} and {@code check-incident}. */
final class ProofOptions {

	@Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "20m", converter = DurationConverter.class,
			description = "Bound of each grading run (default: ${DEFAULT-VALUE}).")
	Duration timeout;

	@Option(names = "--keep", paramLabel = "DIR",
			description = "Keep the scorecards and build logs of variants that do not match here (default: a temporary folder).")
	private Path keep;

	/**
	 * The folder for the scorecards of variants that do not match, checked writable before anything is graded, or
	 * {@code null} for a temporary one.
	 */
	Path keepFolder(Workspace workspace) {
		if (this.keep == null) {
			return null;
		}
		Path folder = workspace.cwd().resolve(this.keep).normalize();
		Folders.checkWritable(folder);
		return folder;
	}

}
