package io.firedrill.kit.cli;

import java.nio.file.Path;

import io.firedrill.kit.live.LiveClient;
import picocli.CommandLine.Option;

/** The {@code --out} of the commands that talk to a running live session: where its state file is. */
final class LiveSessionFolder {

	@Option(names = "--out", paramLabel = "DIR", description = "The session's --out (default: ./" + LiveCommand.DEFAULT_OUT + ").")
	private Path out;

	Path folder(FiredrillCommand root) {
		return LiveCommand.outOf(root, this.out);
	}

	LiveClient client(FiredrillCommand root) {
		return LiveClient.of(folder(root));
	}

}
