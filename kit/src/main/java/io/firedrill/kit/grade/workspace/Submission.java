package io.firedrill.kit.grade.workspace;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.Folders;
import io.firedrill.kit.catalog.Status;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.util.FS;

/**
 * What a candidate submitted: a git repository (graded at HEAD or a named ref) or a git bundle (graded at its HEAD,
 * or its only branch). Opening it only reads: the candidate's repository and work tree are never written.
 */
public final class Submission {

	/** At most this many uncommitted paths are named on the scorecard. */
	public static final int UNCOMMITTED_SHOWN = 20;

	private final Path source;

	private final boolean bundle;

	private final String ref;

	private final ObjectId commit;

	private final List<String> uncommitted;

	private final Set<ObjectId> shallowCommits;

	private Submission(Path source, boolean bundle, String ref, ObjectId commit, List<String> uncommitted,
			Set<ObjectId> shallowCommits) {
		this.source = source;
		this.bundle = bundle;
		this.ref = ref;
		this.commit = commit;
		this.uncommitted = List.copyOf(uncommitted);
		this.shallowCommits = Set.copyOf(shallowCommits);
	}

	/**
	 * Opens a submission and resolves the commit to grade.
	 * @param input a repository's folder or a bundle file
	 * @param ref the ref to grade, or {@code null} for HEAD (a bundle's HEAD, or its only branch)
	 * @throws FiredrillException (input) if it is not a repository or a bundle, or the ref is unknown
	 */
	public static Submission open(Path input, String ref) {
		Path source = input.toAbsolutePath().normalize();
		if (Files.isDirectory(source)) {
			return openRepository(source, ref);
		}
		if (Files.isRegularFile(source)) {
			return openBundle(source, ref);
		}
		throw FiredrillException.input(source + " does not exist");
	}

	/** The folder or bundle given, absolute. */
	public Path source() {
		return this.source;
	}

	public boolean isBundle() {
		return this.bundle;
	}

	/** The ref graded, as given ({@code HEAD} by default). */
	public String ref() {
		return this.ref;
	}

	public ObjectId commit() {
		return this.commit;
	}

	/** Paths with changes that are not committed (never graded), sorted; empty for a bundle. */
	public List<String> uncommitted() {
		return this.uncommitted;
	}

	/**
	 * Whether the repository is a shallow clone ({@code git clone --depth}): its commits' trees are there, the
	 * history before them is not.
	 */
	public boolean shallow() {
		return !this.shallowCommits.isEmpty();
	}

	/**
	 * Copies every ref of the submission into {@code target} under {@code refs/candidate/}, as {@code git clone
	 * --no-local} would: objects are transferred, never shared with the candidate's repository.
	 * @throws FiredrillException (input) if the transfer fails (a corrupt bundle) or the commit did not arrive
	 */
	public void fetchInto(Repository target) {
		try (Git git = new Git(target)) {
			boolean hasHead = Git.lsRemoteRepository().setRemote(uri().toString()).callAsMap().containsKey(Constants.HEAD);
			List<String> specs = new ArrayList<>(List.of("+refs/*:refs/candidate/*"));
			if (hasHead) {
				specs.add("+HEAD:refs/candidate/HEAD");
			}
			FetchCommand fetch = git.fetch()
				.setRemote(uri().toString())
				.setRefSpecs(specs.toArray(String[]::new))
				.setTagOpt(org.eclipse.jgit.transport.TagOpt.NO_TAGS)
				.setCheckFetchedObjects(true);
			if (!this.shallowCommits.isEmpty()) {
				// the commits at the shallow clone's edge have no parents here either, so that the check of the
				// fetched objects stops there instead of asking for history the clone never had
				Set<ObjectId> edge = new HashSet<>(target.getObjectDatabase().getShallowCommits());
				edge.addAll(this.shallowCommits);
				target.getObjectDatabase().setShallowCommits(edge);
			}
			fetch.call();
		}
		catch (GitAPIException | IOException | RuntimeException ex) {
			throw FiredrillException.input("cannot read " + describe() + ": " + rootMessage(ex), ex);
		}
		if (this.commit == null) {
			return;
		}
		try (RevWalk walk = new RevWalk(target)) {
			walk.parseCommit(this.commit);
		}
		catch (IOException ex) {
			throw FiredrillException.input("commit " + this.commit.name() + " of " + describe()
					+ " is not reachable from any of its refs", ex);
		}
	}

	/** {@code the repository /x} or {@code the bundle /x.bundle}, for messages. */
	public String describe() {
		return (this.bundle ? "the bundle " : "the repository ") + this.source;
	}

