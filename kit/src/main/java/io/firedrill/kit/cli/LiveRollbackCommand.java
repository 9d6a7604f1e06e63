package io.firedrill.kit.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.Folders;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.guardrails.ShopCheckout;
import io.firedrill.kit.guardrails.ShopSources;
import io.firedrill.kit.live.LiveClient;
import io.firedrill.kit.rollback.Databases;
import io.firedrill.kit.rollback.RollbackCheck;
import io.firedrill.kit.rollback.RollbackReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code firedrill live rollback --to R}: what rollback-check says, then the rollback if forced or confirmed. */
@Command(name = "rollback", description = { "Roll the running session back to an older release. First prints"
		+ " what 'firedrill rollback-check' says about it (on H2, the session's database); rolls back only"
		+ " with --force or a 'yes' at the prompt. Unsafe and not confirmed: nothing changes (exit 9)." })
final class LiveRollbackCommand implements Callable<Integer> {

	@ParentCommand
	private LiveCommand live;

	@Spec
	private CommandSpec spec;

	@Option(names = "--to", paramLabel = "R", required = true, description = "The release to roll back to (v2.3.0).")
	private String to;

	@Option(names = "--force", description = "Roll back whatever rollback-check says, without asking.")
	private boolean force;

	@Option(names = "--skip-check", description = "Do not run rollback-check first (it takes about a minute).")
	private boolean skipCheck;

	@Mixin
	private LiveSessionFolder session;

	@Override
	public Integer call() throws Exception {
		PrintWriter stdout = this.spec.commandLine().getOut();
		LiveClient client = this.session.client();
		String from = client.status().path("source").asString();
		boolean unsafe = false;
		if (!this.skipCheck) {
			stdout.println("rollback-check --from " + from + " --to " + this.to + " --db h2 (about a minute)...");
			stdout.flush();
			unsafe = check(from, stdout);
		}
		if (!this.force) {
			if (System.console() == null) {
				throw new FiredrillException(unsafe ? ExitCode.UNSAFE : ExitCode.INPUT, "not rolled back"
						+ (unsafe ? " (rollback-check says unsafe)" : "") + ": pass --force, or run it in a terminal"
						+ " to be asked");
			}
			stdout.print("roll back to " + this.to + (unsafe ? " although rollback-check says it is UNSAFE" : "")
					+ "? [y/N] ");
			stdout.flush();
			String answer = new BufferedReader(new InputStreamReader(System.in)).readLine();
			if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
				stdout.println("not rolled back");
				stdout.flush();
				return unsafe ? ExitCode.UNSAFE.code() : ExitCode.DONE.code();
			}
		}
		stdout.println(client.install("rollback", this.to, null));
		stdout.flush();
		return ExitCode.DONE.code();
	}

	/** Prints rollback-check's report; whether it found the rollback unsafe. */
	private boolean check(String from, PrintWriter stdout) throws Exception {
		Path cwd = this.live.root().workspace().cwd();
		Path work = Files.createTempDirectory("firedrill-live-rollback-");
		try (KitClone clone = this.live.root().workspace().openKitClone();
				ShopCheckout newer = ShopSources.open(clone, from, cwd);
				ShopCheckout older = ShopSources.open(clone, this.to, cwd)) {
			RollbackCheck.Result result = RollbackCheck.run(newer, older, List.of(Databases.Kind.H2), work);
			RollbackReport.print(stdout, result);
			stdout.flush();
			return result.unsafe();
		}
		catch (IllegalStateException ex) {
			stdout.println("rollback-check: no verdict: " + FiredrillCommand.oneLine(ex.getMessage()));
			return false;
		}
		finally {
			Folders.deleteQuietly(work);
		}
	}

}
