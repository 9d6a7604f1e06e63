package io.firedrill.kit.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A folder no file can be created in, for the tests of outputs that cannot be written. */
public final class ReadOnlyFolder {

	private ReadOnlyFolder() {
	}

	/**
	 * A folder in {@code dir} without write permission; when the tests run as root, which ignores permissions,
	 * {@code /sys} (sysfs refuses new files to everyone). Skips the test when neither refuses a new file.
	 */
	public static Path in(Path dir) {
		try {
			Path folder = Files.createDirectories(dir.resolve("read-only"));
			folder.toFile().setWritable(false, false);
			if (refusesNewFiles(folder)) {
				return folder;
			}
			folder.toFile().setWritable(true, false);
			Path sys = Path.of("/sys");
			assumeTrue(Files.isDirectory(sys) && refusesNewFiles(sys), "no folder here refuses new files");
			return sys;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean refusesNewFiles(Path folder) {
		try {
			Files.delete(Files.createTempFile(folder, "probe", ".tmp"));
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

}
