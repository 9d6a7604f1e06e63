package io.firedrill.kit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.TerminalText;
import io.firedrill.kit.catalog.Incident;
import io.firedrill.kit.catalog.Criteria;
import io.firedrill.kit.grade.GradingSession;
import io.firedrill.kit.grade.card.Scorecard;
import io.firedrill.kit.grade.card.ScorecardFiles;
import io.firedrill.kit.grade.run.MavenRun;
import io.firedrill.kit.grade.verdict.CriterionResult;
import io.firedrill.kit.grade.workspace.Submission;
import io.firedrill.kit.results.ResultFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code firedrill grade <incident> <candidate>}: the candidate's scorecard. */
@Command(name = "grade",
		description = { "Grade a candidate's submission of an incident with the hidden suites and write its scorecard"
				+ " (scorecard.html, scorecard.md, scorecard.json and Maven's build.log).",
				"The submission is a git repository (its HEAD, or --ref) or a git bundle (its HEAD). It is cloned into"
						+ " a workspace of the grader's own: the candidate's folder is never modified, uncommitted"
						+ " changes are not graded, and the hidden suites never enter the candidate's tree.",
				"A scorecard full of failures is still a scorecard: exit 0." })
final class GradeCommand implements Callable<Integer> {

	@ParentCommand
	private FiredrillCommand parent;

	@Spec
	private CommandSpec spec;

	@Mixin
	private IncidentArgument incidentArgument;

	@Parameters(index = "1", paramLabel = "<candidate>",
			description = "The candidate's repository folder, or a git bundle file.")
	private Path candidate;

	@Option(names = "--out", paramLabel = "DIR",
			description = "Folder of the scorecard (default: scorecards/<incident>-<commit>); must not exist or be empty.")
	private Path out;

	@Option(names = "--ref", paramLabel = "REF", description = "Grade this branch, tag or commit instead of HEAD.")
	private String ref;

	@Mixin
	private GradingTimeout timeout;

	@Mixin
	private KeepWorkFolders keep;

	@Option(names = "--force",
			description = "Replace the output folder if it holds an earlier scorecard (never another folder).")
	private boolean force;

	@Override
	public Integer call() {
		Path cwd = this.parent.workspace().cwd();
		try (KitClone kit = this.parent.workspace().openKitClone()) {
			Incident incident = this.incidentArgument.in(kit);
			Criteria criteria = Criteria.read(kit);
			criteria.of(incident);
			Submission submission = Submission.open(cwd.resolve(this.candidate), this.ref);
			Path destination = (this.out != null) ? cwd.resolve(this.out).normalize()
					: cwd.resolve("scorecards").resolve(incident.id() + "-" + submission.commit().abbreviate(10).name());
			ScorecardFiles.checkDestination(destination, this.force);
			GradingSession.Settings settings = new GradingSession.Settings(MavenRun.locate(kit.root()), this.timeout.value,
					this.keep.value);
			PrintWriter out = this.spec.commandLine().getOut();
			out.println("grading " + incident.id() + " at " + submission.commit().abbreviate(10).name() + " ("
					+ TerminalText.safe(submission.ref()) + " of " + TerminalText.safe(submission.source()) + ")");
			out.flush();
			try (GradingSession session = GradingSession.open(kit, incident, criteria, settings)) {
				if (this.keep.value) {
					out.println("workspace " + session.workspace());
					out.flush();
				}
				Scorecard card = ScorecardFiles.writeStaged(destination, this.force, (staging) -> {
					Scorecard graded = session.grade(submission, staging.resolve(ScorecardFiles.LOG), true);
					ScorecardFiles.write(graded, staging);
					ResultFiles.write(graded, staging);
					return graded;
				});
				print(out, card, destination);
			}
		}
		return ExitCode.DONE.code();
	}

	static void print(PrintWriter out, Scorecard card, Path destination) {
		int width = card.criteria().stream().mapToInt((result) -> result.id().length()).max().orElse(0);
		out.println(card.totalPoints() + " / " + card.maxPoints() + " points");
		for (CriterionResult result : card.criteria()) {
			out.printf("  %-" + width + "s  %-7s  %2d / %d%s%n", result.id(), result.status().label(), result.points(),
					result.max(), result.graded() ? "" : "  (not graded)");
		}
		long findings = card.integrity().size();
		out.println("  build " + (card.build().ok() ? "ok" : "FAILED") + ", own tests "
				+ (card.ownTests().ran() ? card.ownTests().run() + " run / " + card.ownTests().failed() + " failed"
						: "not run")
				+ ", " + findings + (findings == 1 ? " finding" : " findings") + ", "
				+ card.durations().totalSeconds() + " s");
		out.println("scorecard " + TerminalText.safe(destination.resolve(ScorecardFiles.HTML)));
		out.flush();
	}

}
