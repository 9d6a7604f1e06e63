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

class ClassroomResultsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@ParameterizedTest
	@MethodSource("io.firedrill.kit.results.Schemas#cards")
	void everyCardIsValidAgainstTheSchemaTranscribedFromTheReportersSource(Scorecard card) {
		assertThat(Schemas.jsonProblems("classroom-results.schema.json", SpecificationVersion.DRAFT_2020_12,
				ClassroomResults.write(card))).isEmpty();
	}

	@Test
	void theSchemaCatchesAStatusTheReporterDoesNotKnow() {
		String json = ClassroomResults.write(ScorecardSamples.passing()).replace("\"pass\"", "\"passed\"");
		assertThat(Schemas.jsonProblems("classroom-results.schema.json", SpecificationVersion.DRAFT_2020_12, json))
			.isNotEmpty();
	}

	@Test
	void theTestsScoresAddUpToTheCardsPointsAsTheReporterSumsThem() {
		JsonNode json = JSON.readTree(ClassroomResults.write(ScorecardSamples.card("charged $72.00")));
		assertThat(json.get("version").asInt()).isEqualTo(1);
		assertThat(json.get("max_score").asInt()).isEqualTo(30);
		assertThat(json.get("tests").valueStream().mapToInt((t) -> t.get("score").asInt()).sum()).isEqualTo(14);
		assertThat(json.get("tests").valueStream().map((t) -> t.get("status").asString()))
			.containsExactly("fail", "pass", "error");
		assertThat(json.get("status").asString()).isEqualTo("fail");
	}

	@Test
	void aCardWithNothingGradedErrorsAndAPassingOnePasses() {
		assertThat(JSON.readTree(ClassroomResults.write(ScorecardSamples.notGraded())).get("status").asString())
			.isEqualTo("error");
		assertThat(JSON.readTree(ClassroomResults.write(ScorecardSamples.passing())).get("status").asString())
			.isEqualTo("pass");
	}

	@Test
	void aVoidedCardScoresZero() {
		JsonNode json = JSON.readTree(ClassroomResults.write(ScorecardSamples.voided()));
		assertThat(json.get("tests").valueStream().mapToInt((t) -> t.get("score").asInt()).sum()).isZero();
		assertThat(json.get("status").asString()).isEqualTo("fail");
	}

}
