package io.firedrill.kit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.Folders;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.guardrails.ShopCheckout;
import io.firedrill.kit.guardrails.ShopSources;
import io.firedrill.kit.rollback.Databases;
import io.firedrill.kit.rollback.RollbackCheck;
import io.firedrill.kit.rollback.RollbackReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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

	@Mixin
	private KeepWorkFolders keep;

	@Override
	public Integer call() throws IOException {
		List<Databases.Kind> kinds = switch (this.db) {
			case "h2" -> List.of(Databases.Kind.H2);
			case "postgres" -> List.of(Databases.Kind.POSTGRES);
			case "both" -> List.of(Databases.Kind.H2, Databases.Kind.POSTGRES);
			default -> throw FiredrillException.input("--db must be h2, postgres or both, not '" + this.db + "'");
		};
		Path cwd = this.parent.workspace().cwd();
		Optional<String> wrong = wrongDirection(this.from, this.to, cwd);
		if (wrong.isPresent()) {
			throw new ParameterException(this.spec.commandLine(), wrong.get());
		}
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
					if (this.keep.value) {
						out.println("kept: " + newer.dir() + ", " + older.dir() + ", " + work);
						out.flush();
					}
					if (result.unsafe()) {
						return ExitCode.UNSAFE.code();
					}
					return result.inconclusive() ? ExitCode.INCONCLUSIVE.code() : ExitCode.DONE.code();
				}
				finally {
					if (!this.keep.value) {
						older.close();
					}
				}
			}
			finally {
				if (!this.keep.value) {
					newer.close();
				}
			}
		}
		finally {
			if (!this.keep.value) {
				Folders.deleteQuietly(work);
			}
		}
	}

	/** A release name's version: v2.4.0, release-2.4.0, incident/release-2.4.0 give 2.4.0. */
	private static final Pattern VERSION = Pattern.compile("(?:^|[/-])v?(\\d+(?:\\.\\d+)*)$");

	/**
	 * Why {@code --from} and {@code --to} cannot be a rollback, if they cannot: the same release twice, or a newer
	 * release as the target (by the version in their names, compared number by number).
	 */
	static Optional<String> wrongDirection(String from, String to, Path cwd) {
		String same = "--from and --to name the same release (" + from + "): a rollback goes from a newer release to"
				+ " an older one";
		if (from.equals(to)) {
			return Optional.of(same);
		}
		Path fromDir = cwd.resolve(from).normalize();
		Path toDir = cwd.resolve(to).normalize();
		if (Files.isDirectory(fromDir) || Files.isDirectory(toDir)) {
			try {
				boolean sameDir = Files.isDirectory(fromDir) && Files.isDirectory(toDir) && Files.isSameFile(fromDir, toDir);
				return sameDir ? Optional.of(same) : Optional.empty();
			}
			catch (IOException ex) {
				return Optional.empty();
			}
		}
		Optional<int[]> fromVersion = version(from);
		Optional<int[]> toVersion = version(to);
		if (fromVersion.isEmpty() || toVersion.isEmpty()) {
			return Optional.empty();
		}
		int order = Arrays.compare(padded(fromVersion.get(), toVersion.get().length),
				padded(toVersion.get(), fromVersion.get().length));
		if (order == 0) {
			return Optional.of(same);
		}
		if (order < 0) {
			return Optional.of("--to " + to + " is newer than --from " + from + ": a rollback goes from a newer release"
					+ " (--from) to an older one (--to)");
		}
		return Optional.empty();
	}

	private static Optional<int[]> version(String release) {
		Matcher matcher = VERSION.matcher(release);
		if (!matcher.find()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Arrays.stream(matcher.group(1).split("\\.")).mapToInt(Integer::parseInt).toArray());
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static int[] padded(int[] version, int length) {
		return Arrays.copyOf(version, Math.max(version.length, length));
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
