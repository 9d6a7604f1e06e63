package io.firedrill.kit.cli;

import java.nio.file.Path;

import io.firedrill.kit.live.LiveClient;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --out} of the commands that talk to a running live session: where its state file is. */
final class LiveSessionFolder {

	/** The {@code live} subcommand this is mixed into, whose parent is {@code firedrill live}. */
	@Spec(Spec.Target.MIXEE)
	private CommandSpec subcommand;

	@Option(names = "--out", paramLabel = "DIR", description = "The session's --out (default: ./" + LiveCommand.DEFAULT_OUT + ").")
	private Path out;

	Path folder() {
		LiveCommand live = (LiveCommand) this.subcommand.parent().userObject();
		return LiveCommand.outOf(live.root(), this.out);
	}

	LiveClient client() {
		return LiveClient.of(folder());
	}

}
