package io.firedrill.kit.history;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.catalog.Incident;
import io.firedrill.kit.catalog.PullRequest;
import io.firedrill.kit.shop.ShopLayout;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.patch.FormatError;
import org.eclipse.jgit.patch.Patch;
import org.eclipse.jgit.patch.PatchApplier;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * One PR of an incident's series as the history writer takes it: its patch applied to the tree before it (or why
 * it no longer applies), and the commit made of it refused when it shows candidates a path of the kit.
 */
final class PrPatch {

	private PrPatch() {
	}

	/** The tree after the PR's patch, written with {@code inserter} into {@code target}. */
	static ObjectId apply(Repository target, ObjectInserter inserter, ObjectReader reader, RevWalk walk,
			Incident incident, PullRequest pr, RevTree before) throws IOException {
		String where = "incident " + incident.id() + ": patch " + pr.patchFileName();
		Patch patch = new Patch();
		try (InputStream in = new ByteArrayInputStream(pr.patch().raw())) {
			patch.parse(in);
		}
		if (!patch.getErrors().isEmpty()) {
			FormatError error = patch.getErrors().get(0);
			throw FiredrillException.input(where + " is not a valid patch: " + error.getMessage());
		}
		if (patch.getFiles().isEmpty()) {
			throw FiredrillException.input(where + " contains no diff");
		}
		RevTree tree = walk.parseTree(before);
		Optional<PatchCheck.Problem> problem = PatchCheck.firstProblem(reader, tree, patch);
		if (problem.isPresent()) {
			throw FiredrillException.patch(where + " no longer applies to " + problem.get().path() + " ("
					+ problem.get().detail() + ")");
		}
		PatchApplier.Result result;
		try {
			result = new PatchApplier(target, tree, inserter).applyPatch(patch);
		}
		catch (IOException | RuntimeException ex) {
			throw FiredrillException.patch(where + " no longer applies: " + ex.getMessage(), ex);
		}
		if (!result.getErrors().isEmpty()) {
			throw FiredrillException.patch(where + " no longer applies: " + result.getErrors().get(0));
		}
		inserter.flush();
		return result.getTreeId();
	}

	/** Refuses the PR's commit when it adds a path of the kit or puts firedrill into the root pom. */
	static void checkNoKitPath(ObjectReader reader, Incident incident, PullRequest pr, RevCommit commit)
			throws IOException {
		try (TreeWalk files = new TreeWalk(reader)) {
			files.addTree(commit.getTree());
			files.setRecursive(true);
			while (files.next()) {
				String path = files.getPathString();
				Optional<String> kit = ShopLayout.kitPath(path);
				if (kit.isPresent()) {
					throw FiredrillException.input("incident " + incident.id() + ": patch " + pr.patchFileName()
							+ " adds " + path + ", a path of the kit that candidates must not see");
				}
				if (path.equals(ShopLayout.ROOT_POM) && ShopLayout.mentionsFiredrill(new String(
						reader.open(files.getObjectId(0), Constants.OBJ_BLOB).getBytes(), StandardCharsets.UTF_8))) {
					throw FiredrillException.input("incident " + incident.id() + ": patch " + pr.patchFileName()
							+ " puts firedrill into pom.xml, which candidates must not see");
				}
			}
		}
	}

}
