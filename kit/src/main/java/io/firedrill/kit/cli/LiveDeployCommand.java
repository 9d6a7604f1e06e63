package io.firedrill.kit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.live.LiveClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code firedrill live deploy}: build a release and stop-start the shop on it, on the same database. */
@Command(name = "deploy", description = { "Build a release and install it in the running session: stop the"
		+ " processes, start the new ones on the same database. A build that fails leaves the running release"
		+ " in place (exit 11)." })
final class LiveDeployCommand implements Callable<Integer> {

	@ParentCommand
	private LiveCommand live;

	@Spec
	private CommandSpec spec;

	@Option(names = "--repo", paramLabel = "DIR", description = "The HEAD commit of this git repository (commit first).")
	private Path repo;

	@Option(names = "--ref", paramLabel = "R", description = "v2.3.0, the incident's release, or a ref of the firedrill clone.")
	private String ref;

	@Mixin
	private LiveSessionFolder session;

	@Override
	public Integer call() {
		if ((this.repo == null) == (this.ref == null)) {
			throw new ParameterException(this.spec.commandLine(), "give exactly one of --repo DIR and --ref R");
		}
		Path cwd = this.live.root().workspace().cwd();
		if (this.repo != null && !Files.isDirectory(cwd.resolve(this.repo))) {
			throw FiredrillException.input("--repo " + this.repo + " is not a directory");
		}
		LiveClient client = this.session.client();
		String answer = client.install("deploy", this.ref, (this.repo != null) ? cwd.resolve(this.repo) : null);
		this.spec.commandLine().getOut().println(answer);
		this.spec.commandLine().getOut().flush();
		return ExitCode.DONE.code();
	}

}
