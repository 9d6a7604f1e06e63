package io.firedrill.kit.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import io.firedrill.kit.Workspace;
import io.firedrill.kit.cli.FiredrillCommand;
import picocli.CommandLine;

/** Runs {@code firedrill} in-process, as the launcher would, and captures what it prints. */
public final class Cli {

	private Cli() {
	}

	/** What one run did. */
	public record Run(int exitCode, String out, String err) {

		public List<String> errLines() {
			return this.err.lines().toList();
		}

		public List<String> outLines() {
			return this.out.lines().toList();
		}

	}

	public static Run firedrill(Path home, String... args) {
		return firedrillIn(home, home, args);
	}

	public static Run firedrillIn(Path home, Path cwd, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = FiredrillCommand.commandLine(Workspace.of(home, cwd));
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		int exitCode = commandLine.execute(args);
		return new Run(exitCode, out.toString(), err.toString());
	}

}
