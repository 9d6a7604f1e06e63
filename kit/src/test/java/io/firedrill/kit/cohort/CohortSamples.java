package io.firedrill.kit.cohort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.firedrill.kit.catalog.Status;
import io.firedrill.kit.grade.card.Scorecard;
import io.firedrill.kit.grade.card.ScorecardFiles;
import io.firedrill.kit.grade.verdict.CriterionResult;
import io.firedrill.kit.grade.verdict.Evidence;
import io.firedrill.kit.grade.verdict.Finding;

/** Candidate folders as {@code firedrill cohort} writes them, from scorecards like {@code ScorecardSamples}'. */
final class CohortSamples {

	static final String INCIDENT = "release-2.4.0";

	static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

	private CohortSamples() {
	}

	/** A card with two criteria: {@code gated} worth 10 and {@code migration} worth 25. */
	static Scorecard card(String incident, String commit, String kitCommit, Status gated, boolean gatedGraded,
			Status migration, long seconds, boolean timedOut, List<Finding> findings) {
		List<CriterionResult> criteria = List.of(
				new CriterionResult("gated", "Discount codes are gated on the backend", gated, null,
						points(gated, 10), 10, gatedGraded,
						List.of(new Evidence("FlagOffTests#off", "expected <0> but was <5>"))),
				new CriterionResult("migration", "The schema stays compatible", migration, null, points(migration, 25),
						25, true, List.of()));
		return new Scorecard(incident, "v2.4.0: error rate 0.1 % to 15 %",
				new Scorecard.Candidate("/subs/x", "HEAD", commit, false, List.of()), "2026-11-30T10:00:00Z", "1.0.0",
				kitCommit, criteria, new Scorecard.OwnTests(true, 10, 0, 0, 0, List.of(), List.of()),
				new Scorecard.Build(true, List.of(new Scorecard.Module(".", "built")), List.of()), findings,
				new Scorecard.Durations(seconds, seconds - 5, 1200, timedOut), null);
	}

	private static int points(Status status, int max) {
		return switch (status) {
			case PASS -> max;
			case PARTIAL -> max / 2;
			case FAIL -> 0;
		};
	}

	/** Writes {@code card} into {@code dir/candidate} as grade does. */
	static Path graded(Path dir, String candidate, Scorecard card) throws Exception {
		Path folder = Files.createDirectories(dir.resolve(candidate));
		ScorecardFiles.write(card, folder);
		return folder;
	}

	static Path error(Path dir, String candidate, String reason) throws Exception {
		Path folder = Files.createDirectories(dir.resolve(candidate));
		ErrorCard.write(folder, INCIDENT, candidate, null, "1.0.0", "abcdef0123", "2026-11-30T10:00:00Z", reason);
		return folder;
	}

}
