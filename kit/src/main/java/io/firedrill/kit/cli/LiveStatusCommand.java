package io.firedrill.kit.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.live.LiveClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code firedrill live status}: the session's installed release and current figures. */
@Command(name = "status", description = "Print the running session's release, error rate and jobs, in one screen.")
final class LiveStatusCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Mixin
	private LiveSessionFolder session;

	@Override
	public Integer call() {
		LiveClient client = this.session.client();
		JsonNode state = client.status();
		PrintWriter stdout = this.spec.commandLine().getOut();
		JsonNode current = state.path("current");
		stdout.printf(Locale.ROOT, "%s: %s installed (%s), simulated %s; error rate over the last %d min: %s%n",
				state.path("incident").asString(), state.path("release").asString(), state.path("activity").asString(),
				state.path("simTime").asString(), current.path("window").asInt(),
				current.path("errorRate").isNull() ? "no checkout yet"
						: String.format(Locale.ROOT, "%.2f %%", 100 * current.path("errorRate").asDouble()));
		stdout.println("dashboard: " + client.state().dashboard() + "  checkout-service: http://127.0.0.1:"
				+ state.path("servicePort").asInt() + "/");
		for (JsonNode job : state.path("jobs")) {
			stdout.printf(Locale.ROOT, "  %-25s last run %-9s %-16s exit %d%n", job.path("job").asString(),
					job.path("at").asString(), job.path("version").asString(), job.path("exitCode").asInt());
		}
		stdout.flush();
		return ExitCode.DONE.code();
	}

}
