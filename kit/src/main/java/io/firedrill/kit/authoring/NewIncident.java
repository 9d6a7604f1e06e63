package io.firedrill.kit.authoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.Folders;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.catalog.Catalog;
import io.firedrill.kit.catalog.PullRequest;
import io.firedrill.kit.catalog.Criteria;
import io.firedrill.kit.history.HistoryWriter;
import io.firedrill.kit.history.PatchCommit;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * {@code firedrill new-incident}: commits made on the shop become an incident of the catalog. Each commit of the
 * range is a PR (its author, date and message kept in its patch); the commits of a fix branch on top become the
 * reference fix; each new criterion gets a hidden suite to write and its entry in {@code grading/criteria.yaml}.
 * Nothing is written when the incident would break the catalog: an id that exists, a commit that changes the kit,
 * a series that does not apply to the healthy release, a fix that does not apply to the series.
 */
public final class NewIncident {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

	/** A GitHub squash merge ends its subject with the PR's number. */
	private static final Pattern PR_NUMBER = Pattern.compile("\\(#(\\d{1,7})\\)\\s*$");

	/**
	 * What the author asked for.
	 * @param from the PR commits: {@code A..B}, or a branch or commit (then everything on it that HEAD lacks)
	 * @param fix a branch or commit on top of the last PR, the reference fix, or {@code null}
	 * @param newCriteria criteria to create (a hidden suite each), may be empty
	 * @param existingCriteria criteria of {@code grading/criteria.yaml} this incident is also graded on
	 * @param title the incident's title, or {@code null} for the last PR's subject
	 * @param timebox the time box, e.g. {@code 60m}
	 */
	public record Request(String id, String from, String fix, List<String> newCriteria, List<String> existingCriteria,
			String title, String timebox) {

		public Request {
			newCriteria = List.copyOf(newCriteria);
			existingCriteria = List.copyOf(existingCriteria);
		}

	}

	/**
	 * What was made: files relative to the kit's root, with their content. {@code grading/criteria.yaml} is the
	 * whole new file when criteria were added.
	 */
	public record Draft(String id, Map<String, byte[]> files, List<String> prs, boolean hasFix) {
	}

	private NewIncident() {
	}

	/** Writes the draft into the kit's work tree, all or nothing ({@link DraftWriter}). */
	public static List<Path> write(Path root, Draft draft) {
		return DraftWriter.write(root, draft);
	}

	/**
	 * Makes the incident's files, or says why not.
	 * @throws FiredrillException (input, patch) as the class says
	 */
	public static Draft draft(KitClone kit, Path root, Request request) {
		String id = request.id();
		if (!ID.matcher(id).matches()) {
			throw FiredrillException.input("incident id '" + id + "' must be 1-64 lower case letters, digits, '.',"
					+ " '-' or '_', starting with a letter or digit");
		}
		Catalog catalog = Catalog.read(kit);
		if (catalog.incidents().stream().anyMatch((incident) -> incident.id().equals(id))
				|| Files.exists(root.resolve(Catalog.ROOT).resolve(id))) {
			throw FiredrillException.input("incident " + id + " exists (" + Catalog.ROOT + "/" + id + "): choose another id");
		}
		byte[] criteriaYaml = readWorkTree(root, Criteria.FILE);
		Criteria criteria = Criteria.parse(criteriaYaml);
		for (String existing : request.existingCriteria()) {
			if (!known(criteria, existing)) {
				throw FiredrillException.input("--criterion-of " + existing + ": no such criterion in " + Criteria.FILE);
			}
		}
		for (String created : request.newCriteria()) {
			if (!ID.matcher(created).matches()) {
				throw FiredrillException.input("criterion id '" + created + "' must be lower case letters, digits, '.',"
						+ " '-' or '_'");
			}
			if (known(criteria, created) || Files.exists(root.resolve(Criteria.GRADING).resolve(created))) {
				throw FiredrillException.input("criterion " + created + " exists: name it with --criterion-of to"
						+ " grade this incident on it, or choose another id");
			}
		}
		if (request.newCriteria().isEmpty() && request.existingCriteria().isEmpty()) {
			throw FiredrillException.input("an incident needs at least one criterion (--criterion NEW or"
					+ " --criterion-of EXISTING)");
		}

		Repository repository = kit.repository();
		List<RevCommit> commits = PrRange.commits(repository, request.from());
		Map<String, byte[]> files = new LinkedHashMap<>();
		String folder = Catalog.ROOT + "/" + id + "/";
		int nextNumber = nextPrNumber(catalog);
		List<String> prLines = new ArrayList<>();
		List<String> prs = new ArrayList<>();
		List<byte[]> patches = new ArrayList<>();
		StringBuilder prsYaml = new StringBuilder();
		for (int i = 0; i < commits.size(); i++) {
			RevCommit commit = commits.get(i);
			String where = "commit " + commit.abbreviate(10).name() + " (" + commit.getShortMessage() + ")";
			byte[] patch = FormatPatch.write(repository, commit.getParent(0).getTree(), commit.getTree(),
					commit.getAuthorIdent(), commit.getFullMessage(),
					FormatPatch.shopPaths(repository, commit.getParent(0).getTree(), commit.getTree()), where);
			Matcher number = PR_NUMBER.matcher(commit.getShortMessage());
			int pr = number.find() ? Integer.parseInt(number.group(1)) : nextNumber++;
			String subject = PR_NUMBER.matcher(commit.getShortMessage()).replaceFirst("").strip();
			String patchName = String.format(Locale.ROOT, "%04d-%s.patch", i + 1, DraftText.slug(subject));
			files.put(folder + "patches/" + patchName, patch);
			patches.add(patch);
			prsYaml.append(DraftText.prEntry(pr, subject, patchName));
			prLines.add("- PR #" + pr + " (" + commit.getAuthorIdent().getName() + "): " + subject);
			prs.add("#" + pr + " " + subject);
		}
		RevCommit seriesTip = commits.get(commits.size() - 1);
		Optional<ReferenceFix> fix = replay(kit, commits, patches, request.fix(), id);

		List<String> criteriaIds = new ArrayList<>(request.existingCriteria());
		criteriaIds.addAll(request.newCriteria());
		String title = (request.title() != null && !request.title().isBlank()) ? request.title().strip()
				: PR_NUMBER.matcher(seriesTip.getShortMessage()).replaceFirst("").strip();
		String timebox = (request.timebox() != null) ? request.timebox() : "60m";
		files.put(folder + Catalog.METADATA, DraftText.metadata(id, title, timebox, criteriaIds, prsYaml));
		files.put(folder + "brief.md", DraftText.template("brief.md", Map.of("title", title, "id", id, "timebox", timebox,
				"changes", String.join("\n", prLines))));
		files.put(folder + "notes.md", DraftText.template("notes.md", Map.of("id", id, "prs", String.join("\n", prLines),
				"criteria", String.join(", ", criteriaIds))));

		fix.ifPresent((reference) -> {
			files.put(folder + "fixes/reference.patch", reference.patch());
			files.put(folder + "fixes/fixes.yaml", DraftText.fixesYaml(id, reference.subject(), criteriaIds));
		});
		if (!request.newCriteria().isEmpty()) {
			StringBuilder yaml = new StringBuilder(new String(criteriaYaml, StandardCharsets.UTF_8));
			if (yaml.length() > 0 && yaml.charAt(yaml.length() - 1) != '\n') {
				yaml.append('\n');
			}
			for (String created : request.newCriteria()) {
				DraftText.Suite suite = DraftText.Suite.of(created);
				files.put(Criteria.GRADING + "/" + created + "/pom.xml", DraftText.template("suite-pom.xml",
						Map.of("criterion", created)));
				files.put(Criteria.GRADING + "/" + created + "/src/test/java/io/firedrill/grading/" + suite.pkg() + "/"
						+ suite.className() + ".java", DraftText.template("SuiteTests.java.template", Map.of("criterion",
								created, "package", suite.pkg(), "class", suite.className(), "method", suite.method())));
				yaml.append(DraftText.criterionEntry(created, id, suite));
			}
			byte[] updated = yaml.toString().getBytes(StandardCharsets.UTF_8);
			Criteria.parse(updated);
			files.put(Criteria.FILE, updated);
		}
		return new Draft(id, files, prs, fix.isPresent());
	}

