package io.firedrill.kit.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.catalog.Incident;
import io.firedrill.kit.catalog.PullRequest;
import io.firedrill.kit.shop.ShopLayout;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Writes the shop's history into a repository: the {@value ShopRelease#BASE_TAG} commit built from the
 * firedrill clone's HEAD, one commit per PR of an incident, the on-call brief, and the release tags. It only
 * adds objects; refs are the caller's business.
 * <p>
 * Every commit and tag is made of fixed inputs (the HEAD tree, the patches, {@link ShopRelease}), so the same
 * inputs give the same ids in any repository.
 */
public final class HistoryWriter implements AutoCloseable {

	private final KitClone source;

	private final Repository target;

	private final ObjectInserter inserter;

	private final ObjectReader reader;

	private final RevWalk walk;

	private RevCommit base;

	public HistoryWriter(KitClone source, Repository target) {
		this.source = source;
		this.target = target;
		this.inserter = target.newObjectInserter();
		this.reader = this.inserter.newReader();
		this.walk = new RevWalk(this.reader);
	}

	/**
	 * The PR commits of an incident on top of the base.
	 * @param release the release commit after the PRs, or {@code null} if the incident is not a release
	 */
	public record Series(Incident incident, RevCommit base, List<RevCommit> prs, RevCommit release) {

		public RevCommit tip() {
			return (this.release != null) ? this.release : this.prs.get(this.prs.size() - 1);
		}

	}

