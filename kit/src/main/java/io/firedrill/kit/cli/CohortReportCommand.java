package io.firedrill.kit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.TerminalText;
import io.firedrill.kit.cohort.CohortReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code firedrill cohort report <DIR...> --out DIR2}: the report over candidate folders already written. */
@Command(name = "report",
		description = { "Write the cohort report over candidate scorecard folders already written, possibly by several"
				+ " machines (each DIR holds a folder per candidate, as 'cohort --out' or a chunk's artifact does).",
				"Writes cohort.json (versioned contract), cohort.csv (a row per candidate, formula-safe) and"
						+ " cohort.html (one offline file: sortable table, a distribution chart per criterion) into"
						+ " --out, staged then moved; only these three files are replaced." })
final class CohortReportCommand implements Callable<Integer> {

	@ParentCommand
	private CohortCommand parent;

	@Spec
	private CommandSpec spec;

	@Parameters(paramLabel = "<DIR>", arity = "1..*", description = "Folders of candidate scorecard folders.")
	private List<Path> dirs = new ArrayList<>();

	@Option(names = "--out", paramLabel = "DIR2", required = true, description = "Folder of the report.")
	private Path out;

	@Option(names = "--summary", paramLabel = "FILE",
			description = "Also write a Markdown job summary here (appended if it exists, as $GITHUB_STEP_SUMMARY is;"
					+ " under 1 MiB: the candidate table is cut if it must be).")
	private Path summary;

	@Override
	public Integer call() {
		Path cwd = this.parent.root().workspace().cwd();
		List<Path> folders = this.dirs.stream().map((dir) -> cwd.resolve(dir).normalize()).toList();
		CohortReport.Written written = CohortReport.write(folders, cwd.resolve(this.out).normalize(),
				(this.summary != null) ? cwd.resolve(this.summary).normalize() : null);
		PrintWriter printer = this.spec.commandLine().getOut();
		printer.println(written.candidates() + " candidates: " + written.graded() + " graded, " + written.errors()
				+ (written.errors() == 1 ? " error" : " errors"));
		printer.println("cohort report " + TerminalText.safe(written.html()));
		if (written.summary() != null) {
			printer.println("summary " + TerminalText.safe(written.summary()));
		}
		printer.flush();
		return ExitCode.DONE.code();
	}

}
