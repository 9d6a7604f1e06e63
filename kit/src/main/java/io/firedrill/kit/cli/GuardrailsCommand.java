package io.firedrill.kit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.Folders;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.guardrails.GuardrailContext;
import io.firedrill.kit.guardrails.ShopCheckout;
import io.firedrill.kit.guardrails.ShopSources;
import io.firedrill.kit.guardrails.run.GuardrailReport;
import io.firedrill.kit.guardrails.run.Guardrails;
import io.firedrill.kit.history.ShopRelease;
import io.firedrill.kit.results.GuardrailsSarif;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code firedrill guardrails <repo dir | tag>}: what would have caught each of v2.4.0's bugs. */
@Command(name = "guardrails",
		description = { "Run every guardrail against one version of the shop and say what each caught and why.",
				"migration-lint  the Liquibase changelog: N-1 compatibility and locking rules",
				"api-compat      japicmp: the payment SDK each module compiles against vs the hosts' one",
				"flag-gating     ArchUnit: every backend path to DiscountService consults the flag",
				"jobs-on-runtime every job run once on the SDK its runtime carries (deploy/run.sh)",
				"The shop is a directory (copied first) or a tag or commit of this clone (v2.3.0, v2.4.0,"
						+ " incident/<id>; made from the catalog when 'firedrill tags' has not run). Exit 0 when"
						+ " nothing is caught, 8 when something is, 10 when a guardrail could not run." })
final class GuardrailsCommand implements Callable<Integer> {

	@ParentCommand
	private FiredrillCommand parent;

	@Spec
	private CommandSpec spec;

	@Parameters(paramLabel = "<repo dir | tag>", description = "The shop to check: a directory, or a tag or commit.")
	private String target;

	@Option(names = "--json", paramLabel = "FILE",
			description = "Also write the report as JSON to FILE (must not exist, unless --force).")
	private Path json;

	@Option(names = "--sarif", paramLabel = "FILE",
			description = "Also write the findings as SARIF 2.1.0 to FILE, for code scanning (must not exist, unless --force).")
	private Path sarif;

	@Option(names = "--force",
			description = "Replace the --json or --sarif FILE if it exists (only a regular file, never a folder).")
	private boolean force;

	@Option(names = "--baseline", paramLabel = "DIR|TAG|none",
			description = "The release in production before it (default: ${DEFAULT-VALUE}): its changelog is what ran,"
					+ " its code is the previous release.",
			defaultValue = ShopRelease.BASE_TAG)
	private String baseline;

	@Option(names = "--only", paramLabel = "ID", split = ",",
			description = "Run only these guardrails (comma-separated ids).")
	private List<String> only = new ArrayList<>();

	@Option(names = "--job-timeout", paramLabel = "SECONDS", defaultValue = "180",
			description = "Kill a job (its process tree) after this long (default: ${DEFAULT-VALUE}).")
	private long jobTimeout;

	@Mixin
	private KeepWorkFolders keep;

	@Override
	public Integer call() throws IOException {
		for (String id : this.only) {
			if (!Guardrails.ids().contains(id)) {
				throw FiredrillException.input("unknown guardrail '" + id + "' (known: " + String.join(", ", Guardrails.ids()) + ")");
			}
		}
		if (this.jobTimeout <= 0) {
			throw FiredrillException.input("--job-timeout must be positive");
		}
		Path cwd = this.parent.workspace().cwd();
		Path jsonFile = (this.json != null) ? cwd.resolve(this.json).normalize() : null;
		if (jsonFile != null) {
			checkJsonFile(jsonFile, this.force);
			Folders.checkWritable(jsonFile);
		}
		Path sarifFile = (this.sarif != null) ? cwd.resolve(this.sarif).normalize() : null;
		if (sarifFile != null) {
			if (sarifFile.equals(jsonFile)) {
				throw FiredrillException.input("--json and --sarif name the same file " + sarifFile);
			}
			checkFile("--sarif", sarifFile, this.force);
			Folders.checkWritable(sarifFile);
		}
		try (KitClone clone = openCloneIfAny()) {
			ShopCheckout shop = ShopSources.open(clone, this.target, cwd);
			boolean noBaseline = this.baseline.equalsIgnoreCase("none");
			Supplier<ShopCheckout> baselineSource = noBaseline ? null : baselineSource(clone, cwd);
			PrintWriter out = this.spec.commandLine().getOut();
			try (GuardrailContext context = new GuardrailContext(shop, noBaseline ? null : this.baseline, baselineSource,
					Duration.ofSeconds(this.jobTimeout), this.keep.value)) {
				GuardrailReport.header(out, shop.label(), noBaseline ? null : this.baseline);
				Guardrails.Report report = Guardrails.run(context, this.only,
						(result) -> GuardrailReport.result(out, result, false));
				GuardrailReport.footer(out, report);
				if (jsonFile != null) {
					writeJson(jsonFile, GuardrailReport.json(report), this.force);
				}
				if (sarifFile != null) {
					writeFile("--sarif", sarifFile, GuardrailsSarif.write(report, VersionProvider.version()), this.force);
				}
				if (this.keep.value) {
					out.println("kept: the shop in " + shop.dir() + ", logs and databases in " + context.work());
				}
				out.flush();
				if (report.caught()) {
					return ExitCode.CAUGHT.code();
				}
				return report.errors() ? ExitCode.INCONCLUSIVE.code() : ExitCode.DONE.code();
			}
		}
	}

