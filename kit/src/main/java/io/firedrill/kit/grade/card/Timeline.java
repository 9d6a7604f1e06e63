package io.firedrill.kit.grade.card;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.firedrill.kit.TerminalText;
import io.firedrill.kit.grade.run.SurefireReports;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The candidate's commits after the brief, oldest first: when they triaged, rolled back, found the cause and
 * added a test shows in what they committed when. Commit messages and paths are the candidate's text: bounded
 * and made terminal-safe here, escaped by each rendering.
 *
 * @param commits the commits, oldest first
 * @param truncated whether older commits were left out ({@link #LIMIT}, or {@link #REWRITTEN_LIMIT})
 * @param fromIncident whether the incident's commit is in the graded commit's history; when it is not (history
 * rewritten, or a shallow clone), {@code commits} are the graded commit's last ones
 */
public record Timeline(List<Entry> commits, boolean truncated, boolean fromIncident) {

	/** More commits than an interview produces: past it, the card shows the last ones. */
	static final int LIMIT = 200;

	/** Commits shown when the incident's commit is not an ancestor of the graded one. */
	static final int REWRITTEN_LIMIT = 50;

	static final int FILES_SHOWN = 10;

	static final int MESSAGE_LIMIT = 200;

	/** The brief commit's message (the kit adds it on top of the incident's tag): not the candidate's work. */
	private static final String BRIEF_MESSAGE = "Add on-call brief";

	public Timeline {
		commits = List.copyOf(commits);
	}

	public static Timeline none() {
		return new Timeline(List.of(), false, true);
	}

	/**
	 * One commit.
	 * @param commit its full id
	 * @param time the author's time, ISO 8601 with the author's offset
	 * @param message the first line of its message
	 * @param files the first {@link #FILES_SHOWN} paths it touched (against its first parent)
	 * @param filesChanged how many paths it touched
	 */
	public record Entry(String commit, String time, String message, List<String> files, int filesChanged) {

		public Entry {
			files = List.copyOf(files);
		}

		public String shortCommit() {
			return this.commit.substring(0, Math.min(10, this.commit.length()));
		}

	}

	/**
	 * The commits reachable from {@code graded} and not from {@code incident}, the kit's brief commit left out.
	 */
	public static Timeline of(Repository repository, ObjectId graded, ObjectId incident) {
		try (RevWalk walk = new RevWalk(repository)) {
			RevCommit tip = walk.parseCommit(graded);
			RevCommit start = repository.getObjectDatabase().has(incident) ? walk.parseCommit(incident) : null;
			boolean fromIncident = start != null && walk.isMergedInto(start, tip);
			walk.reset();
			walk.sort(RevSort.TOPO);
			walk.sort(RevSort.COMMIT_TIME_DESC, true);
			walk.markStart(tip);
			if (fromIncident) {
				walk.markUninteresting(start);
			}
			int limit = fromIncident ? LIMIT : REWRITTEN_LIMIT;
			List<Entry> entries = new ArrayList<>();
			boolean truncated = false;
			for (RevCommit commit : walk) {
				if (fromIncident && isBrief(commit, start)) {
					continue;
				}
				if (entries.size() == limit) {
					truncated = true;
					break;
				}
				entries.add(entry(repository, walk, commit));
			}
			Collections.reverse(entries);
			return new Timeline(entries, truncated, fromIncident);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isBrief(RevCommit commit, RevCommit start) {
		return commit.getParentCount() == 1 && commit.getParent(0).equals(start)
				&& commit.getFullMessage().strip().equals(BRIEF_MESSAGE);
	}

	private static Entry entry(Repository repository, RevWalk walk, RevCommit commit) throws IOException {
		PersonIdent author = commit.getAuthorIdent();
		String time = OffsetDateTime.ofInstant(author.getWhenAsInstant(), author.getZoneId())
			.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		String firstLine = commit.getFullMessage().lines().findFirst().orElse("").strip();
		String message = TerminalText.safe(SurefireReports.abbreviate(firstLine, MESSAGE_LIMIT));
		List<String> files = new ArrayList<>();
		int changed = 0;
		try (TreeWalk diff = new TreeWalk(repository)) {
			diff.setRecursive(true);
			diff.setFilter(TreeFilter.ANY_DIFF);
			if (commit.getParentCount() > 0) {
				diff.addTree(walk.parseCommit(commit.getParent(0)).getTree());
			}
			else {
				diff.addTree(new EmptyTreeIterator());
			}
			diff.addTree(commit.getTree());
			while (diff.next()) {
				if (changed++ < FILES_SHOWN) {
					files.add(TerminalText.safe(SurefireReports.abbreviate(diff.getPathString(), 300)));
				}
			}
		}
		return new Entry(commit.name(), time, message, files, changed);
	}

}
