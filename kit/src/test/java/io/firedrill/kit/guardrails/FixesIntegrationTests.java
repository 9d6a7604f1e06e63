package io.firedrill.kit.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.firedrill.kit.KitClone;
import io.firedrill.kit.catalog.Catalog;
import io.firedrill.kit.catalog.Incident;
import io.firedrill.kit.guardrails.migration.MigrationLint;
import io.firedrill.kit.guardrails.run.Guardrails;
import io.firedrill.kit.support.RealClone;
import io.firedrill.kit.rollback.Databases;
import io.firedrill.kit.rollback.RollbackCheck;
import io.firedrill.kit.rollback.RollbackReport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The reference fixes of the catalog ({@code incidents/<id>/fixes/fixes.yaml}: {@code fixes: [{id, kind:
 * accepted|wrong, patch}]}, patches applied on the incident's tag) through every guardrail: an accepted fix passes
 * them all, edits no changeset the incident's tag holds (what ran in production), and, when the incident is about
 * the migration, makes the rollback to v2.3.0 safe; a known-wrong fix's verdicts are printed, for the interviewer. Picked up automatically as fixes are added.
 */
class FixesIntegrationTests {

	static final YAMLMapper YAML = YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

	record Fixes(List<Fix> fixes) {
	}

	record Fix(String id, String kind, String patch, Boolean reference) {
	}

	@TestFactory
	Stream<DynamicTest> everyReferenceFixPassesEveryGuardrail() {
		List<DynamicTest> tests = new ArrayList<>();
		try (KitClone clone = RealClone.open()) {
			for (Incident incident : Catalog.read(clone).incidents()) {
				String folder = incident.folder() + "/fixes/";
				clone.read(folder + "fixes.yaml").ifPresent((yaml) -> {
					Fixes fixes = YAML.readValue(yaml, Fixes.class);
					for (Fix fix : (fixes.fixes() != null) ? fixes.fixes() : List.<Fix>of()) {
						// The reference fix of each incident: every guardrail run takes a shop build, and the
						// grader's proof already covers every other fix.
						if (!Boolean.TRUE.equals(fix.reference())) {
							continue;
						}
						byte[] patch = clone.read(folder + fix.patch())
							.orElseThrow(() -> new AssertionError(folder + fix.patch() + " is not in HEAD"));
						tests.add(DynamicTest.dynamicTest(incident.id() + " " + fix.kind() + " " + fix.id(),
								() -> check(incident, fix, patch)));
					}
				});
			}
		}
		if (tests.isEmpty()) {
			tests.add(DynamicTest.dynamicTest("no incidents/<id>/fixes/fixes.yaml yet",
					() -> Assumptions.abort("no reference fix in the catalog yet: nothing to prove")));
		}
		return tests.stream();
	}

	private static void check(Incident incident, Fix fix, byte[] patch) throws IOException {
		try (KitClone clone = RealClone.open()) {
			ShopCheckout shop = ShopSources.fromCatalog(clone, incident.tag());
			try (GuardrailContext context = new GuardrailContext(shop, "v2.3.0",
					() -> ShopSources.fromCatalog(clone, "v2.3.0"), GuardrailContext.DEFAULT_JOB_TIMEOUT, false)) {
				RealClone.assumeBuildable(shop);
				apply(shop.dir(), patch, fix);
				Guardrails.Report report = Guardrails.run(context, List.of(), (result) -> {
				});
				// What ran in production during the incident is the incident's tag: a fix must add changesets, never
				// edit one of those (the default baseline, v2.3.0, does not hold v2.4.0's changeset).
				MigrationLint.Result againstProduction;
				try (ShopCheckout production = ShopSources.fromCatalog(clone, incident.tag())) {
					againstProduction = MigrationLint.lint(shop.dir(), production.dir(), incident.tag());
				}
				System.out.println(incident.id() + " " + fix.kind() + " fix " + fix.id() + ": " + String.join(", ",
						report.results().stream().map((r) -> r.id() + " " + r.status().label()).toList())
						+ "; migration-lint against " + incident.tag() + ": "
						+ (againstProduction.findings().isEmpty() ? "pass" : "caught " + String.join(", ",
								againstProduction.findings().stream().map((f) -> f.rule()).toList())));
				if ("accepted".equals(fix.kind())) {
					for (GuardrailResult result : report.results()) {
						assertThat(result.status()).as("%s on accepted fix %s of %s: %s %s", result.id(), fix.id(),
								incident.id(), result.summary(), result.findings()).isEqualTo(GuardrailResult.Status.PASS);
					}
					assertThat(againstProduction.findings()).as("migration-lint of accepted fix %s against %s", fix.id(),
							incident.tag()).isEmpty();
					if (incident.criteria().contains("compatible-migration")) {
						try (ShopCheckout older = ShopSources.fromCatalog(clone, "v2.3.0")) {
							RollbackCheck.Result rollback = RollbackCheck.run(shop, older, List.of(Databases.Kind.H2),
									context.work().resolve("rollback"));
							assertThat(rollback.safe()).as(RollbackReport.verdict(rollback)).isTrue();
						}
					}
				}
			}
		}
	}

	private static void apply(Path dir, byte[] patch, Fix fix) throws IOException {
		Path file = Files.createTempFile("firedrill-fix-", ".patch");
		try {
			Files.write(file, patch);
			Process process = new ProcessBuilder("git", "apply", "--whitespace=nowarn", file.toString()).directory(dir.toFile())
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes());
			assertThat(process.waitFor()).as("git apply " + fix.patch() + ": " + output).isZero();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

}
