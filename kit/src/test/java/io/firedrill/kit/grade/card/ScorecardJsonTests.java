package io.firedrill.kit.grade.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code scorecard.json} is a contract: its field names and their kinds are checked here, golden-style. */
class ScorecardJsonTests {

	final JsonNode json = JsonMapper.builder().build().readTree(ScorecardJson.write(ScorecardSamples.card("charged $72.00")));

	@Test
	void hasTheContractsTopLevelFieldsInOrder() {
		assertThat(names(this.json)).containsExactly("schemaVersion", "incident", "candidate", "gradedAt", "kitVersion",
				"kitCommit", "criteria", "ownTests", "build", "integrity", "durations", "decision", "timeline",
				"timelineTruncated", "timelineFromIncident", "rubric", "hints", "total");
		assertThat(this.json.get("schemaVersion").asInt()).isEqualTo(1);
	}

	@Test
	void describesTheGradedCommit() {
		JsonNode candidate = this.json.get("candidate");
		assertThat(names(candidate)).containsExactly("source", "ref", "commit", "uncommittedChanges", "uncommittedPaths");
		assertThat(candidate.get("commit").asString()).hasSize(40);
		assertThat(candidate.get("uncommittedChanges").asBoolean()).isTrue();
		assertThat(names(this.json.get("incident"))).containsExactly("id", "title");
	}

	@Test
	void eachCriterionHasItsStatusInLowerCaseAndItsEvidence() {
		JsonNode criterion = this.json.get("criteria").get(0);
		assertThat(names(criterion)).containsExactly("id", "title", "status", "label", "points", "max", "graded", "evidence",
				"visibility");
		assertThat(criterion.get("visibility").asString()).isEqualTo("visible");
		assertThat(this.json.get("criteria").get(1).get("visibility").asString()).isEqualTo("after-review");
		assertThat(criterion.get("status").asString()).isEqualTo("partial");
		assertThat(criterion.get("label").asString()).isEqualTo("mitigated, not gated");
		assertThat(names(criterion.get("evidence").get(0))).containsExactly("test", "message");
		assertThat(this.json.get("criteria").get(1).get("label").isNull()).isTrue();
		assertThat(this.json.get("criteria").get(2).get("evidence").get(0).get("test").isNull()).isTrue();
	}

	@Test
	void ownTestsBuildIntegrityAndDurationsHaveTheirFields() {
		assertThat(names(this.json.get("ownTests"))).containsExactly("ran", "run", "failed", "errors", "skipped",
				"missingClasses", "skippedTests");
		assertThat(names(this.json.get("build"))).containsExactly("ok", "modules", "errors");
		assertThat(names(this.json.get("build").get("modules").get(0))).containsExactly("module", "status");
		assertThat(names(this.json.get("integrity").get(0))).containsExactly("severity", "code", "message");
		assertThat(this.json.get("integrity").get(0).get("severity").asString()).isEqualTo("warning");
		assertThat(names(this.json.get("durations"))).containsExactly("totalSeconds", "mavenSeconds", "timeoutSeconds",
				"timedOut");
	}

	@Test
	void theDecisionAndTheTimelineHaveTheirFields() {
		assertThat(names(this.json.get("decision"))).containsExactly("present", "text", "truncated");
		assertThat(this.json.get("decision").get("text").asString()).isEqualTo("# Decision\n\nFix forward.\n");
		assertThat(names(this.json.get("timeline").get(0))).containsExactly("commit", "time", "message", "files",
				"filesChanged");
		assertThat(this.json.get("timelineTruncated").isBoolean()).isTrue();
		assertThat(this.json.get("timelineFromIncident").asBoolean()).isTrue();
	}

	@Test
	void theRubricAndHintsAreThereToFillIn() {
		JsonNode rubric = this.json.get("rubric");
		assertThat(names(rubric)).containsExactly("levels", "dimensions", "strengths", "improvements", "resources",
				"expected", "resourceOptions");
		JsonNode dimension = rubric.get("dimensions").get(0);
		assertThat(names(dimension)).containsExactly("id", "title", "what", "anchors", "level", "notes");
		assertThat(dimension.get("level").isNull()).isTrue();
		assertThat(dimension.get("notes").asString()).isEmpty();
		assertThat(rubric.get("strengths").isEmpty()).isTrue();
		JsonNode hints = this.json.get("hints");
		assertThat(names(hints)).containsExactly("levels", "problems");
		assertThat(names(hints.get("problems").get(0))).containsExactly("problem", "level");
		assertThat(hints.get("problems").get(0).get("level").isNull()).isTrue();
	}

	@Test
	void theTotalAddsThePoints() {
		assertThat(this.json.get("total").get("points").asInt()).isEqualTo(14);
		assertThat(this.json.get("total").get("max").asInt()).isEqualTo(30);
	}

	private static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

}
