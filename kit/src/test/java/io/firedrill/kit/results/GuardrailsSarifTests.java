package io.firedrill.kit.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.firedrill.kit.guardrails.Finding;
import io.firedrill.kit.guardrails.GuardrailResult;
import io.firedrill.kit.guardrails.run.Guardrails;

class GuardrailsSarifTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A run that caught something in three guardrails and could not run the fourth; {@code path} varies the text. */
	static Guardrails.Report report(String path) {
		List<Finding> flags = List.of(
				new Finding("ungated-path", "DiscountService (flag discount_codes)", path + " never asks the flag API",
						"the flag gates the UI only", "consult the flag"),
				new Finding("ungated-path", "DiscountService (flag discount_codes)", path + "2 never asks the flag API",
						"the flag gates the UI only", "consult the flag"));
		List<Finding> migration = List.of(new Finding("required-column-breaks-old-writers",
				"db/changelog/releases/v2.4.0.yaml, changeset 7 by dev", "adds orders.currency NOT NULL without a default",
				"the previous release's inserts fail", "add it nullable first",
				"checkout-service/src/main/resources/db/changelog/releases/v2 4.0.yaml", 12),
				new Finding("lock-heavy-index", "db/changelog/releases/v2.4.0.yaml, changeset 8 by dev",
						"creates an index without CONCURRENTLY", "locks writes", null, "/tmp/shop/escape.yaml", 3));
		List<Finding> api = List.of(new Finding("METHOD_REMOVED", "order-retry-job", "PaymentClient.charge(" + path
				+ ") is METHOD_REMOVED", "NoSuchMethodError at run time", null));
		return new Guardrails.Report("v2.4.0", "0123456789abcdef", "v2.3.0", List.of(
				GuardrailResult.caught("migration-lint", "2 problems", migration, List.of()),
				GuardrailResult.caught("api-compat", "1 break", api, List.of()),
				GuardrailResult.caught("flag-gating", "2 paths", flags, List.of()),
				GuardrailResult.error("jobs-on-runtime", "could not run: the shop does not build", List.of())),
				null, Duration.ofSeconds(3));
	}

	@Test
	void aRunIsValidAgainstTheOfficialSarif210Schema() {
		String sarif = GuardrailsSarif.write(report("CheckoutController"), "1.0.0-SNAPSHOT");
		assertThat(Schemas.jsonProblems("sarif-schema-2.1.0.json", SpecificationVersion.DRAFT_4, sarif)).isEmpty();
	}

	@Test
	void theSchemaCatchesALevelSarifDoesNotKnow() {
		String sarif = GuardrailsSarif.write(report("A"), "1.0.0").replaceFirst("\"level\" : \"error\"", "\"level\" : \"fatal\"");
		assertThat(Schemas.jsonProblems("sarif-schema-2.1.0.json", SpecificationVersion.DRAFT_4, sarif)).isNotEmpty();
	}

	@Test
	void aRunWithNothingCaughtIsValidAndHasNoResults() {
		Guardrails.Report clean = new Guardrails.Report("v2.3.0", null, null,
				List.of(GuardrailResult.pass("flag-gating", "ok", List.of())), null, Duration.ZERO);
		String sarif = GuardrailsSarif.write(clean, "1.0.0");
		assertThat(Schemas.jsonProblems("sarif-schema-2.1.0.json", SpecificationVersion.DRAFT_4, sarif)).isEmpty();
		JsonNode run = JSON.readTree(sarif).get("runs").get(0);
		assertThat(run.get("results").isEmpty()).isTrue();
		assertThat(run.get("invocations").get(0).get("executionSuccessful").asBoolean()).isTrue();
	}

	@Test
	void theToolIsFiredrillGuardrailsAtTheKitsVersion() {
		JsonNode driver = run(report("A")).get("tool").get("driver");
		assertThat(driver.get("name").asString()).isEqualTo("firedrill guardrails");
		assertThat(driver.get("version").asString()).isEqualTo("1.0.0-SNAPSHOT");
	}

	@Test
	void ruleIdsComeFromTheGuardrailAndTheFindingsKindSoTheyAreStableAcrossRuns() {
		List<String> first = ruleIds(run(report("CheckoutController")));
		List<String> second = ruleIds(run(report("SubscriptionRenewalJob with other text entirely")));
		assertThat(first).isEqualTo(second).containsExactly("migration-lint/required-column-breaks-old-writers",
				"migration-lint/lock-heavy-index", "api-compat/method-removed", "flag-gating/ungated-path");
		assertThat(results(run(report("A"))).stream().map((r) -> r.get("ruleId").asString()).toList())
			.containsExactly("migration-lint/required-column-breaks-old-writers", "migration-lint/lock-heavy-index",
					"api-compat/method-removed", "flag-gating/ungated-path", "flag-gating/ungated-path");
	}

	@Test
	void everyResultPointsAtItsRuleAndIsAnError() {
		JsonNode run = run(report("A"));
		for (JsonNode result : results(run)) {
			JsonNode rule = run.get("tool").get("driver").get("rules").get(result.get("ruleIndex").asInt());
			assertThat(rule.get("id").asString()).isEqualTo(result.get("ruleId").asString());
			assertThat(result.get("level").asString()).isEqualTo("error");
		}
	}

	@Test
	void aFindingInAFileIsLocatedRelativeToTheSourceRootAndOthersAreNot() {
		List<JsonNode> results = results(run(report("A")));
		JsonNode physical = results.get(0).get("locations").get(0).get("physicalLocation");
		assertThat(physical.get("artifactLocation").get("uri").asString())
			.isEqualTo("checkout-service/src/main/resources/db/changelog/releases/v2%204.0.yaml");
		assertThat(physical.get("artifactLocation").get("uriBaseId").asString()).isEqualTo("%SRCROOT%");
		assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(12);
		// an absolute path would leak the machine's layout and break the base id: no location rather than a wrong one
		assertThat(results.get(1).has("locations")).isFalse();
		assertThat(results.get(2).has("locations")).isFalse();
	}

	@Test
	void onlyRelativePathsInsideTheRootBecomeUris() {
		assertThat(GuardrailsSarif.relativeUri("a/b c/ü.yaml")).isEqualTo("a/b%20c/%C3%BC.yaml");
		assertThat(GuardrailsSarif.relativeUri("/etc/passwd")).isNull();
		assertThat(GuardrailsSarif.relativeUri("C:\\shop\\a.yaml")).isNull();
		assertThat(GuardrailsSarif.relativeUri("a/../../b.yaml")).isNull();
		assertThat(GuardrailsSarif.relativeUri(null)).isNull();
	}

	@Test
	void aGuardrailThatCouldNotRunIsAFailedExecutionNotAResult() {
		JsonNode invocation = run(report("A")).get("invocations").get(0);
		assertThat(invocation.get("executionSuccessful").asBoolean()).isFalse();
		assertThat(invocation.get("toolExecutionNotifications").get(0).get("message").get("text").asString())
			.isEqualTo("jobs-on-runtime: could not run: the shop does not build");
	}

	private static JsonNode run(Guardrails.Report report) {
		return JSON.readTree(GuardrailsSarif.write(report, "1.0.0-SNAPSHOT")).get("runs").get(0);
	}

	private static List<JsonNode> results(JsonNode run) {
		return run.get("results").valueStream().toList();
	}

	private static List<String> ruleIds(JsonNode run) {
		return run.get("tool").get("driver").get("rules").valueStream().map((r) -> r.get("id").asString()).toList();
	}

}
