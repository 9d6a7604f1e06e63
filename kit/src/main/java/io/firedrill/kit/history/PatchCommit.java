package io.firedrill.kit.history;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import org.eclipse.jgit.revwalk.RevTree;
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
		try (ObjectInserter inserter = repository.newObjectInserter(); ObjectReader reader = inserter.newReader();
				RevWalk walk = new RevWalk(reader)) {
			RevCommit base = walk.parseCommit(parent);
			ObjectId tree = applyToTree(repository, inserter, reader, base.getTree(), patchFile, where,
					"does not apply");
			CommitBuilder commit = new CommitBuilder();
			commit.setTreeId(tree);
			commit.setParentIds(List.of(base));
			commit.setAuthor(author);
			commit.setCommitter(author);
			commit.setMessage(message);
			ObjectId id = inserter.insert(commit);
			inserter.flush();
			return walk.parseCommit(id);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The tree with the patch applied, its objects inserted with {@code inserter} (not flushed): a fix on a
	 * submission here, an incident's PR in the history writer.
	 * @param where names the patch in messages
	 * @param fails how a patch that does not fit is told: {@code does not apply}, {@code no longer applies}
	 * @throws FiredrillException patch if it does not apply, input if it is not a patch
	 */
	static ObjectId applyToTree(Repository repository, ObjectInserter inserter, ObjectReader reader, RevTree tree,
			byte[] patchFile, String where, String fails) throws IOException {
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
		Optional<PatchCheck.Problem> problem = PatchCheck.firstProblem(reader, tree, patch);
		if (problem.isPresent()) {
			throw FiredrillException.patch(where + " " + fails + " to " + problem.get().path() + " ("
					+ problem.get().detail() + ")");
		}
		PatchApplier.Result result;
		try {
			result = new PatchApplier(repository, tree, inserter).applyPatch(patch);
		}
		catch (IOException | RuntimeException ex) {
			throw FiredrillException.patch(where + " " + fails + ": " + ex.getMessage(), ex);
		}
		if (!result.getErrors().isEmpty()) {
			throw FiredrillException.patch(where + " " + fails + ": " + result.getErrors().get(0));
		}
		return result.getTreeId();
	}

}
