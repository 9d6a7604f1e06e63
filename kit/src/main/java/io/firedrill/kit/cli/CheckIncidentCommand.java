package io.firedrill.kit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.TerminalText;
import io.firedrill.kit.authoring.IncidentCheck;
import io.firedrill.kit.catalog.Catalog;
import io.firedrill.kit.catalog.Incident;
import io.firedrill.kit.catalog.Criteria;
import io.firedrill.kit.grade.GradingSession;
import io.firedrill.kit.grade.run.MavenRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code firedrill check-incident <id>}: is this incident ready for candidates? */
@Command(name = "check-incident",
		description = { "Check one incident the way its author needs: the brief names none of its spoilers, the"
				+ " candidate's export holds nothing of the kit or the hidden tests, fixes.yaml has accepted and"
				+ " known-wrong fixes; then prove's matrix (visible tests green at the tag, each criterion failing on"
				+ " the bug, every fix getting its verdicts) and every hidden test that no variant makes fail.",
				"Exit 0 when it is ready; 7 with one line per problem otherwise." })
final class CheckIncidentCommand implements Callable<Integer> {

	@ParentCommand
	private FiredrillCommand parent;

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "<id>", description = "Id of the incident.")
	private String id;

	@Option(names = "--static", description = "Only the checks that grade nothing (seconds): spoilers, leaks, fixes.")
	private boolean staticOnly;

	@Mixin
	private GradingTimeout timeout;

	@Mixin
	private ProofOptions proof;

	@Override
	public Integer call() {
		Path keepDir = this.proof.keepFolder(this.parent.workspace());
		try (KitClone kit = this.parent.workspace().openKitClone()) {
			Incident incident = Catalog.read(kit).get(this.id);
			Criteria criteria = Criteria.read(kit);
			criteria.of(incident);
			PrintWriter out = this.spec.commandLine().getOut();
			GradingSession.Settings settings = new GradingSession.Settings(MavenRun.locate(kit.root()), this.timeout.value,
					false);
			IncidentCheck check = new IncidentCheck(kit, criteria, settings, out, keepDir);
			IncidentCheck.Report report = this.staticOnly ? check.checkStatic(incident) : check.check(incident);
			out.println();
			for (String advice : report.advice()) {
				out.println("advice: " + TerminalText.safe(advice));
			}
			if (report.holds()) {
				out.println(incident.id() + " is ready" + (this.staticOnly ? " as far as the static checks see"
						: ": " + report.verdicts() + " verdicts as expected, every hidden test can fail"));
				out.flush();
				return ExitCode.DONE.code();
			}
			for (String problem : report.problems()) {
				out.println("problem: " + TerminalText.safe(problem));
			}
			out.flush();
			throw new FiredrillException(ExitCode.PROOF, incident.id() + " is not ready: " + report.problems().size()
					+ (report.problems().size() == 1 ? " problem" : " problems") + " (listed above)");
		}
	}

}
