package io.firedrill.kit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.grade.Demo;
import io.firedrill.kit.grade.GradingSession;
import io.firedrill.kit.grade.card.ScorecardFiles;
import io.firedrill.kit.grade.run.MavenRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code firedrill demo}: the whole loop on the release incident, from a fresh clone. */
@Command(name = "demo",
		description = { "From a fresh clone of this kit: make the tags, export the catalog's demo incident (the one whose"
				+ " incident.yaml says demo: true) as a candidate receives it, and again with the reference fix committed,"
				+ " then grade both side by side. Prints both scorecards and their totals." })
final class DemoCommand implements Callable<Integer> {

	@ParentCommand
	private FiredrillCommand parent;

	@Spec
	private CommandSpec spec;

	@Option(names = "--out", paramLabel = "DIR", defaultValue = "firedrill-demo",
			description = "Folder for the two candidates and their scorecards (default: ${DEFAULT-VALUE}); must not"
					+ " exist or be empty.")
	private Path out;

	@Mixin
	private GradingTimeout timeout;

	@Override
	public Integer call() {
		Path destination = this.parent.workspace().cwd().resolve(this.out).normalize();
		try (KitClone kit = this.parent.workspace().openKitClone()) {
			PrintWriter out = this.spec.commandLine().getOut();
			GradingSession.Settings settings = new GradingSession.Settings(MavenRun.locate(kit.root()), this.timeout.value,
					false);
			Demo.Result result = new Demo(kit, settings, out).run(destination);
			out.println();
			out.println("unfixed: " + result.unfixed().totalPoints() + " / " + result.unfixed().maxPoints() + " points  "
					+ result.unfixedCard().resolve(ScorecardFiles.HTML));
			out.println("fixed:   " + result.fixed().totalPoints() + " / " + result.fixed().maxPoints() + " points  "
					+ result.fixedCard().resolve(ScorecardFiles.HTML));
			out.flush();
		}
		return ExitCode.DONE.code();
	}

}