	private URIish uri() {
		// a plain path: JGit's bundle transport does not take file: URIs
		try {
			return new URIish(this.source.toString());
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Submission openRepository(Path dir, String ref) {
		File gitDir = RepositoryCache.FileKey.resolve(dir.toFile(), FS.DETECTED);
		if (gitDir == null) {
			throw FiredrillException.input(dir + " is not a git repository");
		}
		try (Repository repository = new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build()) {
			String name = (ref != null) ? ref : Constants.HEAD;
			ObjectId id;
			try {
				id = repository.resolve(name + "^{commit}");
			}
			catch (IOException | RuntimeException ex) {
				id = null;
			}
			if (id == null) {
				if (ref == null) {
					throw FiredrillException.input(dir + " has no commit to grade");
				}
				throw FiredrillException.input("unknown ref '" + ref + "' in " + dir);
			}
			List<String> uncommitted = repository.isBare() ? List.of() : uncommitted(repository);
			return new Submission(dir, false, name, id.copy(), uncommitted,
					repository.getObjectDatabase().getShallowCommits());
		}
		catch (IOException ex) {
			throw FiredrillException.input("cannot read the git repository " + dir + ": " + ex.getMessage(), ex);
		}
	}

	private static List<String> uncommitted(Repository repository) {
		try (Git git = new Git(repository)) {
			org.eclipse.jgit.api.Status status = git.status().call();
			TreeSet<String> paths = new TreeSet<>();
			for (Collection<String> part : List.of(status.getAdded(), status.getChanged(), status.getModified(),
					status.getRemoved(), status.getMissing(), status.getUntracked(), status.getConflicting())) {
				paths.addAll(part);
			}
			return new ArrayList<>(paths);
		}
		catch (GitAPIException | RuntimeException ex) {
			return List.of("(the work tree could not be read: " + rootMessage(ex) + ")");
		}
	}

	private static Submission openBundle(Path file, String ref) {
		if (!isBundleFile(file)) {
			throw FiredrillException.input(file + " is neither a git repository nor a git bundle");
		}
		Map<String, Ref> refs;
		Submission probe = new Submission(file, true, null, null, List.of(), Set.of());
		Path scratchDir = null;
		try {
			scratchDir = Files.createTempDirectory("firedrill-bundle-");
			try (Repository scratch = FileRepositoryBuilder.create(scratchDir.toFile())) {
				scratch.create(true);
				try (Transport transport = Transport.open(scratch, probe.uri());
						FetchConnection connection = transport.openFetch()) {
					refs = connection.getRefsMap();
				}
				// every object, checked: a corrupt bundle is refused before anything is written
				probe.fetchInto(scratch);
			}
		}
		catch (NotSupportedException | TransportException ex) {
			throw FiredrillException.input("the bundle " + file + " is corrupt: " + rootMessage(ex), ex);
		}
		catch (FiredrillException ex) {
			throw FiredrillException.input("the bundle " + file + " is corrupt: " + rootMessage(ex), ex);
		}
		catch (IOException | RuntimeException ex) {
			throw FiredrillException.input("cannot read the bundle " + file + ": " + rootMessage(ex), ex);
		}
		finally {
			Folders.deleteQuietly(scratchDir);
		}
		String name;
		if (ref != null) {
			name = ref;
		}
		else if (refs.containsKey(Constants.HEAD)) {
			name = Constants.HEAD;
		}
		else {
			List<String> branches = refs.keySet().stream().filter((r) -> r.startsWith(Constants.R_HEADS)).sorted().toList();
			if (branches.size() != 1) {
				throw FiredrillException.input("the bundle " + file + " has no HEAD and " + branches.size()
						+ " branches: name the one to grade with --ref");
			}
			name = branches.get(0);
		}
		Ref found = lookUp(refs, name);
		if (found == null || found.getObjectId() == null) {
			throw FiredrillException.input("unknown ref '" + name + "' in the bundle " + file + " (it has "
					+ String.join(", ", new TreeSet<>(refs.keySet())) + ")");
		}
		ObjectId id = (found.getPeeledObjectId() != null) ? found.getPeeledObjectId() : found.getObjectId();
		return new Submission(file, true, name, id.copy(), List.of(), Set.of());
	}

	private static Ref lookUp(Map<String, Ref> refs, String name) {
		for (String candidate : List.of(name, Constants.R_HEADS + name, Constants.R_TAGS + name, Constants.R_REFS + name)) {
			Ref ref = refs.get(candidate);
			if (ref != null) {
				return ref;
			}
		}
		return null;
	}

	private static boolean isBundleFile(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] head = in.readNBytes(20);
			String text = new String(head, StandardCharsets.US_ASCII);
			return text.startsWith("# v2 git bundle") || text.startsWith("# v3 git bundle");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		return message.strip().replaceAll("\\s*\\R\\s*", " ");
	}

}
