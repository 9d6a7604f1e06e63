package io.firedrill.kit.grade.card;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.firedrill.kit.grade.verdict.CriterionResult;
import io.firedrill.kit.grade.verdict.Evidence;
import io.firedrill.kit.grade.verdict.Finding;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code scorecard.json}: the contract other tools read. Every field name is written here and nowhere else; they
 * change only with {@link Scorecard#SCHEMA_VERSION}.
 *
 * <pre>
 * schemaVersion, incident {id, title}, candidate {source, ref, commit, uncommittedChanges, uncommittedPaths[]},
 * gradedAt, kitVersion, kitCommit,
 * criteria[] {id, title, status (pass|partial|fail), label, points, max, graded, evidence[] {test, message},
 *             visibility (visible|after-review|hidden: what the candidate's feedback card shows of it)},
 * ownTests {ran, run, failed, errors, skipped, missingClasses[], skippedTests[]},
 * build {ok, modules[] {module, status}, errors[]},
 * integrity[] {severity (critical|warning|info), code, message},
 * durations {totalSeconds, mavenSeconds, timeoutSeconds, timedOut},
 * decision {present, text, truncated},                       DECISION.md of the graded commit, bounded
 * timeline[] {commit, time, message, files[], filesChanged}, the candidate's commits after the brief, oldest first
 * timelineTruncated, timelineFromIncident,                   older commits left out; false if the incident's
 *                                                            commit is not in the history (then: the last commits)
 * rubric {levels[], dimensions[] {id, title, what, anchors {level: text}, level, notes}, strengths[],
 *         improvements[], resources[], expected {strengths, improvements, resources}, resourceOptions[]},
 * hints {levels[], problems[] {problem, level}},
 * total {points, max}
 * </pre>
 * Fields the interviewer fills in ({@code rubric.dimensions[].level}, {@code hints.problems[].level}) are
 * {@code null}; notes and lists are empty.
 */
final class ScorecardJson {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private ScorecardJson() {
	}

	public static String write(Scorecard card) {
		return JSON.writeValueAsString(tree(card)) + "\n";
	}

	/** The JSON tree, as maps and lists in field order. */
	public static Map<String, Object> tree(Scorecard card) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("schemaVersion", Scorecard.SCHEMA_VERSION);
		json.put("incident", map("id", card.incident(), "title", card.incidentTitle()));
		Scorecard.Candidate candidate = card.candidate();
		json.put("candidate", map("source", candidate.source(), "ref", candidate.ref(), "commit", candidate.commit(),
				"uncommittedChanges", candidate.uncommittedChanges(), "uncommittedPaths", candidate.uncommittedPaths()));
		json.put("gradedAt", card.gradedAt());
		json.put("kitVersion", card.kitVersion());
		json.put("kitCommit", card.kitCommit());
		List<Object> criteria = new ArrayList<>();
		for (CriterionResult result : card.criteria()) {
			List<Object> evidence = new ArrayList<>();
			for (Evidence item : result.evidence()) {
				evidence.add(map("test", item.test(), "message", item.message()));
			}
			criteria.add(map("id", result.id(), "title", result.title(), "status", result.status().label(), "label",
					result.label(), "points", result.points(), "max", result.max(), "graded", result.graded(),
					"evidence", evidence, "visibility", card.feedbackOf(result.id()).visibility().label()));
		}
		json.put("criteria", criteria);
		Scorecard.OwnTests own = card.ownTests();
		json.put("ownTests", map("ran", own.ran(), "run", own.run(), "failed", own.failed(), "errors", own.errors(),
				"skipped", own.skipped(), "missingClasses", own.missingClasses(), "skippedTests", own.skippedTests()));
		List<Object> modules = new ArrayList<>();
		for (Scorecard.Module module : card.build().modules()) {
			modules.add(map("module", module.module(), "status", module.status()));
		}
		json.put("build", map("ok", card.build().ok(), "modules", modules, "errors", card.build().errors()));
		List<Object> integrity = new ArrayList<>();
		for (Finding finding : card.integrity()) {
			integrity.add(map("severity", finding.severity().label(), "code", finding.code(), "message",
					finding.message()));
		}
		json.put("integrity", integrity);
		Scorecard.Durations durations = card.durations();
		json.put("durations", map("totalSeconds", durations.totalSeconds(), "mavenSeconds", durations.mavenSeconds(),
				"timeoutSeconds", durations.timeoutSeconds(), "timedOut", durations.timedOut()));
		Decision decision = card.decision();
		json.put("decision", map("present", decision.present(), "text", decision.text(), "truncated",
				decision.truncated()));
		List<Object> timeline = new ArrayList<>();
		for (Timeline.Entry entry : card.timeline().commits()) {
			timeline.add(map("commit", entry.commit(), "time", entry.time(), "message", entry.message(), "files",
					entry.files(), "filesChanged", entry.filesChanged()));
		}
		json.put("timeline", timeline);
		json.put("timelineTruncated", card.timeline().truncated());
		json.put("timelineFromIncident", card.timeline().fromIncident());
		json.put("rubric", rubric(card.rubric()));
		json.put("hints", hints(card.rubric()));
		json.put("total", map("points", card.totalPoints(), "max", card.maxPoints()));
		return json;
	}

	private static Object rubric(Rubric rubric) {
		if (rubric == null) {
			return null;
		}
		List<Object> dimensions = new ArrayList<>();
		for (Rubric.Dimension dimension : rubric.dimensions()) {
			dimensions.add(map("id", dimension.id(), "title", dimension.title(), "what", dimension.what(), "anchors",
					dimension.anchors(), "level", null, "notes", ""));
		}
		List<Object> options = new ArrayList<>();
		for (Rubric.Resource resource : rubric.resources()) {
			options.add(map("title", resource.title(), "url", resource.url(), "topic", resource.topic()));
		}
		Rubric.Summary summary = rubric.summary();
		return map("levels", rubric.levels(), "dimensions", dimensions, "strengths", List.of(), "improvements",
				List.of(), "resources", List.of(), "expected",
				map("strengths", summary.strengths(), "improvements", summary.improvements(), "resources",
						summary.resources()),
				"resourceOptions", options);
	}

	private static Object hints(Rubric rubric) {
		if (rubric == null) {
			return map("levels", List.of(), "problems", List.of());
		}
		List<Object> problems = new ArrayList<>();
		for (String problem : rubric.problems()) {
			problems.add(map("problem", problem, "level", null));
		}
		return map("levels", rubric.hintLevels(), "problems", problems);
	}

	private static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
