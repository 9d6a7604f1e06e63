package io.firedrill.kit.grade;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The test fixtures of grade and its stage packages, under {@code src/test/resources/io/firedrill/kit/grade}. */
public final class Fixtures {

	private Fixtures() {
	}

	public static Path path(String name) {
		try {
			return Path.of(Fixtures.class.getResource(name).toURI());
		}
		catch (URISyntaxException | NullPointerException ex) {
			throw new IllegalStateException("no fixture " + name, ex);
		}
	}

	public static byte[] bytes(String name) {
		try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("no fixture " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static List<String> lines(String name) {
		return List.of(new String(bytes(name), StandardCharsets.UTF_8).split("\\R"));
	}

	/** A file of the firedrill repository this kit is built from (the kit module's parent folder). */
	public static byte[] repositoryFile(String path) {
		try {
			return Files.readAllBytes(Path.of("..").resolve(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