	/**
	 * The healthy release: the shop's paths of the clone's HEAD tree, the root pom without the kit block and the
	 * candidate README, committed by release engineering at a fixed date.
	 */
	public RevCommit base() {
		if (this.base == null) {
			try {
				this.base = commit(BaseTree.write(this.source, this.reader, this.inserter), List.of(), ShopRelease.RELEASE_ENGINEERING,
						ShopRelease.RELEASE_ENGINEERING, ShopRelease.BASE_MESSAGE);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return this.base;
	}

	/**
	 * Applies the incident's PRs to the base, one commit each, authored and committed as the patch says; a release
	 * ({@code releaseTag: true}) then gets its release commit.
	 * @throws FiredrillException patch if a patch no longer applies, input if a patch is not usable
	 */
	public Series series(Incident incident) {
		RevCommit parent = base();
		List<RevCommit> commits = new ArrayList<>();
		RevCommit release = null;
		try {
			for (PullRequest pr : incident.prs()) {
				ObjectId tree = PrPatch.apply(this.target, this.inserter, this.reader, this.walk, incident, pr,
						parent.getTree());
				PersonIdent author = pr.patch().author();
				parent = commit(tree, List.of(parent), author, author, pr.patch().message());
				PrPatch.checkNoKitPath(this.reader, incident, pr, parent);
				commits.add(parent);
			}
			if (incident.releaseTag()) {
				release = releaseCommit(incident.release(), parent);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Series(incident, base(), commits, release);
	}

	/**
	 * Release engineering cuts the release the day after its last PR: the shop's version, and the PRs' changelog
	 * entries folded into {@code CHANGELOG.md} (see {@link ReleaseCut}).
	 */
	private RevCommit releaseCommit(String version, RevCommit last) throws IOException {
		PersonIdent cut = ShopRelease.releaseCut(last.getCommitterIdent());
		DirCache index = DirCache.read(this.reader, last.getTree());
		Map<String, String> entries = new LinkedHashMap<>();
		for (int i = 0; i < index.getEntryCount(); i++) {
			String path = index.getEntry(i).getPathString();
			if (ReleaseCut.isEntry(path)) {
				entries.put(path, text(index.getEntry(i).getObjectId()));
			}
		}
		LocalDate day = cut.getWhenAsInstant().atZone(cut.getZoneId()).toLocalDate();
		boolean changelogFound = false;
		DirCacheBuilder builder = index.builder();
		for (int i = 0; i < index.getEntryCount(); i++) {
			DirCacheEntry entry = index.getEntry(i);
			String path = entry.getPathString();
			if (ReleaseCut.isEntry(path)) {
				continue;
			}
			String changed = null;
			if (path.equals(ShopLayout.ROOT_POM) || path.endsWith("/" + ShopLayout.ROOT_POM)) {
				changed = ReleaseCut.setVersion(path, text(entry.getObjectId()), baseVersion(), version);
			}
			else if (path.equals(ReleaseCut.CHANGELOG)) {
				changelogFound = true;
				changed = ReleaseCut.fold(text(entry.getObjectId()), version, day, entries);
			}
			if (changed != null) {
				builder.add(entry(path, entry.getFileMode(),
						this.inserter.insert(Constants.OBJ_BLOB, changed.getBytes(StandardCharsets.UTF_8))));
			}
			else {
				builder.add(entry);
			}
		}
		if (!changelogFound && !entries.isEmpty()) {
			builder.add(entry(ReleaseCut.CHANGELOG, FileMode.REGULAR_FILE, this.inserter.insert(Constants.OBJ_BLOB,
					ReleaseCut.fold("# Changelog\n", version, day, entries).getBytes(StandardCharsets.UTF_8))));
		}
		builder.finish();
		return commit(index.writeTree(this.inserter), List.of(last), cut, cut, ShopRelease.releaseMessage(version));
	}

	private String text(ObjectId blob) throws IOException {
		return new String(this.reader.open(blob, Constants.OBJ_BLOB).getBytes(), StandardCharsets.UTF_8);
	}

	/** The candidate's last commit: {@value ShopRelease#BRIEF_FILE} added by the on-call. */
	public RevCommit briefCommit(Series series) {
		try {
			DirCache index = DirCache.read(this.reader, series.tip().getTree());
			DirCacheBuilder builder = index.builder();
			for (int i = 0; i < index.getEntryCount(); i++) {
				DirCacheEntry entry = index.getEntry(i);
				if (!entry.getPathString().equals(ShopRelease.BRIEF_FILE)) {
					builder.add(entry);
				}
			}
			builder.add(entry(ShopRelease.BRIEF_FILE, FileMode.REGULAR_FILE,
					this.inserter.insert(Constants.OBJ_BLOB, series.incident().brief())));
			builder.finish();
			PersonIdent onCall = ShopRelease.onCall(series.tip().getCommitterIdent());
			return commit(index.writeTree(this.inserter), List.of(series.tip()), onCall, onCall,
					ShopRelease.BRIEF_MESSAGE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The annotated tag of a release, by release engineering at the time of the tagged commit. */
	public ObjectId releaseTag(String version, RevCommit commit) {
		TagBuilder tag = new TagBuilder();
		tag.setTag(ShopRelease.releaseTag(version));
		tag.setObjectId(commit);
		tag.setTagger(ShopRelease.tagger(commit.getCommitterIdent()));
		tag.setMessage(ShopRelease.releaseMessage(version));
		try {
			ObjectId id = this.inserter.insert(tag);
			this.inserter.flush();
			return id;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The base version ({@code 2.3.0}), from {@link ShopRelease#BASE_TAG}. */
	public static String baseVersion() {
		return ShopRelease.BASE_TAG.substring(1);
	}

	/**
	 * The tags firedrill maintains for these incidents, by full ref name, in a stable order: the base release,
	 * the release (if an incident has {@code releaseTag: true}), then one per incident.
	 */
	public Map<String, ObjectId> tags(List<Incident> incidents) {
		Map<String, ObjectId> tags = new LinkedHashMap<>();
		tags.put(Constants.R_TAGS + ShopRelease.BASE_TAG, releaseTag(baseVersion(), base()));
		Map<String, ObjectId> incidentTags = new LinkedHashMap<>();
		for (Incident incident : incidents) {
			Series series = series(incident);
			if (incident.releaseTag()) {
				tags.put(Constants.R_TAGS + ShopRelease.releaseTag(incident.release()),
						releaseTag(incident.release(), series.tip()));
			}
			incidentTags.put(Constants.R_TAGS + incident.tag(), series.tip());
		}
		tags.putAll(incidentTags);
		return tags;
	}

	private RevCommit commit(ObjectId tree, List<RevCommit> parents, PersonIdent author, PersonIdent committer,
			String message) throws IOException {
		CommitBuilder commit = new CommitBuilder();
		commit.setTreeId(tree);
		commit.setParentIds(parents);
		commit.setAuthor(author);
		commit.setCommitter(committer);
		commit.setMessage(message);
		ObjectId id = this.inserter.insert(commit);
		this.inserter.flush();
		return this.walk.parseCommit(id);
	}

	/** An index entry: the one way this package's trees are put together. */
	static DirCacheEntry entry(String path, FileMode mode, ObjectId id) {
		DirCacheEntry entry = new DirCacheEntry(path);
		entry.setFileMode(mode);
		entry.setObjectId(id);
		return entry;
	}

	@Override
	public void close() {
		this.walk.close();
		this.reader.close();
		this.inserter.close();
	}

}
