package io.firedrill.kit.authoring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.shop.ShopLayout;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A change as {@code git format-patch --zero-commit} writes it: a mail header (author, date, subject), the rest of
 * the message, then the diff. It is what the catalog stores ({@code io.firedrill.kit.catalog.PatchFile} reads it
 * back); only the paths {@code include} accepts may change.
 */
final class FormatPatch {

	private static final String ZERO_COMMIT = "From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\n";

	private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z",
			Locale.ROOT);

	private FormatPatch() {
	}

	/**
	 * The shop's paths on either side of a change: its fixed paths and the folders of the modules the root pom (its
	 * kit block cut) lists before or after it, since a PR may add or remove a module or a job.
	 */
	static Predicate<String> shopPaths(Repository repository, RevTree before, RevTree after) {
		return shopPaths(repository, before).or(shopPaths(repository, after));
	}

	private static Predicate<String> shopPaths(Repository repository, RevTree tree) {
		try (TreeWalk pom = TreeWalk.forPath(repository, ShopLayout.ROOT_POM, tree)) {
			return (pom == null) ? ShopLayout::isShopPath
					: ShopLayout.shopPaths(ShopLayout.stripKitBlock(repository.open(pom.getObjectId(0)).getBytes()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The patch from {@code before} to {@code after}.
	 * @param where names the change in messages
	 * @throws FiredrillException (input) when it changes nothing, a path outside {@code include}, or a binary file
	 */
	static byte[] write(Repository repository, RevTree before, RevTree after, PersonIdent author, String message,
			Predicate<String> include, String where) {
		ByteArrayOutputStream diff = new ByteArrayOutputStream();
		try (DiffFormatter formatter = new DiffFormatter(diff)) {
			formatter.setRepository(repository);
			formatter.setDiffComparator(RawTextComparator.DEFAULT);
			formatter.setDetectRenames(false);
			List<DiffEntry> entries = formatter.scan(before, after);
			// the root pom's two sides as the shop has them, read once: for the check and for its hunks
			byte[] pomBefore = null;
			byte[] pomAfter = null;
			for (DiffEntry entry : entries) {
				if (isRootPom(entry)) {
					pomBefore = shopPom(repository, entry.getOldId());
					pomAfter = shopPom(repository, entry.getNewId());
				}
			}
			List<String> outside = new ArrayList<>();
			for (DiffEntry entry : entries) {
				String path = entry.getChangeType() == DiffEntry.ChangeType.DELETE ? entry.getOldPath()
						: entry.getNewPath();
				if (isRootPom(entry) && Arrays.equals(pomBefore, pomAfter)) {
					outside.add(path + " (its kit block)");
				}
				else if (!include.test(path)) {
					outside.add(path);
				}
				if (entry.getNewMode() == FileMode.GITLINK || entry.getNewMode() == FileMode.SYMLINK
						|| entry.getOldMode() == FileMode.SYMLINK) {
					throw FiredrillException.input(where + " changes " + path
							+ ", a symbolic link or submodule: the catalog's patches hold regular files only");
				}
			}
			if (!outside.isEmpty()) {
				throw FiredrillException.input(where + " changes paths that are not the shop's: "
						+ String.join(", ", outside.subList(0, Math.min(5, outside.size())))
						+ (outside.size() > 5 ? " and " + (outside.size() - 5) + " more" : "")
						+ " (an incident's PRs change the shop only; commit the rest separately)");
			}
			if (entries.isEmpty()) {
				throw FiredrillException.input(where + " changes nothing");
			}
			for (DiffEntry entry : entries) {
				if (isRootPom(entry)) {
					writeShopPomDiff(formatter, diff, pomBefore, pomAfter);
				}
				else {
					formatter.format(entry);
				}
			}
			formatter.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String diffText = diff.toString(StandardCharsets.UTF_8);
		if (diffText.contains("\nBinary files ") || diffText.startsWith("Binary files ")) {
			throw FiredrillException.input(where + " changes a binary file: the catalog's patches hold text only");
		}
		String[] subjectAndBody = message.strip().split("\n", 2);
		String body = (subjectAndBody.length > 1) ? subjectAndBody[1].strip() : "";
		StringBuilder patch = new StringBuilder(diffText.length() + 512);
		patch.append(ZERO_COMMIT);
		patch.append("From: ").append(encoded(author.getName())).append(" <").append(author.getEmailAddress())
			.append(">\n");
		patch.append("Date: ").append(RFC_2822.format(author.getWhenAsInstant().atZone(author.getZoneId())))
			.append('\n');
		patch.append("Subject: [PATCH] ").append(encoded(subjectAndBody[0].strip())).append("\n\n");
		if (!body.isEmpty()) {
			patch.append(body).append('\n');
		}
		patch.append("---\n\n").append(diffText);
		return patch.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static boolean isRootPom(DiffEntry entry) {
		return entry.getChangeType() == DiffEntry.ChangeType.MODIFY && entry.getNewPath().equals(ShopLayout.ROOT_POM);
	}

	/** The root pom as the shop has it: the PRs apply to exported repositories, whose pom has no kit block. */
	private static byte[] shopPom(Repository repository, AbbreviatedObjectId blob) throws IOException {
		return ShopLayout.stripKitBlock(repository.open(blob.toObjectId(), Constants.OBJ_BLOB).getBytes());
	}

	/**
	 * The root pom's change between the shop's views of it, so that its hunks' context never holds the kit block's
	 * lines (a module added beside them would not apply to an exported repository otherwise).
	 */
	private static void writeShopPomDiff(DiffFormatter formatter, ByteArrayOutputStream diff, byte[] before,
			byte[] after) throws IOException {
		formatter.flush();
		ObjectInserter.Formatter ids = new ObjectInserter.Formatter();
		String header = "diff --git a/" + ShopLayout.ROOT_POM + " b/" + ShopLayout.ROOT_POM + "\nindex "
				+ ids.idFor(Constants.OBJ_BLOB, before).abbreviate(7).name() + ".."
				+ ids.idFor(Constants.OBJ_BLOB, after).abbreviate(7).name() + " 100644\n--- a/" + ShopLayout.ROOT_POM
				+ "\n+++ b/" + ShopLayout.ROOT_POM + "\n";
		diff.write(header.getBytes(StandardCharsets.UTF_8));
		RawText a = new RawText(before);
		RawText b = new RawText(after);
		formatter.format(DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
			.diff(RawTextComparator.DEFAULT, a, b), a, b);
		formatter.flush();
	}

	/** A header value as RFC 2047 wants it: as is when ASCII, else one UTF-8 encoded word. */
	static String encoded(String value) {
		boolean ascii = value.chars().allMatch((c) -> c >= 0x20 && c < 0x7f);
		if (ascii) {
			return value;
		}
		return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
	}

}
