package io.firedrill.kit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.Folders;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.guardrails.ShopCheckout;
import io.firedrill.kit.guardrails.ShopSources;
import io.firedrill.kit.rollback.Databases;
import io.firedrill.kit.rollback.RollbackCheck;
import io.firedrill.kit.rollback.RollbackReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code firedrill rollback-check --from <newer> --to <older>}: can we roll the code back? */
@Command(name = "rollback-check",
		description = { "Can the code be rolled back while the newer release's schema stays? Applies the newer"
				+ " release's changelog to a fresh database, lets its repositories write a few rows, then runs the"
				+ " older release's own repository code (built from its checkout) against it.",
				"Prints 'safe', or 'unsafe' with the statement that failed and the database's error." })
final class RollbackCheckCommand implements Callable<Integer> {

	@ParentCommand
	private FiredrillCommand parent;

	@Spec
	private CommandSpec spec;

	@Option(names = "--from", paramLabel = "DIR|TAG", required = true,
			description = "The newer release (deployed now): a directory, or a tag or commit of this clone.")
	private String from;

	@Option(names = "--to", paramLabel = "DIR|TAG", required = true,
			description = "The older release to roll back to.")
	private String to;

	@Option(names = "--db", paramLabel = "h2|postgres|both", defaultValue = "both",
			description = "Which database to check on (default: ${DEFAULT-VALUE}).")
	private String db;

	@Option(names = "--keep", description = "Keep the checkouts, builds and unpacked jars; print where.")
	private boolean keep;

	@Override
	public Integer call() throws IOException {
		List<Databases.Kind> kinds = switch (this.db) {
			case "h2" -> List.of(Databases.Kind.H2);
			case "postgres" -> List.of(Databases.Kind.POSTGRES);
			case "both" -> List.of(Databases.Kind.H2, Databases.Kind.POSTGRES);
			default -> throw FiredrillException.input("--db must be h2, postgres or both, not '" + this.db + "'");
		};
		Path cwd = this.parent.workspace().cwd();
		Path work = Files.createTempDirectory("firedrill-rollback-");
		try (KitClone clone = openCloneIfAny(cwd)) {
			ShopCheckout newer = ShopSources.open(clone, this.from, cwd);
			try {
				ShopCheckout older = ShopSources.open(clone, this.to, cwd);
				try {
					RollbackCheck.Result result;
					try {
						result = RollbackCheck.run(newer, older, kinds, work);
					}
					catch (IllegalStateException ex) {
						this.spec.commandLine().getErr().println("firedrill: no verdict: " + FiredrillCommand.oneLine(ex.getMessage()));
						this.spec.commandLine().getErr().flush();
						return ExitCode.INCONCLUSIVE.code();
					}
					PrintWriter out = this.spec.commandLine().getOut();
					RollbackReport.print(out, result);
					if (this.keep) {
						out.println("kept: " + newer.dir() + ", " + older.dir() + ", " + work);
						out.flush();
					}
					if (result.unsafe()) {
						return ExitCode.UNSAFE.code();
					}
					return result.inconclusive() ? ExitCode.INCONCLUSIVE.code() : ExitCode.DONE.code();
				}
				finally {
					if (!this.keep) {
						older.close();
					}
				}
			}
			finally {
				if (!this.keep) {
					newer.close();
				}
			}
		}
		finally {
			if (!this.keep) {
				Folders.deleteQuietly(work);
			}
		}
	}

	private KitClone openCloneIfAny(Path cwd) {
		try {
			return this.parent.workspace().openKitClone();
		}
		catch (FiredrillException ex) {
			if (Files.isDirectory(cwd.resolve(this.from)) && Files.isDirectory(cwd.resolve(this.to))) {
				return null;
			}
			throw ex;
		}
	}

}
