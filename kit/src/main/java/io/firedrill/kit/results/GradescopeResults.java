package io.firedrill.kit.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.firedrill.kit.catalog.Status;
import io.firedrill.kit.grade.card.Scorecard;
import io.firedrill.kit.grade.verdict.CriterionResult;
import io.firedrill.kit.grade.verdict.Finding;
import io.firedrill.kit.grade.verdict.Severity;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code results.json}: a scorecard as Gradescope's autograder output ("Autograder Specifications",
 * gradescope-autograders.readthedocs.io): {@code score} and {@code max_score} of the card, one test per criterion
 * with its points, {@code passed} only when it passed. A run script copies it to
 * {@code /autograder/results/results.json}. Maven's output stays with the interviewer ({@code stdout_visibility}
 * hidden).
 */
public final class GradescopeResults {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private GradescopeResults() {
	}

	public static String write(Scorecard card) {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("score", card.totalPoints());
		root.put("max_score", card.maxPoints());
		root.put("execution_time", card.durations().totalSeconds());
		root.put("output", output(card));
		root.put("visibility", "visible");
		root.put("stdout_visibility", "hidden");
		List<Object> tests = new ArrayList<>();
		for (CriterionResult result : card.criteria()) {
			Map<String, Object> test = new LinkedHashMap<>();
			test.put("name", result.id() + ": " + result.title());
			test.put("score", result.points());
			test.put("max_score", result.max());
			test.put("status", (result.status() == Status.PASS && result.graded()) ? "passed" : "failed");
			test.put("output", Text.verdict(result) + "\n" + Text.evidence(result));
			test.put("visibility", "visible");
			tests.add(test);
		}
		root.put("tests", tests);
		return JSON.writeValueAsString(root) + "\n";
	}

	private static String output(Scorecard card) {
		StringBuilder text = new StringBuilder();
		text.append(card.incidentTitle()).append(": ").append(card.totalPoints()).append(" / ").append(card.maxPoints())
			.append(" points, commit ").append(card.candidate().shortCommit()).append('\n');
		for (Finding finding : card.integrity()) {
			text.append(finding.severity().label()).append(": ").append(finding.message())
				.append((finding.severity() == Severity.CRITICAL) ? " (voids every criterion)" : "").append('\n');
		}
		return text.toString();
	}

}
