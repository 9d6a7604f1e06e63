package io.firedrill.kit.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
		try {
			Files.writeString(dir.resolve(JUNIT), JUnitXml.write(card), StandardCharsets.UTF_8);
			Files.writeString(dir.resolve(GRADESCOPE), GradescopeResults.write(card), StandardCharsets.UTF_8);
			Files.writeString(dir.resolve(CLASSROOM), ClassroomResults.write(card), StandardCharsets.UTF_8);
			Files.writeString(dir.resolve(SUMMARY), JobSummary.write(card), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
