package io.firedrill.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** File-tree helpers shared by the commands. */
public final class Folders {

	private Folders() {
	}

	/** Deletes a file or a folder with everything in it; symbolic links are deleted, never followed. */
	public static void delete(Path path) throws IOException {
		if (path == null || !Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		Files.walkFileTree(path, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				if (attrs.isRegularFile()) {
					file.toFile().setWritable(true);
				}
				Files.delete(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
				dir.toFile().setWritable(true);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path dir, IOException ex) throws IOException {
				Files.delete(dir);
				return FileVisitResult.CONTINUE;
			}
		});
	}

	/** {@link #delete(Path)}, ignoring failures: for temporary folders. */
	public static void deleteQuietly(Path path) {
		try {
			delete(path);
		}
		catch (IOException | UncheckedIOException ex) {
			// best effort
		}
	}

	/** Whether a folder does not exist or has nothing in it. */
	public static boolean isEmptyOrAbsent(Path dir) {
		if (!Files.exists(dir)) {
			return true;
		}
		if (!Files.isDirectory(dir)) {
			return false;
		}
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
			return !entries.iterator().hasNext();
		}
		catch (IOException ex) {
			return false;
		}
	}

}
