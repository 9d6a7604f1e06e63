package io.firedrill.kit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.Folders;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.TerminalText;
import io.firedrill.kit.catalog.Catalog;
import io.firedrill.kit.catalog.Incident;
import io.firedrill.kit.cohort.Chunk;
import io.firedrill.kit.cohort.CohortReport;
import io.firedrill.kit.cohort.CohortRun;
import io.firedrill.kit.cohort.Roster;
import io.firedrill.kit.catalog.Criteria;
import io.firedrill.kit.grade.GradingSession;
import io.firedrill.kit.grade.run.MavenRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code firedrill cohort <incident> --roster FILE --out DIR}: every submission of a roster graded, and the report. */
@Command(name = "cohort", subcommands = CohortReportCommand.class,
		description = { "Grade every submission of a roster as 'grade' grades one, and write the cohort report.",
				"The roster is a CSV file with the header candidate,repository,ref. candidate: an id of 1 to 64"
						+ " letters, digits, '.', '_' or '-', unique, naming the candidate's folder under --out."
						+ " repository: a folder or git bundle (relative to the roster's folder), or a git URL"
						+ " (https://, ssh://, git@, file://) cloned first. ref: what to grade, empty for HEAD.",
				"Each candidate's scorecard goes to DIR/<candidate>/ (the files 'grade' writes); a submission that"
						+ " cannot be graded gets DIR/<candidate>/cohort-error.json and an error row instead, and the"
						+ " others go on. A candidate already graded in DIR at the same commit by this kit (version and"
						+ " commit) is skipped unless --regrade. At the end the report (cohort.json, cohort.csv,"
						+ " cohort.html) is written in DIR over every candidate folder there.",
				"--chunk INDEX/COUNT grades only the roster rows (0-based, header excluded) whose index %% COUNT"
						+ " == INDEX, so that machines share a roster: a GitHub Actions matrix of COUNT jobs (at most"
						+ " 256) passes its job's index; a Kubernetes Indexed Job with completions = the roster's size"
						+ " passes $JOB_COMPLETION_INDEX/<size> and grades one row per pod. Collect the DIRs and run"
						+ " 'firedrill cohort report' over them.",
				"Error rows are results, not failures: exit 0 once every row is graded, skipped or an error." })
final class CohortCommand implements Callable<Integer> {

	@ParentCommand
	private FiredrillCommand parent;

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", arity = "0..1", paramLabel = "<incident>",
			description = "Id of the incident (see 'firedrill list').")
	private String incidentId;

	@Option(names = "--roster", paramLabel = "FILE", description = "The roster (CSV: candidate,repository,ref).")
	private Path roster;

	@Option(names = "--out", paramLabel = "DIR", description = "Folder of the candidates' scorecard folders and the report.")
	private Path out;

	@Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
			description = "Submissions graded at a time, each worker with a grading session of its own (default: ${DEFAULT-VALUE}).")
	private int jobs;

	@Option(names = "--regrade", description = "Grade again the candidates already graded by this kit.")
	private boolean regrade;

	@Mixin
	private GradingTimeout timeout;

	@Option(names = "--chunk", paramLabel = "INDEX/COUNT", converter = ChunkConverter.class,
			description = "Grade only the rows whose 0-based index %% COUNT == INDEX (default: all).")
	private Chunk chunk;

	FiredrillCommand root() {
		return this.parent;
	}

	@Override
	public Integer call() {
		if (this.incidentId == null || this.roster == null || this.out == null) {
			throw new ParameterException(this.spec.commandLine(),
					"cohort needs <incident>, --roster FILE and --out DIR (or: cohort report <DIR...> --out DIR2)");
		}
		if (this.jobs < 1 || this.jobs > 64) {
			throw new ParameterException(this.spec.commandLine(), "--jobs must be between 1 and 64, not " + this.jobs);
		}
		Path cwd = this.parent.workspace().cwd();
		Path rosterFile = cwd.resolve(this.roster).normalize();
		Path dir = cwd.resolve(this.out).normalize();
		if (Files.exists(dir) && !Files.isDirectory(dir)) {
			throw FiredrillException.input("output " + dir + " exists and is not a directory");
		}
		Folders.checkWritable(dir);
		try (KitClone kit = this.parent.workspace().openKitClone()) {
			Incident incident = Catalog.read(kit).get(this.incidentId);
			Criteria criteria = Criteria.read(kit);
			criteria.of(incident);
			Roster rows = Roster.read(rosterFile);
			Chunk part = (this.chunk != null) ? this.chunk : Chunk.ALL;
			PrintWriter printer = this.spec.commandLine().getOut();
			int selected = rows.chunk(part).size();
			printer.println("cohort " + incident.id() + ": " + selected + " of " + rows.entries().size()
					+ " submissions" + ((this.chunk != null) ? " (chunk " + part + ")" : "") + ", " + this.jobs
					+ " at a time, into " + TerminalText.safe(dir));
			printer.flush();
			if (selected == 0) {
				printer.println("nothing to grade in this chunk");
				printer.flush();
				return ExitCode.DONE.code();
			}
			GradingSession.Settings grading = new GradingSession.Settings(MavenRun.locate(kit.root()), this.timeout.value,
					false);
			CohortRun.Outcome outcome = new CohortRun(kit, incident, criteria,
					new CohortRun.Settings(dir, this.jobs, this.regrade, part, grading), printer).run(rows);
			printer.println(outcome.graded() + " graded, " + outcome.skipped() + " skipped, " + outcome.errors()
					+ (outcome.errors() == 1 ? " error" : " errors"));
			CohortReport.Written report = CohortReport.write(List.of(dir), dir, null);
			printer.println("cohort report " + TerminalText.safe(report.html()) + " (" + report.candidates()
					+ " candidates; cohort.json and cohort.csv next to it)");
			printer.flush();
		}
		return ExitCode.DONE.code();
	}

	/** {@code INDEX/COUNT}. */
	static final class ChunkConverter implements ITypeConverter<Chunk> {

		@Override
		public Chunk convert(String value) {
			try {
				return Chunk.parse(value);
			}
			catch (IllegalArgumentException ex) {
				throw new TypeConversionException(ex.getMessage());
			}
		}

	}

}
