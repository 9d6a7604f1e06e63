package io.firedrill.kit.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.Folders;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.catalog.Incident;
import io.firedrill.kit.history.HistoryWriter;
import io.firedrill.kit.history.ShopRelease;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheCheckout;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.BundleWriter;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Writes a candidate's repository for one incident: {@code v2.3.0} → one commit per PR → the on-call brief on
 * branch {@code main}, with the release and incident tags, and nothing of the kit. Everything is written next
 * to the destination and moved into place when complete, so a failure leaves nothing behind.
 */
public final class CandidateExport {

	/** Branch the candidate works on. */
	public static final String BRANCH = "main";

	/** Folder of an incident whose files go next to BRIEF.md (written by {@code firedrill replay --for-brief}). */
	public static final String BRIEF_ASSETS = "brief-assets";

	/**
	 * What was written.
	 * @param directory the candidate repository
	 * @param main the commit {@code main} points to
	 * @param tags tag name to the object it points to (a tag object for releases, a commit otherwise)
	 * @param bundle the bundle written, or {@code null}
	 */
	public record Result(Path directory, ObjectId main, Map<String, ObjectId> tags, Path bundle) {
	}

	private CandidateExport() {
	}

	/**
	 * Exports the incident.
	 * @param directory where the repository goes: must not exist or be empty
	 * @param bundle where a bundle of all refs goes, or {@code null}; must not exist
	 * @throws FiredrillException input if an output is not usable, patch if a patch no longer applies
	 */
	public static Result export(KitClone source, Incident incident, Path directory, Path bundle) {
		Path out = directory.toAbsolutePath().normalize();
		Path bundleFile = (bundle != null) ? bundle.toAbsolutePath().normalize() : null;
		checkOutputs(out, bundleFile);
		Path staging = null;
		Path stagingBundle = null;
		try {
			staging = Files.createTempDirectory(createParent(out), "." + out.getFileName() + ".firedrill-");
			Result result;
			try (Git git = Git.init().setDirectory(staging.toFile()).setInitialBranch(BRANCH).call()) {
				result = write(source, incident, git.getRepository());
				if (bundleFile != null) {
					stagingBundle = Files.createTempFile(createParent(bundleFile), "." + bundleFile.getFileName(),
							".firedrill-tmp");
					writeBundle(git.getRepository(), result.main(), stagingBundle);
				}
			}
			if (Files.isDirectory(out)) {
				Files.delete(out); // checked empty above
			}
			if (stagingBundle != null) {
				Files.move(stagingBundle, bundleFile, StandardCopyOption.ATOMIC_MOVE);
				stagingBundle = null;
			}
			try {
				Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
				staging = null;
			}
			catch (IOException ex) {
				if (bundleFile != null) {
					Files.deleteIfExists(bundleFile);
				}
				throw ex;
			}
			return new Result(out, result.main(), result.tags(), bundleFile);
		}
		catch (FileSystemException ex) {
			throw FiredrillException.input("cannot write " + ex.getFile() + ": " + Folders.reason(ex), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GitAPIException ex) {
			throw new IllegalStateException("cannot create a repository in " + out.getParent(), ex);
		}
		finally {
			Folders.deleteQuietly(staging);
			Folders.deleteQuietly(stagingBundle);
		}
	}

	private static Result write(KitClone source, Incident incident, Repository repository) throws IOException {
		Map<String, ObjectId> tags = new LinkedHashMap<>();
		RevCommit main;
		try (HistoryWriter writer = new HistoryWriter(source, repository)) {
			RevCommit base = writer.base();
			HistoryWriter.Series series = writer.series(incident);
			main = withBriefAssets(source, incident, repository, writer.briefCommit(series));
			tags.put(ShopRelease.BASE_TAG, writer.releaseTag(HistoryWriter.baseVersion(), base));
			tags.put(incident.tag(), series.tip());
			if (incident.releaseTag()) {
				tags.put(ShopRelease.releaseTag(incident.release()), writer.releaseTag(incident.release(), series.tip()));
			}
		}
		try (RevWalk walk = new RevWalk(repository)) {
			for (Map.Entry<String, ObjectId> tag : tags.entrySet()) {
				createRef(repository, walk, Constants.R_TAGS + tag.getKey(), tag.getValue());
			}
			createRef(repository, walk, Constants.R_HEADS + BRANCH, main);
		}
		DirCacheCheckout checkout = new DirCacheCheckout(repository, repository.lockDirCache(), main.getTree());
		checkout.setFailOnConflict(true);
		checkout.checkout();
		return new Result(repository.getWorkTree().toPath(), main.copy(), tags, null);
	}

	/**
	 * The brief commit with the incident's {@value #BRIEF_ASSETS}/ files (the replay's graphs and log excerpts, see
	 * {@code firedrill replay --for-brief}) added next to BRIEF.md; the commit itself when the incident has none.
	 */
	private static RevCommit withBriefAssets(KitClone source, Incident incident, Repository repository,
			RevCommit brief) throws IOException {
		String folder = incident.folder() + "/" + BRIEF_ASSETS + "/";
		Map<String, byte[]> assets = new java.util.TreeMap<>();
		try (TreeWalk walk = new TreeWalk(source.reader())) {
			walk.addTree(source.tree());
			walk.setRecursive(true);
			walk.setFilter(PathFilter.create(folder.substring(0, folder.length() - 1)));
			while (walk.next()) {
				if (walk.getFileMode(0) == FileMode.REGULAR_FILE) {
					assets.put(BRIEF_ASSETS + "/" + walk.getPathString().substring(folder.length()),
							source.reader().open(walk.getObjectId(0), Constants.OBJ_BLOB).getBytes());
				}
			}
		}
		if (assets.isEmpty()) {
			return brief;
		}
		try (ObjectInserter inserter = repository.newObjectInserter(); RevWalk walk = new RevWalk(repository)) {
			DirCache index = DirCache.read(walk.getObjectReader(), brief.getTree());
			DirCacheBuilder builder = index.builder();
			for (int i = 0; i < index.getEntryCount(); i++) {
				if (!assets.containsKey(index.getEntry(i).getPathString())) {
					builder.add(index.getEntry(i));
				}
			}
			for (Map.Entry<String, byte[]> asset : assets.entrySet()) {
				DirCacheEntry entry = new DirCacheEntry(asset.getKey());
				entry.setFileMode(FileMode.REGULAR_FILE);
				entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, asset.getValue()));
				builder.add(entry);
			}
			builder.finish();
			CommitBuilder commit = new CommitBuilder();
			commit.setTreeId(index.writeTree(inserter));
			commit.setParentIds(brief.getParents());
			commit.setAuthor(brief.getAuthorIdent());
			commit.setCommitter(brief.getCommitterIdent());
			commit.setMessage(brief.getFullMessage());
			ObjectId id = inserter.insert(commit);
			inserter.flush();
			return walk.parseCommit(id);
		}
	}

	private static void createRef(Repository repository, RevWalk walk, String name, ObjectId id) throws IOException {
		RefUpdate update = repository.updateRef(name);
		update.setNewObjectId(id);
		update.setExpectedOldObjectId(ObjectId.zeroId());
		update.disableRefLog(); // a reflog would carry this machine's user and clock
		RefUpdate.Result result = update.update(walk);
		if (result != RefUpdate.Result.NEW) {
			throw new IOException("could not create " + name + ": " + result);
		}
	}

	private static void writeBundle(Repository repository, ObjectId main, Path file) throws IOException {
		BundleWriter bundle = new BundleWriter(repository);
		for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_REFS)) {
			bundle.include(ref);
		}
		bundle.include(Constants.HEAD, main);
		try (OutputStream out = Files.newOutputStream(file)) {
			bundle.writeBundle(NullProgressMonitor.INSTANCE, out);
		}
	}

	private static void checkOutputs(Path out, Path bundle) {
		if (Files.exists(out)) {
			if (!Files.isDirectory(out)) {
				throw FiredrillException.input("output " + out + " exists and is not a directory");
			}
			if (!isEmpty(out)) {
				throw FiredrillException.input("output directory " + out + " is not empty");
			}
		}
		if (bundle != null) {
			if (Files.exists(bundle)) {
				throw FiredrillException.input("bundle " + bundle + " already exists");
			}
			if (bundle.startsWith(out)) {
				throw FiredrillException.input("bundle " + bundle + " must not be inside the output directory");
			}
		}
		// the repository is written next to its folder, then moved into it; the bundle likewise
		Folders.checkWritable(out);
		Folders.checkWritable(out.getParent());
		if (bundle != null) {
			Folders.checkWritable(bundle);
		}
	}

	private static boolean isEmpty(Path directory) {
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
			return !entries.iterator().hasNext();
		}
		catch (IOException ex) {
			throw FiredrillException.input("cannot read output directory " + directory + ": " + ex.getMessage(), ex);
		}
	}

	private static Path createParent(Path path) throws IOException {
		Path parent = path.getParent();
		Files.createDirectories(parent);
		return parent;
	}

}
