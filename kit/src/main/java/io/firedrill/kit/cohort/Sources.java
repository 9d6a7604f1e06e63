package io.firedrill.kit.cohort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.Folders;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * Where a roster row's repository is: a folder or bundle relative to the roster's folder, or a git URL cloned by JGit
 * into a temporary folder first. The clone is a trusted step with the network: it fetches, it runs nothing of the
 * candidate's (the grading itself runs sealed).
 */
final class Sources {

	private static final List<String> URL_PREFIXES = List.of("https://", "http://", "ssh://", "git@", "file://");

	/** Bound of one clone's network operations. */
	private static final int CLONE_TIMEOUT_SECONDS = 300;

	private Sources() {
	}

	static boolean isUrl(String repository) {
		return URL_PREFIXES.stream().anyMatch(repository::startsWith);
	}

	/** A local repository or bundle, relative to the roster's folder. */
	static Path local(Path roster, String repository) {
		Path folder = roster.toAbsolutePath().normalize().getParent();
		return folder.resolve(repository).normalize();
	}

	/**
	 * Clones {@code url} (bare, every branch and tag) into a new folder under {@code scratch}.
	 * @throws FiredrillException (input) when it cannot be cloned; the message names the URL without its password
	 */
	static Path clone(String url, Path scratch) {
		Path target;
		try {
			target = Files.createTempDirectory(scratch, "clone-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try (Git git = Git.cloneRepository()
			.setURI(url)
			.setDirectory(target.toFile())
			.setBare(true)
			.setCloneAllBranches(true)
			.setTimeout(CLONE_TIMEOUT_SECONDS)
			.call()) {
			return target;
		}
		catch (GitAPIException | RuntimeException ex) {
			Folders.deleteQuietly(target);
			Throwable root = ex;
			while (root.getCause() != null && root.getCause() != root) {
				root = root.getCause();
			}
			String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
			throw FiredrillException.input("cannot clone " + withoutPassword(url) + ": "
					+ withoutPassword(message.lines().findFirst().orElse("")), ex);
		}
	}

	/** {@code https://user:token@host/x} as {@code https://user:***@host/x}: rosters may carry tokens. */
	static String withoutPassword(String text) {
		return text.replaceAll("(\\w+://[^/@:\\s]+):[^/@\\s]+@", "$1:***@");
	}

}
