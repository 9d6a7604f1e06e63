package io.firedrill.kit.authoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.firedrill.kit.Cleanup;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.Folders;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.catalog.Catalog;
import io.firedrill.kit.catalog.PullRequest;
import io.firedrill.kit.catalog.Criteria;
import io.firedrill.kit.history.HistoryWriter;
import io.firedrill.kit.history.PatchCommit;
import io.firedrill.kit.shop.ShopLayout;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
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

	private static final String TEMPLATES = "/io/firedrill/kit/authoring/";

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
		List<RevCommit> commits = commits(repository, request.from());
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
					commit.getAuthorIdent(), commit.getFullMessage(), ShopLayout::isShopPath, where);
			Matcher number = PR_NUMBER.matcher(commit.getShortMessage());
			int pr = number.find() ? Integer.parseInt(number.group(1)) : nextNumber++;
			String subject = PR_NUMBER.matcher(commit.getShortMessage()).replaceFirst("").strip();
			String patchName = String.format(Locale.ROOT, "%04d-%s.patch", i + 1, slug(subject));
			files.put(folder + "patches/" + patchName, patch);
			patches.add(patch);
			prsYaml.append("  - number: ").append(pr).append('\n')
				.append("    title: ").append(quoted(subject)).append('\n')
				.append("    patch: patches/").append(patchName).append('\n');
			prLines.add("- PR #" + pr + " (" + commit.getAuthorIdent().getName() + "): " + subject);
			prs.add("#" + pr + " " + subject);
		}
		RevCommit seriesTip = commits.get(commits.size() - 1);
		checkSeriesApplies(kit, commits, patches, id);

		List<String> criteriaIds = new ArrayList<>(request.existingCriteria());
		criteriaIds.addAll(request.newCriteria());
		String title = (request.title() != null && !request.title().isBlank()) ? request.title().strip()
				: PR_NUMBER.matcher(seriesTip.getShortMessage()).replaceFirst("").strip();
		String timebox = (request.timebox() != null) ? request.timebox() : "60m";
		files.put(folder + Catalog.METADATA, ("id: " + id + "\n"
				+ "title: " + quoted(title) + "\n"
				+ "tag: incident/" + id + "\n"
				+ "base: " + Catalog.BASE_TAG + "\n"
				+ "releaseTag: false\n"
				+ "timebox: " + timebox + "\n"
				+ "criteria: [" + String.join(", ", criteriaIds) + "]\n"
				+ "# phrases the brief must not contain: they would give the root cause away (check-incident)\n"
				+ "spoilers: []\n"
				+ "prs:\n" + prsYaml
				+ "brief: brief.md\n").getBytes(StandardCharsets.UTF_8));
		files.put(folder + "brief.md", template("brief.md", Map.of("title", title, "id", id, "timebox", timebox,
				"changes", String.join("\n", prLines))));
		files.put(folder + "notes.md", template("notes.md", Map.of("id", id, "prs", String.join("\n", prLines),
				"criteria", String.join(", ", criteriaIds))));

		boolean hasFix = request.fix() != null;
		if (hasFix) {
			files.putAll(referenceFix(kit, request.fix(), seriesTip, commits, patches, folder, criteriaIds, id));
		}
		if (!request.newCriteria().isEmpty()) {
			StringBuilder yaml = new StringBuilder(new String(criteriaYaml, StandardCharsets.UTF_8));
			if (yaml.length() > 0 && yaml.charAt(yaml.length() - 1) != '\n') {
				yaml.append('\n');
			}
			for (String created : request.newCriteria()) {
				Suite suite = Suite.of(created);
				files.put(Criteria.GRADING + "/" + created + "/pom.xml", template("suite-pom.xml",
						Map.of("criterion", created)));
				files.put(Criteria.GRADING + "/" + created + "/src/test/java/io/firedrill/grading/" + suite.pkg() + "/"
						+ suite.className() + ".java", template("SuiteTests.java.template", Map.of("criterion", created,
								"package", suite.pkg(), "class", suite.className(), "method", suite.method())));
				yaml.append("  - id: ").append(created).append('\n')
					.append("    title: ").append(quoted("TODO: what a fix of " + id + " must do, in one line"))
					.append('\n')
					.append("    points: 10\n")
					.append("    module: ").append(created).append('\n')
					.append("    needs: [checkout-service]        # candidate modules that must build for the suite to run\n")
					.append("    tests:\n")
					.append("      - io.firedrill.grading.").append(suite.pkg()).append('.').append(suite.className())
					.append('#').append(suite.method()).append('\n')
					.append("    feedback:                        # what the candidate's card says (see the top of this file)\n")
					.append("      visibility: after-review\n")
					.append("      title: ").append(quoted("TODO: the criterion in the candidate's words")).append('\n')
					.append("      pass: ").append(quoted("TODO: what they got right, without naming the fix")).append('\n')
					.append("      fail: ").append(quoted("TODO: what to look at again, without naming a hidden test")).append('\n');
			}
			byte[] updated = yaml.toString().getBytes(StandardCharsets.UTF_8);
			Criteria.parse(updated);
			files.put(Criteria.FILE, updated);
		}
		return new Draft(id, files, prs, hasFix);
	}

	/**
	 * Writes the draft into the kit's work tree: each new folder is written beside its place and moved in, so a
	 * failure leaves nothing; {@code criteria.yaml} is replaced last, in one move.
	 */
	public static List<Path> write(Path root, Draft draft) {
		Map<String, Map<String, byte[]>> byFolder = new LinkedHashMap<>();
		byte[] criteria = null;
		for (Map.Entry<String, byte[]> file : draft.files().entrySet()) {
			if (file.getKey().equals(Criteria.FILE)) {
				criteria = file.getValue();
				continue;
			}
			String[] parts = file.getKey().split("/", 3);
			byFolder.computeIfAbsent(parts[0] + "/" + parts[1], (key) -> new LinkedHashMap<>())
				.put(parts[2], file.getValue());
		}
		for (String folder : byFolder.keySet()) {
			if (Files.exists(root.resolve(folder))) {
				throw FiredrillException.input(folder + " exists: nothing was written");
			}
		}
		List<Path> staged = new ArrayList<>();
		List<Path> written = new ArrayList<>();
		try (Cleanup.Action cleanup = Cleanup.onStop(() -> staged.forEach(Folders::deleteQuietly))) {
			for (Map.Entry<String, Map<String, byte[]>> folder : byFolder.entrySet()) {
				Path target = root.resolve(folder.getKey());
				Files.createDirectories(target.getParent());
				Path staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".new-");
				staged.add(staging);
				for (Map.Entry<String, byte[]> file : folder.getValue().entrySet()) {
					Path path = staging.resolve(file.getKey());
					Files.createDirectories(path.getParent());
					Files.write(path, file.getValue());
				}
			}
			Path criteriaStaging = null;
			if (criteria != null) {
				Path target = root.resolve(Criteria.FILE);
				criteriaStaging = Files.createTempFile(target.getParent(), ".criteria.yaml.", ".new");
				staged.add(criteriaStaging);
				Files.write(criteriaStaging, criteria);
			}
			int i = 0;
			for (String folder : byFolder.keySet()) {
				Path target = root.resolve(folder);
				Files.move(staged.get(i++), target, StandardCopyOption.ATOMIC_MOVE);
				written.add(target);
			}
			if (criteriaStaging != null) {
				Files.move(criteriaStaging, root.resolve(Criteria.FILE), StandardCopyOption.ATOMIC_MOVE,
						StandardCopyOption.REPLACE_EXISTING);
				written.add(root.resolve(Criteria.FILE));
			}
			staged.clear();
			return written;
		}
		catch (FileAlreadyExistsException ex) {
			throw FiredrillException.input(ex.getFile() + " appeared while new-incident wrote: nothing else was written", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			staged.forEach(Folders::deleteQuietly);
		}
	}

	/** The commits of {@code from}, oldest first: single-parent commits only. */
	private static List<RevCommit> commits(Repository repository, String from) {
		String[] range = from.split("\\.\\.", -1);
		if (range.length > 2 || from.contains("...")) {
			throw FiredrillException.input("--from '" + from + "' is not a branch, a commit or a range A..B");
		}
		ObjectId exclude = resolve(repository, range.length == 2 ? range[0] : "HEAD", from);
		ObjectId tip = resolve(repository, range.length == 2 ? range[1] : range[0], from);
		List<RevCommit> commits = new ArrayList<>();
		try (RevWalk walk = new RevWalk(repository)) {
			walk.sort(RevSort.TOPO, true);
			walk.sort(RevSort.REVERSE, true);
			walk.markStart(walk.parseCommit(tip));
			walk.markUninteresting(walk.parseCommit(exclude));
			for (RevCommit commit : walk) {
				if (commit.getParentCount() != 1) {
					throw FiredrillException.input("commit " + commit.abbreviate(10).name() + " of " + from + " is a"
							+ " merge: an incident's PRs are a straight line of commits (squash or rebase them)");
				}
				walk.parseHeaders(commit.getParent(0));
				commits.add(commit);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (commits.isEmpty()) {
			throw FiredrillException.input("--from " + from + " has no commits"
					+ (range.length == 2 ? "" : " that HEAD lacks (commit the PRs on a branch made from main)"));
		}
		if (commits.size() > 20) {
			throw FiredrillException.input("--from " + from + " has " + commits.size() + " commits: an incident is a"
					+ " few PRs (did you mean a range A..B?)");
		}
		return commits;
	}

	private static ObjectId resolve(Repository repository, String revision, String from) {
		try {
			ObjectId id = repository.resolve(revision + "^{commit}");
			if (id == null) {
				throw FiredrillException.input("'" + revision + "' of " + from + " is not a branch, tag or commit");
			}
			return id;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof FiredrillException known) {
				throw known;
			}
			throw FiredrillException.input("'" + revision + "' of " + from + " is not a branch, tag or commit", ex);
		}
	}

	/** The series as the kit will apply it: each patch on the healthy release, in order. */
	private static RevCommit checkSeriesApplies(KitClone kit, List<RevCommit> commits, List<byte[]> patches,
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
			return parent;
		}
	}

	/** The fix branch's commits after the last PR, as one patch, and the fixes file naming it the reference. */
	private static Map<String, byte[]> referenceFix(KitClone kit, String fix, RevCommit seriesTip,
			List<RevCommit> commits, List<byte[]> patches, String folder, List<String> criteria, String id) {
		Repository repository = kit.repository();
		List<RevCommit> fixCommits = commits(repository, seriesTip.name() + ".." + fix);
		RevCommit fixTip = fixCommits.get(fixCommits.size() - 1);
		try (RevWalk walk = new RevWalk(repository)) {
			if (!walk.isMergedInto(walk.parseCommit(seriesTip), walk.parseCommit(fixTip))) {
				throw FiredrillException.input("--fix " + fix + " is not on top of the last PR ("
						+ seriesTip.abbreviate(10).name() + "): branch the fix from it");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		RevCommit first = fixCommits.get(0);
		byte[] patch = FormatPatch.write(repository, seriesTip.getTree(), fixTip.getTree(), first.getAuthorIdent(),
				first.getFullMessage(), ShopLayout::isShopPath, "--fix " + fix);
		try (Repository memory = new InMemoryRepository(new DfsRepositoryDescription("new-incident-fix"));
				HistoryWriter history = new HistoryWriter(kit, memory)) {
			RevCommit parent = history.base();
			for (int i = 0; i < patches.size(); i++) {
				parent = PatchCommit.apply(memory, parent, patches.get(i), commits.get(i).getAuthorIdent(),
						commits.get(i).getFullMessage(), "incident " + id + ": PR " + (i + 1));
			}
			PatchCommit.apply(memory, parent, patch, first.getAuthorIdent(), first.getFullMessage(),
					"incident " + id + ": the reference fix (--fix " + fix + ") on the last PR");
		}
		StringBuilder yaml = new StringBuilder()
			.append("# Fixes a candidate could submit, applied as one commit on incident/").append(id)
			.append(", and the\n# verdict each criterion must give. `./firedrill check-incident ").append(id)
			.append("` proves every one.\n")
			.append("# Add the other accepted fixes and at least three known-wrong ones (kind: wrong), each with\n")
			.append("# the verdicts it must get: a criterion no wrong fix makes fail is untested.\n")
			.append("fixes:\n")
			.append("  - id: reference\n")
			.append("    kind: accepted\n")
			.append("    reference: true\n")
			.append("    description: ").append(quoted(first.getShortMessage())).append('\n')
			.append("    patch: reference.patch\n")
			.append("    expect:\n");
		for (String criterion : criteria) {
			yaml.append("      ").append(criterion).append(": pass\n");
		}
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put(folder + "fixes/reference.patch", patch);
		files.put(folder + "fixes/fixes.yaml", yaml.toString().getBytes(StandardCharsets.UTF_8));
		return files;
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

	/** How git format-patch names a patch file after its subject. */
	static String slug(String subject) {
		String slug = subject.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > 52) {
			slug = slug.substring(0, 52).replaceAll("-+$", "");
		}
		return slug.isEmpty() ? "change" : slug;
	}

	/** A YAML double-quoted scalar. */
	static String quoted(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20 || c == 0x7f) {
						out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	private static byte[] readWorkTree(Path root, String path) {
		try {
			return Files.readAllBytes(root.resolve(path));
		}
		catch (IOException ex) {
			throw FiredrillException.environment("cannot read " + root.resolve(path) + ": " + Folders.reason(ex));
		}
	}

	private static byte[] template(String name, Map<String, String> values) {
		try (InputStream in = NewIncident.class.getResourceAsStream(TEMPLATES + name)) {
			if (in == null) {
				throw new IllegalStateException("template " + name + " is missing from the kit");
			}
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			for (Map.Entry<String, String> value : values.entrySet()) {
				text = text.replace("@" + value.getKey() + "@", value.getValue());
			}
			return text.getBytes(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Names in a new hidden suite, derived from its criterion's id. */
	record Suite(String pkg, String className, String method) {

		static Suite of(String criterion) {
			String pkg = criterion.replaceAll("[^a-z0-9]", "");
			if (pkg.isEmpty() || Character.isDigit(pkg.charAt(0))) {
				pkg = "c" + pkg;
			}
			StringBuilder camel = new StringBuilder();
			for (String word : criterion.split("[^a-z0-9]+")) {
				if (!word.isEmpty()) {
					camel.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
				}
			}
			String className = (Character.isDigit(camel.charAt(0)) ? "C" : "") + camel + "Tests";
			return new Suite(pkg, className, "aFixOf" + camel.toString().replaceAll("^\\d+", "") + "DoesWhatTheCriterionSays");
		}

	}

}