	/**
	 * The {@code --json} file may be written: it does not exist, or it is a regular file and {@code --force} says to
	 * replace it.
	 * @throws FiredrillException (input) otherwise
	 */
	static void checkJsonFile(Path file, boolean replace) {
		checkFile("--json", file, replace);
	}

	/** {@link #checkJsonFile} for the file of {@code option} ({@code --json}, {@code --sarif}). */
	static void checkFile(String option, Path file, boolean replace) {
		if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
			if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
				throw FiredrillException.input(option + " " + file + " exists and is not a regular file: choose another FILE");
			}
			if (!replace) {
				throw FiredrillException.input(option + " " + file + " already exists (use --force to replace it)");
			}
		}
	}

	/**
	 * Writes the report into a temporary file next to {@code file}, then moves it into place: a failure leaves no
	 * half-written report, and without {@code replace} a file that appeared meanwhile is kept.
	 */
	static void writeJson(Path file, String json, boolean replace) {
		writeFile("--json", file, json, replace);
	}

	/** {@link #writeJson} for the file of {@code option} ({@code --json}, {@code --sarif}). */
	static void writeFile(String option, Path file, String text, boolean replace) {
		checkFile(option, file, replace);
		Path temporary = null;
		try {
			Files.createDirectories(file.getParent());
			temporary = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".firedrill-tmp");
			Files.writeString(temporary, text, StandardCharsets.UTF_8);
			if (replace) {
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			else {
				// without REPLACE_EXISTING the move refuses a file that appeared since the check
				Files.move(temporary, file);
			}
		}
		catch (FileAlreadyExistsException ex) {
			throw FiredrillException.input(option + " " + file + " already exists (use --force to replace it)", ex);
		}
		catch (IOException ex) {
			throw FiredrillException.input("cannot write " + option + " " + file + ": " + Folders.reason(ex), ex);
		}
		finally {
			if (temporary != null) {
				try {
					Files.deleteIfExists(temporary);
				}
				catch (IOException ex) {
					// best effort: a hidden temporary file
				}
			}
		}
	}

	/** An explicit baseline must exist; the default one is used when it can be made. */
	private Supplier<ShopCheckout> baselineSource(KitClone clone, Path cwd) {
		boolean explicit = this.spec.commandLine().getParseResult().hasMatchedOption("--baseline");
		if (explicit) {
			ShopCheckout opened = ShopSources.open(clone, this.baseline, cwd);
			return () -> opened;
		}
		return () -> {
			try {
				return ShopSources.open(clone, this.baseline, cwd);
			}
			catch (FiredrillException ex) {
				return null;
			}
		};
	}

	/** The firedrill clone, or null when run outside one (then only directories can be checked). */
	private KitClone openCloneIfAny() {
		try {
			return this.parent.workspace().openKitClone();
		}
		catch (FiredrillException ex) {
			if (Files.isDirectory(this.parent.workspace().cwd().resolve(this.target))) {
				return null;
			}
			throw ex;
		}
	}

}
