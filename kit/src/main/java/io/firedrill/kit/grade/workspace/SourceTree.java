package io.firedrill.kit.grade.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** The files of one commit (or of a test fixture), read by path: what the integrity scan looks at. */
public interface SourceTree {

	/** Every file's path, with {@code /}, sorted. */
	List<String> paths();

	/** A file's content, or empty if there is no file at that path. */
	Optional<byte[]> read(String path);

	/** A tree made of these files, for tests. */
	static SourceTree of(Map<String, byte[]> files) {
		Map<String, byte[]> sorted = new TreeMap<>(files);
		return new SourceTree() {

			@Override
			public List<String> paths() {
				return List.copyOf(sorted.keySet());
			}

			@Override
			public Optional<byte[]> read(String path) {
				return Optional.ofNullable(sorted.get(path));
			}

		};
	}

	/** The files of a commit (or tree) of a repository; the repository must stay open while the tree is used. */
	static SourceTree of(Repository repository, ObjectId commitOrTree) {
		Map<String, ObjectId> blobs = new TreeMap<>();
		try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader);
				TreeWalk files = new TreeWalk(reader)) {
			RevTree tree = walk.parseTree(commitOrTree);
			files.addTree(tree);
			files.setRecursive(true);
			while (files.next()) {
				if ((files.getRawMode(0) & FileMode.TYPE_MASK) == FileMode.TYPE_FILE) {
					blobs.put(files.getPathString(), files.getObjectId(0));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> paths = new ArrayList<>(blobs.keySet());
		return new SourceTree() {

			@Override
			public List<String> paths() {
				return paths;
			}

			@Override
			public Optional<byte[]> read(String path) {
				ObjectId id = blobs.get(path);
				if (id == null) {
					return Optional.empty();
				}
				try (ObjectReader reader = repository.newObjectReader()) {
					return Optional.of(reader.open(id, Constants.OBJ_BLOB).getBytes(Integer.MAX_VALUE - 16));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}

		};
	}

}
