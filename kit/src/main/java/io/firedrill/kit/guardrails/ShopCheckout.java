package io.firedrill.kit.guardrails;

import java.nio.file.Path;

import io.firedrill.kit.Folders;

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
		Folders.deleteQuietly(this.dir);
	}

}
