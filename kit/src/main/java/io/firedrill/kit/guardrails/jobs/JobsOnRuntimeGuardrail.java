package io.firedrill.kit.guardrails.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

import io.firedrill.kit.guardrails.Finding;
import io.firedrill.kit.guardrails.Guardrail;
import io.firedrill.kit.guardrails.GuardrailContext;
import io.firedrill.kit.guardrails.GuardrailResult;
import io.firedrill.kit.guardrails.migration.Changelogs;
import io.firedrill.kit.shop.HostRuntime;
import io.firedrill.kit.shop.Processes;
import io.firedrill.kit.shop.ShopBuild;
import io.firedrill.kit.shop.ShopModules;

/**
 * {@code jobs-on-runtime}: every job of the shop run once, end to end, the way its hosts start it
 * ({@code deploy/run.sh <job> --run-once}: its runnable jar plus the SDK version of {@code deploy/runtime.properties}),
 * against a fresh embedded database holding the shop's schema and one piece of work per job. A job that exits
 * non-zero, runs out of time, or exits 0 with its work left undone is caught.
 */
public final class JobsOnRuntimeGuardrail implements Guardrail {

	public static final String ID = "jobs-on-runtime";

	/** A job is a module whose application can be started with this option. */
	static final String RUN_ONCE = ShopModules.RUN_ONCE;

	/** The shop's embedded database, as every module's application.properties configures it. */
	static final String DEFAULT_URL = "jdbc:h2:file:${acme.data-dir}/shop;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";

	private static final Pattern THROWABLE = Pattern
		.compile("^(?:Caused by: |Exception in thread \"[^\"]*\" )?[a-zA-Z_$][\\w$]*(?:\\.[a-zA-Z_$][\\w$]*)+(?:Exception|Error)(?::.*)?$");

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String description() {
		return "every job run once, end to end, on the SDK its runtime carries (deploy/run.sh <job> --run-once)";
	}

	@Override
	public boolean needsBuild() {
		return true;
	}

