package io.firedrill.kit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FS;

/**
 * The firedrill clone the CLI runs from, as of its HEAD commit: the incident catalog and the shop's source are
 * read from that commit, never from the work tree, so that the same commit always gives the same output.
 */
public final class KitClone implements AutoCloseable {

	private final Path root;

	private final Repository repository;

	private final ObjectReader reader;

	private final RevCommit head;

	private KitClone(Path root, Repository repository, ObjectReader reader, RevCommit head) {
		this.root = root;
		this.repository = repository;
		this.reader = reader;
		this.head = head;
	}

	/**
	 * Opens the clone at {@code root}.
	 * @param root the top of the clone's work tree
	 * @return the clone at its HEAD commit
	 * @throws FiredrillException (environment) if {@code root} is not a git repository with a commit
	 */
	public static KitClone open(Path root) {
		File gitDir = RepositoryCache.FileKey.resolve(root.toFile(), FS.DETECTED);
		if (gitDir == null) {
			throw FiredrillException.environment(root + " is not a firedrill clone (no git repository there)");
		}
		Repository repository = null;
		try {
			repository = new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build();
			ObjectId headId = repository.resolve(Constants.HEAD + "^{commit}");
			if (headId == null) {
				throw FiredrillException.environment("the firedrill clone " + root + " has no commit yet");
			}
			ObjectReader reader = repository.newObjectReader();
			RevCommit head;
			try (RevWalk walk = new RevWalk(reader)) {
				head = walk.parseCommit(headId);
			}
			return new KitClone(root, repository, reader, head);
		}
		catch (IOException ex) {
			if (repository != null) {
				repository.close();
			}
			throw FiredrillException.environment("cannot read the firedrill clone " + root + ": " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			if (repository != null) {
				repository.close();
			}
			throw ex;
		}
	}

	public Path root() {
		return this.root;
	}

	public Repository repository() {
		return this.repository;
	}

	public ObjectReader reader() {
		return this.reader;
	}

	public RevCommit head() {
		return this.head;
	}

	public RevTree tree() {
		return this.head.getTree();
	}

	/**
	 * The content of a file at HEAD.
	 * @param path path in the repository, with {@code /}
	 * @return its bytes, or empty if there is no file at that path
	 */
	public Optional<byte[]> read(String path) {
		try (TreeWalk walk = TreeWalk.forPath(this.reader, path, tree())) {
			if (walk == null || (walk.getRawMode(0) & FileMode.TYPE_MASK) != FileMode.TYPE_FILE) {
				return Optional.empty();
			}
			ObjectLoader loader = this.reader.open(walk.getObjectId(0), Constants.OBJ_BLOB);
			try (InputStream in = loader.openStream()) {
				return Optional.of(in.readAllBytes());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether HEAD has a directory at {@code path}. */
	public boolean isDirectory(String path) {
		try (TreeWalk walk = TreeWalk.forPath(this.reader, path, tree())) {
			return walk != null && walk.getFileMode(0) == FileMode.TREE;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Names of the directories directly under {@code path} at HEAD, in tree order. */
	public List<String> directoriesIn(String path) {
		List<String> names = new ArrayList<>();
		try (TreeWalk dir = TreeWalk.forPath(this.reader, path, tree())) {
			if (dir == null || dir.getFileMode(0) != FileMode.TREE) {
				return names;
			}
			try (TreeWalk walk = new TreeWalk(this.reader)) {
				walk.addTree(dir.getObjectId(0));
				walk.setRecursive(false);
				while (walk.next()) {
					if (walk.getFileMode(0) == FileMode.TREE) {
						names.add(walk.getNameString());
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return names;
	}

	/** Whether the work tree (not HEAD) has something at {@code path}: used only to explain what is missing. */
	public boolean existsInWorkTree(String path) {
		return Files.exists(this.root.resolve(path));
	}

	/** Short description of the commit everything is read from, for messages. */
	public String describeHead() {
		return this.root + " at " + this.head.abbreviate(10).name();
	}

	@Override
	public void close() {
		this.reader.close();
		this.repository.close();
	}

}
