package io.firedrill.kit.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jgit.diff.DiffEntry.ChangeType;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.patch.FileHeader.PatchType;
import org.eclipse.jgit.patch.HunkHeader;
import org.eclipse.jgit.patch.Patch;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Tells which file of a patch, and which hunk, does not apply to a tree. JGit's {@code PatchApplier} reports
 * failures without a public way to read the hunk, and in memory it neither refuses to add a file that exists
 * nor to delete one that changed; this check runs before it and gives the message a person needs.
 */
final class PatchCheck {

	/** Where a patch does not apply: the file of the diff and what is wrong with it. */
	record Problem(String path, String detail) {
	}

	private PatchCheck() {
	}

	static Optional<Problem> firstProblem(ObjectReader reader, RevTree tree, Patch patch) throws IOException {
		for (FileHeader file : patch.getFiles()) {
			Optional<Problem> problem = check(reader, tree, file);
			if (problem.isPresent()) {
				return problem;
			}
		}
		return Optional.empty();
	}

	private static Optional<Problem> check(ObjectReader reader, RevTree tree, FileHeader file) throws IOException {
		ChangeType type = file.getChangeType();
		if (type == ChangeType.ADD) {
			return exists(reader, tree, file.getNewPath())
					? Optional.of(new Problem(file.getNewPath(), "it already exists")) : Optional.empty();
		}
		String path = file.getOldPath();
		Optional<byte[]> content = read(reader, tree, path);
		if (content.isEmpty()) {
			return Optional.of(new Problem(path, "it does not exist"));
		}
		if ((type == ChangeType.RENAME || type == ChangeType.COPY) && exists(reader, tree, file.getNewPath())) {
			return Optional.of(new Problem(file.getNewPath(), "it already exists"));
		}
		if (file.getPatchType() != PatchType.UNIFIED) {
			return Optional.empty();
		}
		List<String> lines = lines(content.get());
		int from = 0;
		List<? extends HunkHeader> hunks = file.getHunks();
		for (int i = 0; i < hunks.size(); i++) {
			List<String> before = preImage(hunks.get(i));
			int at = indexOf(lines, before, from);
			if (at < 0) {
				return Optional.of(new Problem(path, "hunk " + (i + 1)));
			}
			from = at + before.size();
		}
		return Optional.empty();
	}

	/** The lines a hunk expects: its context and removed lines. */
	private static List<String> preImage(HunkHeader hunk) {
		String text = new String(hunk.getBuffer(), hunk.getStartOffset(),
				hunk.getEndOffset() - hunk.getStartOffset(), StandardCharsets.UTF_8);
		List<String> lines = new ArrayList<>();
		boolean header = true;
		for (String line : text.split("\n", -1)) {
			if (header) {
				header = false; // the @@ line
				continue;
			}
			String withoutCr = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
			if (withoutCr.isEmpty()) {
				lines.add("");
			}
			else if (withoutCr.charAt(0) == ' ' || withoutCr.charAt(0) == '-') {
				lines.add(withoutCr.substring(1));
			}
		}
		// split leaves one empty string after the hunk's last newline
		if (!lines.isEmpty() && text.endsWith("\n") && lines.get(lines.size() - 1).isEmpty()) {
			lines.remove(lines.size() - 1);
		}
		return lines;
	}

	private static int indexOf(List<String> lines, List<String> wanted, int from) {
		if (wanted.isEmpty()) {
			return from;
		}
		for (int at = from; at + wanted.size() <= lines.size(); at++) {
			if (lines.subList(at, at + wanted.size()).equals(wanted)) {
				return at;
			}
		}
		return -1;
	}

	private static List<String> lines(byte[] content) {
		List<String> lines = new ArrayList<>();
		for (String line : new String(content, StandardCharsets.UTF_8).split("\n", -1)) {
			lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
		}
		return lines;
	}

	private static boolean exists(ObjectReader reader, RevTree tree, String path) throws IOException {
		try (TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
			return walk != null;
		}
	}

	private static Optional<byte[]> read(ObjectReader reader, RevTree tree, String path) throws IOException {
		try (TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
			if (walk == null || (walk.getRawMode(0) & FileMode.TYPE_MASK) != FileMode.TYPE_FILE) {
				return Optional.empty();
			}
			return Optional.of(reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).getBytes());
		}
	}

}
