package io.firedrill.kit.guardrails;

import static io.firedrill.kit.guardrails.GuardrailResult.Status.CAUGHT;
import static io.firedrill.kit.guardrails.GuardrailResult.Status.PASS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.firedrill.kit.KitClone;
import io.firedrill.kit.guardrails.run.Guardrails;
import io.firedrill.kit.shop.ShopModules;
import io.firedrill.kit.support.Cli;
import io.firedrill.kit.support.RealClone;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proof that each guardrail flags the broken release it is about and passes the healthy one: every guardrail
 * on v2.3.0 and on each incident's tag, made from the catalog at HEAD, the shop built and its jobs run for real.
 * Prints the matrix at the end.
 */
class GuardrailsIntegrationTests {

	static final List<String> GUARDRAILS = List.of("migration-lint", "api-compat", "flag-gating", "jobs-on-runtime");

	static final Map<String, List<GuardrailResult.Status>> MATRIX = new LinkedHashMap<>();

	static final List<String> MEASURED = new ArrayList<>();

	static Stream<Arguments> releases() {
		return Stream.of(
				Arguments.of("v2.3.0", List.of(PASS, PASS, PASS, PASS)),
				Arguments.of("incident/ungated-discount", List.of(PASS, PASS, CAUGHT, PASS)),
				Arguments.of("incident/sdk-v4-call-sites", List.of(PASS, CAUGHT, PASS, CAUGHT)),
				Arguments.of("incident/not-null-migration", List.of(CAUGHT, PASS, PASS, PASS)),
				Arguments.of("incident/release-2.4.0", List.of(CAUGHT, CAUGHT, CAUGHT, CAUGHT)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("releases")
	void eachGuardrailCatchesItsIncidentAndPassesTheHealthyRelease(String release,
			List<GuardrailResult.Status> expected) {
		try (KitClone clone = RealClone.open()) {
			ShopCheckout shop = ShopSources.fromCatalog(clone, release);
			boolean buildable = ShopModules.missing(shop.dir()).isEmpty();
			try (GuardrailContext context = new GuardrailContext(shop, "v2.3.0",
					() -> ShopSources.fromCatalog(clone, "v2.3.0"), GuardrailContext.DEFAULT_JOB_TIMEOUT, false)) {
				Guardrails.Report report = Guardrails.run(context,
						buildable ? GUARDRAILS : List.of("migration-lint"), (result) -> {
						});
				MATRIX.put(release, report.results().stream().map(GuardrailResult::status).toList());
				MEASURED.add(release + ": " + String.join(", ", report.results().stream()
					.map((r) -> r.id() + " " + r.status().label() + " " + r.duration().toSeconds() + " s").toList())
						+ ((report.build() != null) ? " (build " + report.build().duration().toSeconds() + " s)" : ""));
				SoftAssertions softly = new SoftAssertions();
				for (GuardrailResult result : report.results()) {
					softly.assertThat(result.status())
						.as("%s on %s: %s %s %s", result.id(), release, result.summary(), result.findings(), result.notes())
						.isEqualTo(expected.get(GUARDRAILS.indexOf(result.id())));
				}
				softly.assertAll();
				RealClone.assumeBuildable(shop);
			}
		}
	}

	@Test
	void theCommandLineSaysWhatItCaughtAndExitsEight() {
		Cli.Run run = Cli.firedrill(RealClone.root(), "guardrails", "incident/not-null-migration", "--only", "migration-lint");

		assertThat(run.exitCode()).as(run.err()).isEqualTo(8);
		assertThat(run.out()).contains("migration-lint   caught",
				"required-column-breaks-old-writers: db/changelog/releases/v2.4.0.yaml, changeset 2.4.0-add-order-metadata by priya.raman",
				"safe: add it nullable (or NOT NULL with a default) now");
	}

	@AfterAll
	static void printTheMatrix() {
		StringBuilder table = new StringBuilder("\nguardrail verdicts (made from the catalog at HEAD)\n");
		table.append(String.format("%-30s", "")).append(String.join("", GUARDRAILS.stream().map((g) -> String.format("%-17s", g)).toList())).append('\n');
		MATRIX.forEach((release, statuses) -> {
			table.append(String.format("%-30s", release));
			for (int i = 0; i < GUARDRAILS.size(); i++) {
				table.append(String.format("%-17s", (i < statuses.size()) ? statuses.get(i).label() : "(skipped)"));
			}
			table.append('\n');
		});
		MEASURED.forEach((line) -> table.append("  ").append(line).append('\n'));
		System.out.println(table);
	}

}
