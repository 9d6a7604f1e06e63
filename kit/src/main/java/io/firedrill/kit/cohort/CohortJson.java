package io.firedrill.kit.cohort;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code cohort.json}: the contract other tools read. Every field name is written here and nowhere else; they change
 * only with {@link #SCHEMA_VERSION}.
 *
 * <pre>
 * schemaVersion, incident, kitVersion, kitCommit, generatedAt,
 * totals {candidates, graded, errors},
 * candidates[] {candidate, commit, status (graded|error), reason (null unless error), points, max,
 *               criteria[] {id, status (pass|partial|fail), points, max, graded},
 *               findings[] {severity (critical|warning|info), code},
 *               durationSeconds, timedOut, scorecard (scorecard.html relative to cohort.json; null for an error)},
 * criteria[] {id, title, max, distribution {pass, partial, fail, notGraded}}
 * </pre>
 * A criterion counts as {@code notGraded} in the distribution when its hidden tests did not run, whatever its status;
 * candidates with an error count in no distribution.
 */
final class CohortJson {

	static final int SCHEMA_VERSION = 1;

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private CohortJson() {
	}

	static String write(Cohort cohort, Path out) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("schemaVersion", SCHEMA_VERSION);
		json.put("incident", cohort.incident());
		json.put("kitVersion", cohort.kitVersion());
		json.put("kitCommit", cohort.kitCommit());
		json.put("generatedAt", cohort.generatedAt());
		json.put("totals", map("candidates", cohort.rows().size(), "graded", cohort.graded(), "errors", cohort.errors()));
		List<Object> candidates = new ArrayList<>();
		for (Cohort.Row row : cohort.rows()) {
			List<Object> criteria = new ArrayList<>();
			for (Cohort.Cell cell : row.criteria()) {
				criteria.add(map("id", cell.id(), "status", cell.status(), "points", cell.points(), "max", cell.max(),
						"graded", cell.graded()));
			}
			List<Object> findings = new ArrayList<>();
			for (Cohort.Flag flag : row.findings()) {
				findings.add(map("severity", flag.severity(), "code", flag.code()));
			}
			candidates.add(map("candidate", row.candidate(), "commit", row.commit(), "status", row.status(), "reason",
					row.reason(), "points", row.points(), "max", row.max(), "criteria", criteria, "findings", findings,
					"durationSeconds", row.durationSeconds(), "timedOut", row.timedOut(), "scorecard",
					CohortReport.scorecardLink(row, out)));
		}
		json.put("candidates", candidates);
		List<Object> criteria = new ArrayList<>();
		for (Cohort.Distribution criterion : cohort.criteria()) {
			criteria.add(map("id", criterion.id(), "title", criterion.title(), "max", criterion.max(), "distribution",
					map("pass", criterion.pass(), "partial", criterion.partial(), "fail", criterion.fail(),
							Cohort.Distribution.NOT_GRADED, criterion.notGraded())));
		}
		json.put("criteria", criteria);
		return JSON.writeValueAsString(json) + "\n";
	}

	private static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
