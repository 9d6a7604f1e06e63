package io.firedrill.kit.results;

import java.nio.file.Path;
import java.util.Map;

import io.firedrill.kit.Folders;
import io.firedrill.kit.grade.card.Scorecard;

/**
 * The scorecard's other formats, written next to {@code scorecard.json} in its (staged) folder: {@value #JUNIT},
 * {@value #GRADESCOPE}, {@value #CLASSROOM} and {@value #SUMMARY}.
 */
public final class ResultFiles {

	public static final String JUNIT = "junit.xml";

	public static final String GRADESCOPE = "results.json";

	public static final String CLASSROOM = "classroom-results.json";

	public static final String SUMMARY = "summary.md";

	private ResultFiles() {
	}

	/** Writes the four formats of the card into {@code dir}. */
	public static void write(Scorecard card, Path dir) {
		Folders.writeTexts(dir, Map.entry(JUNIT, JUnitXml.write(card)), Map.entry(GRADESCOPE, GradescopeResults.write(card)),
				Map.entry(CLASSROOM, ClassroomResults.write(card)), Map.entry(SUMMARY, JobSummary.write(card)));
	}

}
