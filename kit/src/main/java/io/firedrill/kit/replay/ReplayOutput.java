package io.firedrill.kit.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.Folders;

/** A replay's output folder: never one that holds something else than an earlier replay. */
final class ReplayOutput {

	private ReplayOutput() {
	}

	/** Marks a replay's output folder, which a later replay may overwrite. */
	static final String MARKER = ".firedrill-replay";

	/**
	 * Takes the output folder: it must be new, empty, or the output of an earlier replay (whose data and logs are
	 * then replaced).
	 * @throws FiredrillException (input) for a folder with other content
	 */
	static void claim(Path out) {
		try {
			if (Files.isDirectory(out) && !Files.exists(out.resolve(MARKER))) {
				try (Stream<Path> entries = Files.list(out)) {
					if (entries.findAny().isPresent()) {
						throw FiredrillException.input("output directory " + out
								+ " is not empty and holds no earlier replay: choose another --out");
					}
				}
			}
			else if (Files.exists(out) && !Files.isDirectory(out)) {
				throw FiredrillException.input("output " + out + " exists and is not a directory");
			}
			Folders.checkWritable(out);
			Files.createDirectories(out);
			Files.writeString(out.resolve(MARKER), "output of firedrill replay; a later replay may replace it\n");
		}
		catch (FileSystemException ex) {
			throw FiredrillException.input("cannot write " + ex.getFile() + ": " + Folders.reason(ex), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