	/** The fix branch's commits after the last PR as one patch, and the subject of the first. */
	private record ReferenceFix(byte[] patch, String subject) {
	}

	/**
	 * The series applied as the kit will apply it, each patch on the healthy release in order, then the reference
	 * fix, if any, on its last PR: one replay in memory checks both.
	 * @param fix the fix branch or commit, or {@code null}
	 */
	private static Optional<ReferenceFix> replay(KitClone kit, List<RevCommit> commits, List<byte[]> patches, String fix,
			String id) {
		try (Repository memory = new InMemoryRepository(new DfsRepositoryDescription("new-incident"));
				HistoryWriter history = new HistoryWriter(kit, memory)) {
			RevCommit parent = history.base();
			for (int i = 0; i < patches.size(); i++) {
				RevCommit commit = commits.get(i);
				parent = PatchCommit.apply(memory, parent, patches.get(i), commit.getAuthorIdent(),
						commit.getFullMessage(), "incident " + id + ": PR " + (i + 1) + " (commit "
								+ commit.abbreviate(10).name() + ") on " + Catalog.BASE_TAG);
			}
			if (fix == null) {
				return Optional.empty();
			}
			RevCommit seriesTip = commits.get(commits.size() - 1);
			List<RevCommit> fixCommits = PrRange.commits(kit.repository(), seriesTip.name() + ".." + fix);
			RevCommit fixTip = fixCommits.get(fixCommits.size() - 1);
			try (RevWalk walk = new RevWalk(kit.repository())) {
				if (!walk.isMergedInto(walk.parseCommit(seriesTip), walk.parseCommit(fixTip))) {
					throw FiredrillException.input("--fix " + fix + " is not on top of the last PR ("
							+ seriesTip.abbreviate(10).name() + "): branch the fix from it");
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			RevCommit first = fixCommits.get(0);
			byte[] patch = FormatPatch.write(kit.repository(), seriesTip.getTree(), fixTip.getTree(),
					first.getAuthorIdent(), first.getFullMessage(),
					FormatPatch.shopPaths(kit.repository(), seriesTip.getTree(), fixTip.getTree()), "--fix " + fix);
			PatchCommit.apply(memory, parent, patch, first.getAuthorIdent(), first.getFullMessage(),
					"incident " + id + ": the reference fix (--fix " + fix + ") on the last PR");
			return Optional.of(new ReferenceFix(patch, first.getShortMessage()));
		}
	}

	private static boolean known(Criteria criteria, String id) {
		return criteria.all().stream().anyMatch((criterion) -> criterion.id().equals(id));
	}

	private static int nextPrNumber(Catalog catalog) {
		int highest = catalog.incidents().stream()
			.flatMap((incident) -> incident.prs().stream())
			.mapToInt(PullRequest::number)
			.max()
			.orElse(0);
		return highest + 1;
	}

	private static byte[] readWorkTree(Path root, String path) {
		try {
			return Files.readAllBytes(root.resolve(path));
		}
		catch (IOException ex) {
			throw FiredrillException.environment("cannot read " + root.resolve(path) + ": " + Folders.reason(ex));
		}
	}

}
