package io.firedrill.kit.history;

import java.io.IOException;
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
		ObjectId tree = PatchCommit.applyToTree(target, inserter, reader, walk.parseTree(before), pr.patch().raw(),
				"incident " + incident.id() + ": patch " + pr.patchFileName(), "no longer applies");
		inserter.flush();
		return tree;
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
