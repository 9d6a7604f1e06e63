package io.firedrill.kit.grade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What the trusted resolution step has already put into the user's Maven repository, remembered across sessions, so
 * that grading the same POMs again (the next candidate of an incident, the second grade of {@code demo}) skips the
 * step: one empty file per resolved set of POMs and per test-provider probe, in {@value #FOLDER} of that repository,
 * named by a digest of what was resolved and of the Maven that resolved it. It lives in the repository itself, so a
 * repository deleted or replaced forgets it too; one pruned by hand shows as an artifact the sealed run cannot find
 * offline, and then the marks this grading relied on are forgotten ({@link #forget}).
 */
final class ResolvedMarks {

	static final String FOLDER = ".firedrill/resolved";

	private final Path folder;

	private final byte[] maven;

	private final List<Path> used = new ArrayList<>();

	/**
	 * @param userRepository the repository the trusted step downloads into
	 * @param maven what identifies the Maven that resolves (its wrapper's properties): another Maven may need
	 * other plugins
	 */
	ResolvedMarks(Path userRepository, byte[] maven) {
		this.folder = userRepository.resolve(FOLDER);
		this.maven = maven.clone();
	}

	/** Whether {@code what} (a kind and a digest of its inputs) was resolved by an earlier session; noted as used. */
	boolean has(String kind, String digest) {
		Path mark = mark(kind, digest);
		if (Files.isRegularFile(mark, LinkOption.NOFOLLOW_LINKS)) {
			this.used.add(mark);
			return true;
		}
		return false;
	}

	/** Remembers that {@code what} is resolved; a mark that cannot be written only costs the next session the step. */
	void add(String kind, String digest) {
		try {
			Files.createDirectories(this.folder);
			Files.createFile(mark(kind, digest));
		}
		catch (FileAlreadyExistsException ex) {
			// another session of a cohort resolved the same POMs
		}
		catch (IOException ex) {
			// not remembered: resolved again next time
		}
	}

	/** Forgets {@code what}, and every mark this session relied on: the next grading resolves them again. */
	void forget(String kind, String digest) {
		this.used.add(mark(kind, digest));
		for (Path mark : this.used) {
			try {
				Files.deleteIfExists(mark);
			}
			catch (IOException ex) {
				// left: the same question is asked again after the next grading
			}
		}
		this.used.clear();
	}

	private Path mark(String kind, String digest) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(this.maven);
			sha.update((byte) 0);
			sha.update(digest.getBytes(StandardCharsets.UTF_8));
			return this.folder.resolve(kind + "-" + HexFormat.of().formatHex(sha.digest()));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
