package io.firedrill.kit.history;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import io.firedrill.kit.FiredrillException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.patch.Patch;
import org.eclipse.jgit.patch.PatchApplier;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Applies a {@code git format-patch} file on top of a commit, as one new commit: how the grader turns a known fix of
 * the catalog into a candidate's submission. Only objects are written; refs are the caller's business.
 */
public final class PatchCommit {

	private PatchCommit() {
	}

	/**
	 * The new commit.
	 * @param where names the patch in messages ({@code incident x: fix y})
	 * @throws FiredrillException patch if it does not apply, input if it is not a patch
	 */
	public static RevCommit apply(Repository repository, ObjectId parent, byte[] patchFile, PersonIdent author,
			String message, String where) {
		Patch patch = new Patch();
		try (InputStream in = new ByteArrayInputStream(patchFile)) {
			patch.parse(in);
		}
		catch (IOException ex) {
			throw FiredrillException.input(where + " cannot be read: " + ex.getMessage(), ex);
		}
		if (!patch.getErrors().isEmpty()) {
			throw FiredrillException.input(where + " is not a valid patch: " + patch.getErrors().get(0).getMessage());
		}
		if (patch.getFiles().isEmpty()) {
			throw FiredrillException.input(where + " contains no diff");
		}
		try (ObjectInserter inserter = repository.newObjectInserter(); ObjectReader reader = inserter.newReader();
				RevWalk walk = new RevWalk(reader)) {
			RevCommit base = walk.parseCommit(parent);
			Optional<PatchCheck.Problem> problem = PatchCheck.firstProblem(reader, base.getTree(), patch);
			if (problem.isPresent()) {
				throw FiredrillException.patch(where + " does not apply to " + problem.get().path() + " ("
						+ problem.get().detail() + ")");
			}
			PatchApplier.Result result;
			try {
				result = new PatchApplier(repository, base.getTree(), inserter).applyPatch(patch);
			}
			catch (IOException | RuntimeException ex) {
				throw FiredrillException.patch(where + " does not apply: " + ex.getMessage(), ex);
			}
			if (!result.getErrors().isEmpty()) {
				throw FiredrillException.patch(where + " does not apply: " + result.getErrors().get(0));
			}
			CommitBuilder commit = new CommitBuilder();
			commit.setTreeId(result.getTreeId());
			commit.setParentIds(List.of(base));
			commit.setAuthor(author);
			commit.setCommitter(author);
			commit.setMessage(message);
			ObjectId id = inserter.insert(commit);
			inserter.flush();
			return walk.parseCommit(id);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