	@Override
	public GuardrailResult check(GuardrailContext context) {
		Path shop = context.shop().dir();
		List<ShopModules.Module> jobs = ShopModules.jobs(shop);
		List<String> notes = new ArrayList<>();
		List<String> missing = ShopModules.missing(shop);
		if (!missing.isEmpty()) {
			return GuardrailResult.error(ID, "the root pom lists modules that are not there (" + String.join(", ", missing)
					+ "): the shop cannot be built, its jobs cannot run", notes);
		}
		if (jobs.isEmpty()) {
			return GuardrailResult.pass(ID, "no job in this version (no module whose application takes " + RUN_ONCE
					+ ")", notes);
		}
		if (!Files.isExecutable(shop.resolve("deploy/run.sh"))) {
			return GuardrailResult.error(ID, "no executable deploy/run.sh: cannot start the jobs as the hosts do", notes);
		}
		ShopBuild.Outcome build = context.build();
		if (!build.succeeded()) {
			return GuardrailResult.error(ID, "the shop does not build, so there are no jobs to run: " + build.firstError(),
					List.of("build: " + build.command() + " (log " + build.log() + ")"));
		}
		String sdk = runtimeSdk(shop).orElse("?");
		Path data = context.work().resolve("jobs-data");
		String url = databaseUrl(jobs.get(0).in(shop), data);
		JobSeeds seeds;
		try {
			Files.createDirectories(data);
			Path master = Changelogs.findMasters(shop).stream().findFirst()
				.orElseThrow(() -> new IllegalStateException("no Liquibase changelog to create the schema with"));
			Changelogs.update(master, DriverManager.getConnection(url, "sa", ""));
			try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
				seeds = JobSeeds.plant(connection);
			}
		}
		catch (IOException | SQLException | RuntimeException ex) {
			return GuardrailResult.error(ID, "cannot prepare the jobs' database: " + ex.getMessage(), notes);
		}
		notes.add("database " + url.replace(data.toString(), "<fresh ACME_DATA_DIR>") + ", schema from the shop's "
				+ "changelog, one piece of work per job; SDK on the runtime: payment-sdk " + sdk
				+ " (deploy/runtime.properties)");
		List<Finding> findings = new ArrayList<>();
		for (ShopModules.Module job : jobs) {
			List<String> command = List.of(shop.resolve("deploy/run.sh").toString(), job.dir(), RUN_ONCE);
			Processes.Result run = Processes.runBounded(command, shop, Map.of("ACME_DATA_DIR", data.toString()),
					context.jobTimeout(), context.work().resolve("jobs").resolve(job.dir() + ".log"));
			String seed = seeds.describe(job.dir()).map((s) -> ", work: " + s).orElse(", no work seeded");
			String where = job.dir() + " (deploy/run.sh " + job.dir() + " " + RUN_ONCE + ", payment-sdk " + sdk + seed + ")";
			String line = job.dir() + ": exit " + (run.timedOut() ? "none (timed out)" : run.exitCode()) + " after "
					+ run.duration().toSeconds() + " s";
			if (run.timedOut()) {
				findings.add(new Finding("job-timed-out", where, "still running after " + context.jobTimeout().toSeconds()
						+ " s (its process tree was killed)", "a job that never finishes holds its work and its lock "
						+ "forever", "find where it hangs: its log is " + context.work().resolve("jobs").resolve(job.dir() + ".log")));
			}
			else if (run.exitCode() != 0) {
				String error = firstError(run.lines()).orElse("exit code " + run.exitCode());
				line += ": " + error;
				findings.add(new Finding("job-failed", where, "exit code " + run.exitCode() + ": " + error,
						"on the hosts it fails the same way on every run, and only its log says so",
						"run every job once against the SDK its hosts carry in CI; compile it against that version"));
			}
			else {
				Optional<String> undone = leftUndone(seeds, url, job.dir());
				if (undone.isPresent()) {
					line += ", but " + undone.get();
					findings.add(new Finding("job-did-nothing", where, "exit code 0, but " + undone.get(),
							"a job that swallows its failure looks healthy while its work piles up",
							"let the run fail when the work fails; check the work is done in the job's integration test"));
				}
			}
			notes.add(line);
		}
		long failed = findings.size();
		return GuardrailResult.of(ID, findings, "all " + jobs.size() + " jobs ran once and did their work on payment-sdk " + sdk,
				failed + " of " + jobs.size() + " jobs failed on payment-sdk " + sdk, notes);
	}

	private static Optional<String> leftUndone(JobSeeds seeds, String url, String job) {
		try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
			return seeds.leftUndone(connection, job);
		}
		catch (SQLException ex) {
			return Optional.of("its work could not be checked: " + ex.getMessage());
		}
	}

	/** The first exception line of a job's output, else its first ERROR log line. */
	static Optional<String> firstError(List<String> lines) {
		for (String line : lines) {
			if (THROWABLE.matcher(line.strip()).matches()) {
				return Optional.of(line.strip());
			}
		}
		for (String line : lines) {
			if (line.contains(" ERROR ") || line.startsWith("ERROR") || line.startsWith("run.sh:")) {
				return Optional.of(line.strip());
			}
		}
		return Optional.empty();
	}

	/** The job's own {@code spring.datasource.url}, with {@code acme.data-dir} set to {@code data}. */
	static String databaseUrl(Path job, Path data) {
		String url = DEFAULT_URL;
		Path properties = job.resolve("src/main/resources/application.properties");
		if (Files.isRegularFile(properties)) {
			try {
				Properties loaded = new Properties();
				loaded.load(new StringReader(Files.readString(properties)));
				url = loaded.getProperty("spring.datasource.url", DEFAULT_URL);
			}
			catch (IOException ex) {
				// the default is the shop's
			}
		}
		String resolved = url.replace("${acme.data-dir}", data.toString());
		return resolved.contains("${") ? DEFAULT_URL.replace("${acme.data-dir}", data.toString()) : resolved;
	}

	static Optional<String> runtimeSdk(Path shop) {
		try {
			return HostRuntime.read(shop).paymentSdk();
		}
		catch (UncheckedIOException ex) {
			return Optional.empty();
		}
	}

}
