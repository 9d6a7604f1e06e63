package io.firedrill.kit.history;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Predicate;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.shop.ShopLayout;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The tree of the healthy release, copied out of the firedrill clone's HEAD: the shop's paths only, the root pom
 * without the kit block, and the candidate README in place of the kit's. What candidates must not see is left
 * behind here, at the one place the clone's files cross into the shop's history.
 */
final class BaseTree {

	private BaseTree() {
	}

	/** Writes the tree with {@code inserter}, whose repository {@code reader} reads, and flushes it. */
	static ObjectId write(KitClone source, ObjectReader reader, ObjectInserter inserter) throws IOException {
		// read first: the modules it lists are the shop's, whatever their names
		byte[] pom = source.read(ShopLayout.ROOT_POM).map(ShopLayout::stripKitBlockStrictly)
			.orElseThrow(() -> FiredrillException.environment(
					"no pom.xml in the HEAD commit of " + source.root() + ": is it a firedrill clone?"));
		Predicate<String> shop = ShopLayout.shopPaths(pom);
		DirCache index = DirCache.newInCore();
		DirCacheBuilder builder = index.builder();
		try (TreeWalk files = new TreeWalk(source.reader())) {
			files.addTree(source.tree());
			files.setRecursive(true);
			while (files.next()) {
				String path = files.getPathString();
				if (!shop.test(path)) {
					continue;
				}
				FileMode mode = files.getFileMode(0);
				if (mode == FileMode.GITLINK) {
					throw FiredrillException.input("the shop's " + path + " is a submodule: the kit cannot copy it");
				}
				ObjectId id;
				if (path.equals(ShopLayout.ROOT_POM)) {
					id = inserter.insert(Constants.OBJ_BLOB, pom);
				}
				else {
					id = copyBlob(source, reader, inserter, files.getObjectId(0));
				}
				builder.add(HistoryWriter.entry(path, mode, id));
			}
		}
		byte[] readme = source.read(CandidateLayout.CANDIDATE_README)
			.orElseThrow(() -> FiredrillException.environment(CandidateLayout.CANDIDATE_README
					+ " is not in the HEAD commit of " + source.root() + " (commit the kit first)"));
		builder.add(HistoryWriter.entry(CandidateLayout.README, FileMode.REGULAR_FILE,
				inserter.insert(Constants.OBJ_BLOB, readme)));
		builder.finish();
		ObjectId tree = index.writeTree(inserter);
		inserter.flush();
		return tree;
	}

	/** Copies a blob of the firedrill clone into the target, unless it is there already. */
	private static ObjectId copyBlob(KitClone source, ObjectReader reader, ObjectInserter inserter, ObjectId id)
			throws IOException {
		if (reader.has(id, Constants.OBJ_BLOB)) {
			return id;
		}
		ObjectLoader loader = source.reader().open(id, Constants.OBJ_BLOB);
		try (InputStream in = loader.openStream()) {
			return inserter.insert(Constants.OBJ_BLOB, loader.getSize(), in);
		}
	}

}
