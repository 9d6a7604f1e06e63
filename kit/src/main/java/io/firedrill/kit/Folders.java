package io.firedrill.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

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

	/**
	 * Checks, before anything is written, that {@code path} can be created or written: the closest folder at or
	 * above it that exists (the folder of a file that exists) must take a new file. It is tried with a hidden file,
	 * removed at once, so that a read-only file system is found as well as missing permissions, for root too.
	 * @throws FiredrillException (input) naming the folder and why, otherwise
	 */
	public static void checkWritable(Path path) {
		Path existing = path.toAbsolutePath().normalize();
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		if (existing == null) {
			return;
		}
		if (existing.equals(path.toAbsolutePath().normalize()) && Files.isRegularFile(existing)) {
			existing = existing.getParent(); // a file to replace: its folder takes the new one
		}
		if (!Files.isDirectory(existing)) {
			throw FiredrillException.input("cannot write " + path + ": " + existing + " is not a directory");
		}
		try {
			Files.delete(Files.createTempFile(existing, ".firedrill-", ".probe"));
		}
		catch (IOException ex) {
			throw FiredrillException.input("cannot write " + path + ": " + existing + " is not writable (" + reason(ex)
					+ ")", ex);
		}
	}

	/** Why a file operation failed, in a few words ("permission denied", "Read-only file system"...). */
	public static String reason(IOException ex) {
		if (ex instanceof AccessDeniedException) {
			return "permission denied";
		}
		if (ex instanceof NoSuchFileException) {
			return "no such file or directory";
		}
		if (ex instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
			return fileSystem.getReason();
		}
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	/**
	 * Writes each text as a UTF-8 file of that name into {@code dir}, in order: the renderings of a card into its
	 * staged folder.
	 */
	@SafeVarargs
	public static void writeTexts(Path dir, Map.Entry<String, String>... files) {
		try {
			for (Map.Entry<String, String> file : files) {
				Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
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
