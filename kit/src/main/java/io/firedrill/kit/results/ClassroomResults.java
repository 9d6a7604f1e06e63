package io.firedrill.kit.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.firedrill.kit.catalog.Status;
import io.firedrill.kit.grade.card.Scorecard;
import io.firedrill.kit.grade.verdict.CriterionResult;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code classroom-results.json}: a scorecard as the input of GitHub Classroom's
 * {@code classroom-resources/autograding-grading-reporter}, the shape its graders write ({@code version} 1,
 * {@code status}, {@code max_score}, {@code tests[]} {name, status, score, message, line_no}). The reporter sums
 * {@code tests[].score} for the points it sends to Classroom, so a partial criterion counts its points although its
 * status is {@code fail}; a criterion not graded is {@code error}.
 * <p>
 * The reporter reads each runner's results from an environment variable {@code <RUNNER>_RESULTS}, base64 of this
 * file, for the runners named in its {@code runners} input (letters and digits only). In a workflow:
 * <pre>
 * - id: firedrill
 *   run: |
 *     ./firedrill grade ... --out card
 *     echo "result=$(base64 -w0 card/classroom-results.json)" &gt;&gt; "$GITHUB_OUTPUT"
 * - uses: classroom-resources/autograding-grading-reporter@v1
 *   env:
 *     FIREDRILL_RESULTS: ${{ steps.firedrill.outputs.result }}
 *   with:
 *     runners: firedrill
 * </pre>
 */
public final class ClassroomResults {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private ClassroomResults() {
	}

	public static String write(Scorecard card) {
		List<Object> tests = new ArrayList<>();
		for (CriterionResult result : card.criteria()) {
			Map<String, Object> test = new LinkedHashMap<>();
			test.put("name", result.id() + ": " + result.title());
			test.put("status", status(result));
			test.put("score", result.points());
			test.put("message", Text.verdict(result) + ": " + result.points() + " / " + result.max() + " points\n"
					+ Text.evidence(result));
			// the reporter prints "line n" for any other value; a criterion has no line
			test.put("line_no", 0);
			tests.add(test);
		}
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("version", 1);
		root.put("status", overall(card));
		root.put("max_score", card.maxPoints());
		root.put("tests", tests);
		return JSON.writeValueAsString(root) + "\n";
	}

	private static String status(CriterionResult result) {
		if (!result.graded()) {
			return "error";
		}
		return (result.status() == Status.PASS) ? "pass" : "fail";
	}

	/** {@code fail} when a graded criterion did not pass, else {@code error} when one was not graded, else pass. */
	private static String overall(Scorecard card) {
		List<String> statuses = card.criteria().stream().map(ClassroomResults::status).toList();
		if (statuses.contains("fail")) {
			return "fail";
		}
		return statuses.contains("error") ? "error" : "pass";
	}

}
