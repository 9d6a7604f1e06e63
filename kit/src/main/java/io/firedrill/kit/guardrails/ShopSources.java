package io.firedrill.kit.guardrails;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.Folders;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.catalog.Catalog;
import io.firedrill.kit.history.HistoryWriter;
import io.firedrill.kit.shop.ShopLayout;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Turns what the user names into a {@link ShopCheckout}: a directory (a shop checkout, copied so that building
 * it leaves the original alone) or a revision of the firedrill clone ({@code v2.3.0}, {@code v2.4.0},
 * {@code incident/<id>}, a commit). The release and incident tags need not exist yet: when the clone has not run
 * {@code firedrill tags}, they are made in memory from the catalog, exactly as {@code tags} would make them.
 * <p>
 * Either way only the shop is written: the kit's own paths are left out and the root pom loses its kit block, so
 * that a guardrail sees what a candidate's repository holds.
 */
public final class ShopSources {

	/** Never copied from a directory: version control, build output, local databases. */
	static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "data", ".idea", "node_modules");

	private ShopSources() {
	}

	/**
	 * Materialises a version of the shop in a new temporary directory.
	 * @param spec a directory, or a tag, branch or commit of the firedrill clone
	 * @param cwd the directory relative paths are resolved against
	 * @throws FiredrillException (input) when {@code spec} is neither
	 */
	public static ShopCheckout open(KitClone clone, String spec, Path cwd) {
		Path dir = cwd.resolve(spec).normalize();
		if (Files.isDirectory(dir)) {
			return fromDirectory(dir);
		}
		if (clone == null) {
			throw FiredrillException.input("'" + spec + "' is not a directory");
		}
		return fromRevision(clone, spec);
	}

	/** A copy of a shop checkout, without build output and without the kit. */
	public static ShopCheckout fromDirectory(Path source) {
		if (!Files.isRegularFile(source.resolve("pom.xml"))) {
			throw FiredrillException.input(source + " is not a shop checkout (no pom.xml)");
		}
		Path into = newTempDirectory();
		try {
			Files.walkFileTree(source, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
					if (!dir.equals(source) && (SKIPPED_DIRECTORIES.contains(dir.getFileName().toString())
							|| ShopLayout.isKitPath(source.relativize(dir)))) {
						return FileVisitResult.SKIP_SUBTREE;
					}
					Files.createDirectories(into.resolve(source.relativize(dir).toString()));
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					Path relative = source.relativize(file);
					if (ShopLayout.isKitPath(relative)) {
						return FileVisitResult.CONTINUE;
					}
					Path target = into.resolve(relative.toString());
					if (relative.toString().equals("pom.xml")) {
						Files.write(target, ShopLayout.stripKitBlock(Files.readAllBytes(file)));
					}
					else {
						Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
					}
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException ex) {
			Folders.deleteQuietly(into);
			throw FiredrillException.input("cannot copy the shop at " + source + ": " + ex.getMessage(), ex);
		}
		return new ShopCheckout(into, source.toString(), null);
	}

	/** A revision of the firedrill clone written out, or a firedrill tag made from the catalog. */
	public static ShopCheckout fromRevision(KitClone clone, String spec) {
		Repository repository = clone.repository();
		ObjectId commit = resolve(repository, spec);
		if (commit != null) {
			String label = spec + " (" + kindOf(repository, spec) + ", " + commit.abbreviate(10).name() + ")";
			return write(repository, commit, label);
		}
		return fromCatalog(clone, spec);
	}

	/**
	 * A firedrill tag ({@code v2.3.0}, {@code v2.4.0}, {@code incident/<id>}) made from the catalog at the clone's
	 * HEAD, whatever tags the clone holds (they may be older than HEAD).
	 */
	public static ShopCheckout fromCatalog(KitClone clone, String spec) {
		Catalog catalog = Catalog.read(clone);
		Path scratch = newTempDirectory();
		try (Git git = Git.init().setBare(true).setDirectory(scratch.toFile()).call();
				HistoryWriter writer = new HistoryWriter(clone, git.getRepository())) {
			Map<String, ObjectId> tags = writer.tags(catalog.incidents());
			ObjectId tag = tags.get(Constants.R_TAGS + spec);
			if (tag == null) {
				throw FiredrillException.input("'" + spec + "' is neither a directory nor a revision of "
						+ clone.describeHead() + " (firedrill tags: "
						+ String.join(", ", tags.keySet().stream().map((t) -> t.substring(Constants.R_TAGS.length())).toList())
						+ ")");
			}
			ObjectId commit;
			try (RevWalk walk = new RevWalk(git.getRepository())) {
				commit = walk.parseCommit(tag);
			}
			return write(git.getRepository(), commit,
					spec + " (made from the catalog at " + clone.head().abbreviate(10).name() + ", "
							+ commit.abbreviate(10).name() + ")");
		}
		catch (GitAPIException | IOException ex) {
			throw new IllegalStateException("cannot make " + spec + " from the catalog: " + ex.getMessage(), ex);
		}
		finally {
			Folders.deleteQuietly(scratch);
		}
	}

	private static ObjectId resolve(Repository repository, String spec) {
		try {
			return repository.resolve(spec + "^{commit}");
		}
		catch (RevisionSyntaxException | IOException ex) {
			return null;
		}
	}

	private static String kindOf(Repository repository, String spec) {
		try {
			if (repository.exactRef(Constants.R_TAGS + spec) != null) {
				return "tag";
			}
			if (repository.exactRef(Constants.R_HEADS + spec) != null) {
				return "branch";
			}
		}
		catch (IOException ex) {
			// fall through
		}
		return "commit";
	}

	private static ShopCheckout write(Repository repository, ObjectId commitId, String label) {
		Path into = newTempDirectory();
		try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
			RevCommit commit = walk.parseCommit(commitId);
			try (TreeWalk files = new TreeWalk(reader)) {
				files.addTree(commit.getTree());
				files.setRecursive(true);
				while (files.next()) {
					String path = files.getPathString();
					if (ShopLayout.isKitPath(Path.of(path))) {
						continue;
					}
					FileMode mode = files.getFileMode(0);
					Path target = into.resolve(path);
					Files.createDirectories(target.getParent());
					byte[] content;
					try (InputStream in = reader.open(files.getObjectId(0), Constants.OBJ_BLOB).openStream()) {
						content = in.readAllBytes();
					}
					if (mode == FileMode.SYMLINK) {
						Files.createSymbolicLink(target, Path.of(new String(content, StandardCharsets.UTF_8)));
						continue;
					}
					if (mode == FileMode.GITLINK) {
						continue;
					}
					Files.write(target, path.equals("pom.xml") ? ShopLayout.stripKitBlock(content) : content);
					if (mode == FileMode.EXECUTABLE_FILE) {
						Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(target));
						permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
								PosixFilePermission.OTHERS_EXECUTE));
						Files.setPosixFilePermissions(target, permissions);
					}
				}
			}
			return new ShopCheckout(into, label, commit.name());
		}
		catch (IOException ex) {
			Folders.deleteQuietly(into);
			throw new UncheckedIOException(ex);
		}
	}

	static Path newTempDirectory() {
		try {
			return Files.createTempDirectory("firedrill-shop-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
