package io.firedrill.kit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.catalog.Catalog;
import io.firedrill.kit.catalog.Expectation;
import io.firedrill.kit.replay.ReplayCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code firedrill check-replay <replay-dir>}: a replay's figures against what its incident expects. */
@Command(name = "check-replay",
		description = { "Check the figures of a replay (its --out folder: replay.json and logs/) against the"
				+ " replay.expect entries of the incident it played, read from the catalog. One line per expectation:"
				+ " 'ok', 'MISS', or blank for a figure shown beside (checked: false).",
				"Exit 0 when all hold, 7 when one misses, 3 when the folder or the incident cannot be used." })
final class CheckReplayCommand implements Callable<Integer> {

	@ParentCommand
	private FiredrillCommand parent;

	@Spec
	private CommandSpec spec;

	@Parameters(paramLabel = "<replay-dir>", description = "The --out folder of 'firedrill replay'.")
	private Path dir;

	@Override
	public Integer call() {
		ReplayCheck replay = ReplayCheck.read(this.parent.workspace().cwd().resolve(this.dir).normalize());
		List<Expectation> expectations;
		String incident = replay.incident();
		try (KitClone clone = this.parent.workspace().openKitClone()) {
			Catalog catalog = Catalog.read(clone);
			expectations = catalog.replayFacts((incident != null) ? catalog.get(incident) : null).expect();
		}
		if (expectations.isEmpty()) {
			throw FiredrillException.input(((incident != null) ? "incident " + incident : "a replay of a bare tag")
					+ " expects no figures (no replay.expect entries in the catalog)");
		}
		List<ReplayCheck.Line> lines = replay.check(expectations);
		PrintWriter out = this.spec.commandLine().getOut();
		lines.forEach(out::println);
		out.flush();
		return lines.stream().allMatch(ReplayCheck.Line::ok) ? ExitCode.DONE.code() : ExitCode.PROOF.code();
	}

}
