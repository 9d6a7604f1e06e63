package io.firedrill.kit.cohort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.firedrill.kit.grade.card.ScorecardFiles;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@value #FILE}: what a candidate's folder holds instead of a scorecard when its submission could not be graded,
 * so that a report over the folders, made on another machine, still has its row.
 *
 * <pre>
 * schemaVersion, incident, candidate, commit (null when not resolved), kitVersion, kitCommit, failedAt, reason
 * </pre>
 */
final class ErrorCard {

	static final String FILE = "cohort-error.json";

	static final int SCHEMA_VERSION = 1;

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private ErrorCard() {
	}

	/** Writes the error file, and the marker that lets a later run replace the folder, into {@code dir}. */
	static void write(Path dir, String incident, String candidate, String commit, String kitVersion, String kitCommit,
			String failedAt, String reason) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("schemaVersion", SCHEMA_VERSION);
		json.put("incident", incident);
		json.put("candidate", candidate);
		json.put("commit", commit);
		json.put("kitVersion", kitVersion);
		json.put("kitCommit", kitCommit);
		json.put("failedAt", failedAt);
		json.put("reason", reason);
		try {
			Files.writeString(dir.resolve(ScorecardFiles.MARKER),
					"a candidate folder of firedrill cohort: a later run may replace it\n", StandardCharsets.UTF_8);
			Files.writeString(dir.resolve(FILE), JSON.writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
