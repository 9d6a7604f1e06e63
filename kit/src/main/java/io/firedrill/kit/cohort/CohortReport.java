package io.firedrill.kit.cohort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import io.firedrill.kit.Cleanup;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.Folders;
import io.firedrill.kit.grade.card.ScorecardFiles;

/**
 * The cohort report over candidate folders: {@value #JSON}, {@value #CSV} and {@value #HTML}, written in a hidden
 * folder of the output folder and moved into place when all three are complete (the output folder may be the
 * cohort's own: the report's files sit next to the candidates' folders). Only these three files are replaced.
 */
public final class CohortReport {

	public static final String JSON = "cohort.json";

	public static final String CSV = "cohort.csv";

	public static final String HTML = "cohort.html";

	private CohortReport() {
	}

	/** What was written: the report's page and, when asked for, the summary. */
	public record Written(Path html, Path summary, int candidates, long graded, long errors) {
	}

	/**
	 * Reads the candidate folders of {@code dirs} and writes the report into {@code out}.
	 * @param summary where the Markdown job summary goes ({@code null}: none); appended to a file that exists, as
	 * {@code $GITHUB_STEP_SUMMARY} is used
	 * @throws FiredrillException (input) when the folders cannot be read or the output cannot be written
	 */
	public static Written write(List<Path> dirs, Path out, Path summary) {
		checkTarget(out);
		if (summary != null) {
			if (Files.isDirectory(summary)) {
				throw FiredrillException.input("summary " + summary + " is a folder");
			}
			Folders.checkWritable(summary);
		}
		Cohort cohort = CohortFolders.read(dirs, Instant.now());
		Path staging;
		try {
			Files.createDirectories(out);
			staging = Files.createTempDirectory(out, ".cohort.firedrill-");
		}
		catch (FileSystemException ex) {
			throw FiredrillException.input("cannot write " + ex.getFile() + ": " + Folders.reason(ex), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try (Cleanup.Action removeOnStop = Cleanup.onStop(() -> Folders.deleteQuietly(staging))) {
			Files.writeString(staging.resolve(JSON), CohortJson.write(cohort, out), StandardCharsets.UTF_8);
			Files.writeString(staging.resolve(CSV), CohortCsv.write(cohort), StandardCharsets.UTF_8);
			Files.writeString(staging.resolve(HTML), CohortHtml.write(cohort, out), StandardCharsets.UTF_8);
			String markdown = (summary != null) ? CohortSummary.write(cohort) : null;
			for (String name : List.of(JSON, CSV, HTML)) {
				Files.move(staging.resolve(name), out.resolve(name), StandardCopyOption.ATOMIC_MOVE,
						StandardCopyOption.REPLACE_EXISTING);
			}
			if (markdown != null) {
				writeSummary(summary, markdown);
			}
		}
		catch (IOException ex) {
			throw FiredrillException.input("cannot write the cohort report in " + out + ": "
					+ ((ex instanceof FileSystemException fs) ? Folders.reason(fs) : ex.getMessage()), ex);
		}
		finally {
			Folders.deleteQuietly(staging);
		}
		return new Written(out.resolve(HTML), summary, cohort.rows().size(), cohort.graded(), cohort.errors());
	}

	/** The report's files may replace only earlier reports' files: regular files, never a folder or a link. */
	private static void checkTarget(Path out) {
		if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
			throw FiredrillException.input("output " + out + " exists and is not a directory");
		}
		for (String name : List.of(JSON, CSV, HTML)) {
			Path file = out.resolve(name);
			if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
				throw FiredrillException.input(file + " exists and is not a file the report wrote");
			}
		}
		Folders.checkWritable(out);
	}

	/** Appended in one write to a summary that exists (another step's lines stay), else staged and moved. */
	private static void writeSummary(Path summary, String markdown) throws IOException {
		if (Files.isRegularFile(summary)) {
			Files.writeString(summary, markdown, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
			return;
		}
		Path parent = summary.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Path staged = Files.createTempFile(parent, "." + summary.getFileName() + ".firedrill-", ".md");
		try {
			Files.writeString(staged, markdown, StandardCharsets.UTF_8);
			Files.move(staged, summary, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(staged);
		}
	}

	/** The candidate's {@code scorecard.html} relative to the report's folder, or {@code null} for an error. */
	static String scorecardLink(Cohort.Row row, Path out) {
		if (!row.graded()) {
			return null;
		}
		Path page = row.folder().toAbsolutePath().normalize().resolve(ScorecardFiles.HTML);
		return out.toAbsolutePath().normalize().relativize(page).toString().replace('\\', '/');
	}

}
