package io.firedrill.kit.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.firedrill.kit.catalog.ReplayFacts;

/** The replay stories of this repository's catalog, read from its work tree (the tests run in {@code kit/}). */
public final class Stories {

	private Stories() {
	}

	/** The story of an incident of the catalog, over {@code incidents/replay.yaml}. */
	public static ReplayFacts of(String incident) {
		return ReplayFacts.read(read("incidents/" + incident + "/incident.yaml"), read("incidents/replay.yaml"),
				incident + ": ");
	}

	/** The catalog's default story, that of a bare tag. */
	public static ReplayFacts defaults() {
		return ReplayFacts.read(read("incidents/replay.yaml"), null, "replay.yaml: ");
	}

	private static byte[] read(String path) {
		try {
			return Files.readAllBytes(Path.of("..").resolve(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
