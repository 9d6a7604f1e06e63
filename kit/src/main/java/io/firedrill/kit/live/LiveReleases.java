package io.firedrill.kit.live;

import java.io.IOException;
import java.nio.file.Path;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.replay.ReplayTarget;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/** What a live deploy or rollback installs: a commit, named the way rollback-check and the dashboard name it. */
final class LiveReleases {

	/**
	 * A release to install: its commit in a repository, and what rollback-check calls it.
	 * @param closeRepository whether the repository was opened for this release (a candidate's) and is closed after
	 */
	record Release(String label, String source, Repository repository, RevCommit commit, boolean closeRepository) {
	}

	private LiveReleases() {
	}

	/** A ref of the session's releases or of the firedrill clone, or the HEAD commit of a candidate's repository. */
	static Release resolve(String ref, Path repo, ReplayTarget target, KitClone clone) {
		if (repo != null) {
			return fromRepository(repo);
		}
		if (ref == null || ref.isBlank()) {
			throw FiredrillException.input("give --ref or --repo");
		}
		if (ref.equals(target.beforeLabel())) {
			return new Release(ref, ref, target.repository(), target.before(), false);
		}
		if (ref.equals(target.afterLabel()) || ref.equals(target.name())) {
			return new Release(target.afterLabel(), target.afterLabel(), target.repository(),
					target.after(), false);
		}
		Repository repository = clone.repository();
		try (RevWalk walk = new RevWalk(repository)) {
			ObjectId id = repository.resolve(ref + "^{commit}");
			if (id == null) {
				throw FiredrillException.input("unknown ref '" + ref + "': use " + target.beforeLabel() + ", "
						+ target.afterLabel() + ", a ref of the firedrill clone, or --repo DIR");
			}
			return new Release(ref, ref, repository, walk.parseCommit(id), false);
		}
		catch (IOException ex) {
			throw FiredrillException.input("cannot read ref '" + ref + "': " + ex.getMessage(), ex);
		}
	}

	/** A deploy ships a commit, as in production: the HEAD of the candidate's repository, with nothing uncommitted. */
	static Release fromRepository(Path repo) {
		Git git;
		try {
			git = Git.open(repo.toFile());
		}
		catch (IOException ex) {
			throw FiredrillException.input(repo + " is not a git repository");
		}
		try {
			if (!git.status().call().getUncommittedChanges().isEmpty()) {
				throw FiredrillException.input(repo + " has uncommitted changes: commit them, a deploy ships a commit");
			}
			Repository repository = git.getRepository();
			ObjectId head = repository.resolve("HEAD^{commit}");
			if (head == null) {
				throw FiredrillException.input(repo + " has no commit");
			}
			try (RevWalk walk = new RevWalk(repository)) {
				RevCommit commit = walk.parseCommit(head);
				String branch = repository.getBranch();
				return new Release(branch + "@" + commit.abbreviate(7).name(), repo.toAbsolutePath().toString(),
						repository, commit, true);
			}
		}
		catch (IOException | GitAPIException | RuntimeException ex) {
			git.close();
			if (ex instanceof FiredrillException failure) {
				throw failure;
			}
			throw FiredrillException.input("cannot read " + repo + ": " + ex.getMessage(), ex);
		}
	}

}
