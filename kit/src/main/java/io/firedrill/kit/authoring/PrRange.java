package io.firedrill.kit.authoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import io.firedrill.kit.FiredrillException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The commits an author names with {@code --from} (or, for the fix, {@code tip..fix}): {@code A..B}, or a branch or
 * commit and everything on it that HEAD lacks. An incident's PRs are a short straight line, so merges and long
 * ranges are refused here, before anything is made of them.
 */
final class PrRange {

	private PrRange() {
	}

	/** The commits of {@code from}, oldest first: single-parent commits only. */
	static List<RevCommit> commits(Repository repository, String from) {
		String[] range = from.split("\\.\\.", -1);
		if (range.length > 2 || from.contains("...")) {
			throw FiredrillException.input("--from '" + from + "' is not a branch, a commit or a range A..B");
		}
		ObjectId exclude = resolve(repository, range.length == 2 ? range[0] : "HEAD", from);
		ObjectId tip = resolve(repository, range.length == 2 ? range[1] : range[0], from);
		List<RevCommit> commits = new ArrayList<>();
		try (RevWalk walk = new RevWalk(repository)) {
			walk.sort(RevSort.TOPO, true);
			walk.sort(RevSort.REVERSE, true);
			walk.markStart(walk.parseCommit(tip));
			walk.markUninteresting(walk.parseCommit(exclude));
			for (RevCommit commit : walk) {
				if (commit.getParentCount() != 1) {
					throw FiredrillException.input("commit " + commit.abbreviate(10).name() + " of " + from + " is a"
							+ " merge: an incident's PRs are a straight line of commits (squash or rebase them)");
				}
				walk.parseHeaders(commit.getParent(0));
				commits.add(commit);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (commits.isEmpty()) {
			throw FiredrillException.input("--from " + from + " has no commits"
					+ (range.length == 2 ? "" : " that HEAD lacks (commit the PRs on a branch made from main)"));
		}
		if (commits.size() > 20) {
			throw FiredrillException.input("--from " + from + " has " + commits.size() + " commits: an incident is a"
					+ " few PRs (did you mean a range A..B?)");
		}
		return commits;
	}

	private static ObjectId resolve(Repository repository, String revision, String from) {
		try {
			ObjectId id = repository.resolve(revision + "^{commit}");
			if (id == null) {
				throw FiredrillException.input("'" + revision + "' of " + from + " is not a branch, tag or commit");
			}
			return id;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof FiredrillException known) {
				throw known;
			}
			throw FiredrillException.input("'" + revision + "' of " + from + " is not a branch, tag or commit", ex);
		}
	}

}
