package io.firedrill.kit.results;

import static org.assertj.core.api.Assertions.assertThat;


import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.firedrill.kit.grade.card.Scorecard;
import io.firedrill.kit.grade.card.ScorecardSamples;

class GradescopeResultsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@ParameterizedTest
	@MethodSource("io.firedrill.kit.results.Schemas#cards")
	void everyCardIsValidAgainstTheSchemaTranscribedFromGradescopesDocumentation(Scorecard card) {
		assertThat(Schemas.jsonProblems("gradescope-results.schema.json", SpecificationVersion.DRAFT_2020_12,
				GradescopeResults.write(card))).isEmpty();
	}

	@Test
	void theSchemaRejectsWhatTheDocumentationDoesNotAllow() {
		assertThat(Schemas.jsonProblems("gradescope-results.schema.json", SpecificationVersion.DRAFT_2020_12,
				"{\"score\": 1, \"visibility\": \"public\", \"tests\": [{\"status\": \"partial\"}]}")).hasSize(2);
	}

	@Test
	void theScoreIsTheCardsPointsAndOnlyAPassedCriterionPasses() {
		JsonNode json = JSON.readTree(GradescopeResults.write(ScorecardSamples.card("charged $72.00")));
		assertThat(json.get("score").asInt()).isEqualTo(14);
		assertThat(json.get("max_score").asInt()).isEqualTo(30);
		assertThat(json.get("stdout_visibility").asString()).isEqualTo("hidden");
		JsonNode partial = json.get("tests").get(0);
		assertThat(partial.get("name").asString()).isEqualTo("flag-gated-backend: Discount codes are gated on the backend");
		assertThat(partial.get("score").asInt()).isEqualTo(4);
		assertThat(partial.get("max_score").asInt()).isEqualTo(10);
		assertThat(partial.get("status").asString()).isEqualTo("failed");
		assertThat(partial.get("output").asString()).startsWith("partial (mitigated, not gated)\n").contains("charged $72.00");
		assertThat(json.get("tests").get(1).get("status").asString()).isEqualTo("passed");
		assertThat(json.get("tests").get(2).get("output").asString()).startsWith("fail (not graded)");
	}

	@Test
	void aVoidedCardScoresZeroAndSaysWhy() {
		JsonNode json = JSON.readTree(GradescopeResults.write(ScorecardSamples.voided()));
		assertThat(json.get("score").asInt()).isZero();
		assertThat(json.get("tests").valueStream().map((t) -> t.get("status").asString())).containsOnly("failed");
		assertThat(json.get("output").asString()).contains("critical: ").contains("voids every criterion");
	}

}
