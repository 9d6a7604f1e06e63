package io.firedrill.kit.grade.card;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.firedrill.kit.Cleanup;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.Folders;

/**
 * A scorecard's folder: {@value #JSON}, {@value #MARKDOWN}, {@value #HTML}, the candidate's {@value #FEEDBACK_MARKDOWN}
 * and {@value #FEEDBACK_HTML}, and Maven's {@value #LOG}; for {@code firedrill grade} also {@code junit.xml},
 * {@code results.json} (Gradescope), {@code classroom-results.json} and {@code summary.md}, which the command writes
 * into the staged folder with {@code results.ResultFiles} (it reads grade: writing them from here would be a package
 * cycle). It is written in a hidden folder next to its destination and moved into place when complete, so a failure
 * leaves nothing.
 */
public final class ScorecardFiles {

	public static final String JSON = "scorecard.json";

	public static final String MARKDOWN = "scorecard.md";

	public static final String HTML = "scorecard.html";

	public static final String LOG = "build.log";

	/** The card to share with the candidate ({@link FeedbackCard}). */
	public static final String FEEDBACK_MARKDOWN = "feedback.md";

	public static final String FEEDBACK_HTML = "feedback.html";

	/** Written into every scorecard folder: {@code --force} replaces a folder only when it holds this file. */
	public static final String MARKER = ".firedrill-scorecard";

	/** Staged folders not yet published or discarded: removed if the kit is stopped. */
	private static final Map<Path, Cleanup.Action> STAGED = new ConcurrentHashMap<>();

	private ScorecardFiles() {
	}

	/**
	 * Checks that {@code out} can receive a scorecard: it must not exist, or be an empty folder, unless replaced.
	 * @throws FiredrillException (input) otherwise
	 */
	public static void checkDestination(Path out, boolean replace) {
		if (Files.isSymbolicLink(out) || Files.exists(out) && !Files.isDirectory(out)) {
			throw FiredrillException.input("output " + out + " exists and is not a directory");
		}
		if (Folders.isEmptyOrAbsent(out)) {
			// the scorecard is staged next to the folder, then moved into it: both must take new files
			Folders.checkWritable(out);
			Folders.checkWritable(out.toAbsolutePath().normalize().getParent());
			return;
		}
		if (!replace) {
			throw FiredrillException.input("output directory " + out + " is not empty (use --out, or --force to replace it)");
		}
		if (!Files.isRegularFile(out.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
			throw FiredrillException.input("--force replaces only a folder that firedrill grade wrote (it holds " + MARKER
					+ "), and " + out + " does not: choose another --out");
		}
		Path here = Path.of("").toAbsolutePath().normalize();
		if (here.startsWith(out.toAbsolutePath().normalize())) {
			throw FiredrillException.input("--force would replace " + out + ", which holds the current directory");
		}
		Folders.checkWritable(out.toAbsolutePath().normalize().getParent());
	}

	/**
	 * Fills a new hidden folder next to {@code out} with {@code write}, then moves it to {@code out}, replacing what
	 * was there when allowed; when anything fails, the staged folder is removed and {@code out} is left as it was.
	 * @return what {@code write} returned (the card it wrote)
	 */
	public static <T> T writeStaged(Path out, boolean replace, Function<Path, T> write) {
		Path staging = stage(out);
		try {
			T written = write.apply(staging);
			publish(staging, out, replace);
			return written;
		}
		catch (RuntimeException ex) {
			discard(staging);
			throw ex;
		}
	}

	/** A new hidden folder next to {@code out}, to write into. */
	static Path stage(Path out) {
		try {
			Path parent = out.toAbsolutePath().normalize().getParent();
			Files.createDirectories(parent);
			Path staging = Files.createTempDirectory(parent, "." + out.getFileName() + ".firedrill-");
			STAGED.put(staging, Cleanup.onStop(() -> Folders.deleteQuietly(staging)));
			return staging;
		}
		catch (FileSystemException ex) {
			throw FiredrillException.input("cannot write " + ex.getFile() + ": " + Folders.reason(ex), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Writes the renderings of the card into {@code dir}. */
	public static void write(Scorecard card, Path dir) {
		Folders.writeTexts(dir, Map.entry(MARKER, "a scorecard folder of firedrill grade: --force may replace it\n"),
				Map.entry(JSON, ScorecardJson.write(card)), Map.entry(MARKDOWN, ScorecardMarkdown.write(card)),
				Map.entry(HTML, ScorecardHtml.write(card)), Map.entry(FEEDBACK_MARKDOWN, FeedbackCard.markdown(card)),
				Map.entry(FEEDBACK_HTML, FeedbackCard.html(card)));
	}

	/** Moves the staged folder to {@code out}, replacing what was there when allowed. */
	static void publish(Path staging, Path out, boolean replace) {
		try {
			if (Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
				checkDestination(out, replace);
				Folders.delete(out);
			}
			Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
			unregister(staging);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Removes a staged folder that will not be published. */
	static void discard(Path staging) {
		Folders.deleteQuietly(staging);
		unregister(staging);
	}

	private static void unregister(Path staging) {
		Cleanup.Action action = STAGED.remove(staging);
		if (action != null) {
			action.close();
		}
	}

}
