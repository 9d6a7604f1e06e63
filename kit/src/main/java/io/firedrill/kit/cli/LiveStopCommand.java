package io.firedrill.kit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.live.LiveClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code firedrill live stop}: end the session; its database and logs stay. */
@Command(name = "stop", description = "End the running session and every process it started; the database and logs stay in --out.")
final class LiveStopCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Mixin
	private LiveSessionFolder session;

	@Override
	public Integer call() throws InterruptedException {
		Path output = this.session.folder();
		LiveClient client = LiveClient.of(output);
		long pid = client.state().pid();
		client.stop();
		// wait for the session to have ended its processes, so that no port is left when this returns
		ProcessHandle.of(pid).ifPresent((handle) -> {
			try {
				handle.onExit().get(90, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				// reported below
			}
		});
		boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
		this.spec.commandLine().getOut().println(alive ? "asked the session (pid " + pid + ") to stop; it is still ending"
				: "live session stopped; database and logs in " + output);
		this.spec.commandLine().getOut().flush();
		return ExitCode.DONE.code();
	}

}
