package io.firedrill.kit.guardrails;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * One version of the shop on disk, in a temporary directory of its own: a tag or commit of the firedrill clone
 * written out, or a copy of a shop checkout. Guardrails build it and write into it freely; {@link #close()}
 * deletes it.
 *
 * @param dir the top of the shop (its root {@code pom.xml})
 * @param label what it is, for reports: {@code v2.4.0 (tag, 1a2b3c4d5e)} or {@code /path/to/checkout}
 * @param commit the commit it was written from, or {@code null} for a directory
 */
public record ShopCheckout(Path dir, String label, String commit) implements AutoCloseable {

	/** The file of the shop at a path relative to its root. */
	public Path resolve(String relative) {
		return this.dir.resolve(relative);
	}

	@Override
	public void close() {
		deleteRecursively(this.dir);
	}

	/** Best-effort removal of a temporary tree. */
	public static void deleteRecursively(Path root) {
		if (root == null || !Files.exists(root)) {
			return;
		}
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					Files.deleteIfExists(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path dir, IOException ex) throws IOException {
					Files.deleteIfExists(dir);
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException ex) {
			// a temporary directory: what is left is the OS's to clean
		}
	}

}
