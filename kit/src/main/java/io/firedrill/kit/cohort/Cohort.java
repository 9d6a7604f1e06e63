package io.firedrill.kit.cohort;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the cohort report shows: every candidate's row and, per criterion, how the cohort did.
 *
 * @param incident the incident every scorecard grades
 * @param kitVersion the kit's version that graded them
 * @param kitCommit the kit's commit that graded them ({@code null} when only errors were recorded)
 * @param generatedAt when the report was made (ISO-8601, UTC)
 * @param rows the candidates, sorted by id
 */
record Cohort(String incident, String kitVersion, String kitCommit, String generatedAt, List<Row> rows) {

	Cohort {
		rows = List.copyOf(rows);
	}

	/** A graded criterion of one candidate. */
	record Cell(String id, String title, String status, int points, int max, boolean graded) {

		/** {@code pass}, {@code partial}, {@code fail}, or {@code notGraded} when its hidden tests did not run. */
		String bucket() {
			return this.graded ? this.status : Distribution.NOT_GRADED;
		}

	}

	/** A finding of one candidate's scorecard. */
	record Flag(String severity, String code) {
	}

	/**
	 * One candidate.
	 * @param folder its scorecard folder
	 * @param graded whether it has a scorecard ({@code status: graded}), else an error
	 * @param reason why it has none, for an error
	 */
	record Row(String candidate, Path folder, String commit, boolean graded, int points, int max, List<Cell> criteria,
			List<Flag> findings, long durationSeconds, boolean timedOut, String reason) {

		Row {
			criteria = List.copyOf(criteria);
			findings = List.copyOf(findings);
		}

		static Row error(String candidate, Path folder, String commit, String reason) {
			return new Row(candidate, folder, commit, false, 0, 0, List.of(), List.of(), 0, false, reason);
		}

		String status() {
			return this.graded ? "graded" : "error";
		}

		/** {@code pass} (every point), {@code fail} (none), {@code partial}, or {@code error}. */
		String verdict() {
			if (!this.graded) {
				return "error";
			}
			return (this.points == this.max) ? "pass" : (this.points == 0) ? "fail" : "partial";
		}

		Cell cell(String criterion) {
			return this.criteria.stream().filter((cell) -> cell.id().equals(criterion)).findFirst().orElse(null);
		}

	}

	/** How the candidates with a scorecard did on one criterion. */
	record Distribution(String id, String title, int max, int pass, int partial, int fail, int notGraded) {

		static final String NOT_GRADED = "notGraded";

		int total() {
			return this.pass + this.partial + this.fail + this.notGraded;
		}

	}

	/** The criteria in the order of the first scorecard that has them, with their distribution. */
	List<Distribution> criteria() {
		Map<String, Cell> first = new LinkedHashMap<>();
		for (Row row : this.rows) {
			row.criteria().forEach((cell) -> first.putIfAbsent(cell.id(), cell));
		}
		List<Distribution> criteria = new ArrayList<>();
		for (Cell criterion : first.values()) {
			int[] counts = new int[4];
			for (Row row : this.rows) {
				Cell cell = row.cell(criterion.id());
				if (cell == null) {
					continue;
				}
				switch (cell.bucket()) {
					case "pass" -> counts[0]++;
					case "partial" -> counts[1]++;
					case "fail" -> counts[2]++;
					default -> counts[3]++;
				}
			}
			criteria.add(new Distribution(criterion.id(), criterion.title(), criterion.max(), counts[0], counts[1],
					counts[2], counts[3]));
		}
		return criteria;
	}

	long graded() {
		return this.rows.stream().filter(Row::graded).count();
	}

	long errors() {
		return this.rows.size() - graded();
	}

}
