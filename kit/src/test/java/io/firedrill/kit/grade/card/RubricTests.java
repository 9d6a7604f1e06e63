package io.firedrill.kit.grade.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.firedrill.kit.grade.Fixtures;
import org.junit.jupiter.api.Test;

class RubricTests {

	@Test
	void readsTheYamlBetweenTheMarkers() {
		Rubric rubric = Rubric.fromMarkdown(Fixtures.bytes("scenarios-fixture.md")).orElseThrow();

		assertThat(rubric.levels()).containsExactly("Novice", "Intermediate", "Expert");
		assertThat(rubric.dimensions()).extracting(Rubric.Dimension::id).containsExactly("triage-speed", "root-cause-analysis");
		Rubric.Dimension triage = rubric.dimensions().get(0);
		assertThat(triage.title()).isEqualTo("Triage speed");
		assertThat(triage.what()).isEqualTo("The first move.");
		assertThat(triage.anchors()).containsExactly(org.assertj.core.api.Assertions.entry("Novice", "Reads code first."),
				org.assertj.core.api.Assertions.entry("Intermediate", "Ties the step to the deploy."),
				org.assertj.core.api.Assertions.entry("Expert", "Asks for the graph and the changelog."));
		assertThat(rubric.hintLevels()).containsExactly(0, 1, 2, 3, 4);
		assertThat(rubric.problems()).containsExactly("discount", "migration");
		assertThat(rubric.summary()).isEqualTo(new Rubric.Summary("3", "3", "2-3"));
		assertThat(rubric.resources()).singleElement().extracting(Rubric.Resource::topic).isEqualTo("expand-contract");
	}

	@Test
	void aLevelWithoutAnchorIsEmptyNotMissing() {
		Rubric rubric = Rubric.fromMarkdown(Fixtures.bytes("scenarios-fixture.md")).orElseThrow();

		assertThat(rubric.dimensions().get(1).anchors()).containsKeys("Novice", "Intermediate", "Expert")
			.containsEntry("Intermediate", "");
	}

	@Test
	void readsTheKitsOwnScenarios() {
		Rubric rubric = Rubric.fromMarkdown(Fixtures.repositoryFile(Rubric.FILE)).orElseThrow();

		assertThat(rubric.dimensions()).extracting(Rubric.Dimension::id)
			.containsExactly("triage-speed", "rollback-execution", "root-cause-analysis", "process-improvement");
		assertThat(rubric.dimensions()).allSatisfy((dimension) -> assertThat(dimension.anchors().values()).allMatch((a) -> !a.isBlank()));
		assertThat(rubric.problems()).containsExactly("discount", "sdk-call-sites", "migration");
	}

	@Test
	void anIncidentThatNamesItsHintProblemsGetsThoseRowsAndOneThatNamesNoneTheRubricsOwn() {
		Rubric rubric = Rubric.fromMarkdown(Fixtures.repositoryFile(Rubric.FILE)).orElseThrow();

		assertThat(rubric.forProblems(List.of("round-up")).problems()).containsExactly("round-up");
		assertThat(rubric.forProblems(List.of("round-up")).dimensions()).isEqualTo(rubric.dimensions());
		assertThat(rubric.forProblems(List.of())).isSameAs(rubric);
	}

	@Test
	void withoutMarkersThereIsNoRubric() {
		assertThat(Rubric.fromMarkdown("# Guide\n\nno rubric here\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
		assertThat(Rubric.fromMarkdown((Rubric.BEGIN + "\n```yaml\nlevels: [\n```\n" + Rubric.END)
			.getBytes(StandardCharsets.UTF_8))).isEmpty();
	}

}
