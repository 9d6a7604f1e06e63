package io.firedrill.kit.authoring;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.firedrill.kit.Folders;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.catalog.Incident;
import io.firedrill.kit.export.CandidateExport;
import io.firedrill.kit.catalog.Criteria;
import io.firedrill.kit.catalog.Criterion;
import io.firedrill.kit.catalog.Fix;
import io.firedrill.kit.catalog.Fixes;
import io.firedrill.kit.grade.GradingSession;
import io.firedrill.kit.grade.Prover;
import io.firedrill.kit.shop.ShopLayout;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * {@code firedrill check-incident}: the Defects4J-style proof of one incident, reported so that its author can act
 * on each line. Before any grading: the brief names none of the incident's spoilers, the candidate's export holds
 * nothing of the kit, the fixes file has accepted and known-wrong fixes. Then {@code prove}'s matrix for the
 * incident, and from its scorecards each hidden test that no variant makes fail (a test that cannot fail grades
 * nothing).
 */
public final class IncidentCheck {

	/** A blob larger than this is not read for leaks: the shop holds no such text file. */
	private static final long LARGEST_TEXT = 4L << 20;

	private final KitClone kit;

	private final Criteria criteria;

	private final GradingSession.Settings settings;

	private final PrintWriter out;

	private final Path keep;

	public IncidentCheck(KitClone kit, Criteria criteria, GradingSession.Settings settings, PrintWriter out,
			Path keep) {
		this.kit = kit;
		this.criteria = criteria;
		this.settings = settings;
		this.out = out;
		this.keep = keep;
	}

	/**
	 * What the check found.
	 * @param problems what must change before the incident is ready, one line each
	 * @param advice what the authoring guide recommends and the incident lacks
	 */
	public record Report(List<String> problems, List<String> advice, int verdicts) {

		public boolean holds() {
			return this.problems.isEmpty();
		}

	}

	/** The static checks only (seconds): spoilers, leaks, the fixes file. */
	public Report checkStatic(Incident incident) {
		List<String> problems = new ArrayList<>();
		List<String> advice = new ArrayList<>();
		this.out.println("check " + incident.id());
		spoilers(incident, problems, advice);
		leaks(incident, problems);
		fixes(incident, problems, advice);
		this.out.flush();
		return new Report(problems, advice, 0);
	}

	/** Every check: the static ones, then the grader's proof and the usefulness of each hidden test. */
	public Report check(Incident incident) {
		Report first = checkStatic(incident);
		List<String> problems = new ArrayList<>(first.problems());
		this.out.println();
		Prover.Proof proof = new Prover(this.kit, this.criteria, this.settings, this.out, this.keep)
			.prove(List.of(incident));
		for (Prover.Verdict verdict : proof.mismatches()) {
			problems.add(verdict.variant() + "/" + verdict.criterion() + ": expected " + verdict.expected() + ", got "
					+ verdict.actual());
		}
		for (String untested : proof.untested()) {
			problems.add(untested + " is untested: no known-wrong fix makes it fail (add one to fixes.yaml)");
		}
		for (String useless : uselessTests(incident, proof.graded())) {
			problems.add(useless);
		}
		this.out.flush();
		return new Report(problems, first.advice(), proof.verdicts().size());
	}

	/**
	 * Hidden tests that fail neither on the broken tag nor on any known-wrong fix: whatever a candidate submits,
	 * they pass, so they grade nothing.
	 */
	List<String> uselessTests(Incident incident, List<Prover.Graded> graded) {
		Set<String> failedSomewhere = new HashSet<>();
		for (Prover.Graded variant : graded) {
			if (variant.kind() == null || variant.kind() == Fix.Kind.WRONG) {
				failedSomewhere.addAll(variant.failedTests());
			}
		}
		List<String> useless = new ArrayList<>();
		int tests = 0;
		for (Criterion criterion : this.criteria.of(incident)) {
			for (String test : criterion.tests()) {
				tests++;
				if (!failedSomewhere.contains(test)) {
					useless.add("hidden test " + test + " (" + criterion.id() + ") is useless: it passes on the broken"
							+ " tag and on every known-wrong fix (make it fail on the bug, or add the wrong fix it"
							+ " catches)");
				}
			}
		}
		line(useless.isEmpty(), "hidden tests: " + (tests - useless.size()) + " of " + tests
				+ " fail on the bug or on a known-wrong fix");
		return useless;
	}

	private void spoilers(Incident incident, List<String> problems, List<String> advice) {
		String brief = new String(incident.brief(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
		List<String> found = incident.spoilers().stream()
			.filter((spoiler) -> brief.contains(spoiler.toLowerCase(Locale.ROOT)))
			.toList();
		for (String spoiler : found) {
			problems.add("the brief gives the root cause away: it contains \"" + spoiler + "\" (a spoiler of "
					+ incident.folder() + "/incident.yaml)");
		}
		if (incident.spoilers().isEmpty()) {
			advice.add("incident.yaml lists no spoilers: name the phrases of notes.md's root cause the brief must"
					+ " never say");
		}
		line(found.isEmpty(), "brief: " + (incident.spoilers().isEmpty() ? "no spoilers listed"
				: "none of the " + incident.spoilers().size() + " spoilers of incident.yaml"));
	}

	/** The export as a candidate receives it: every commit of every ref, every path and text. */
	private void leaks(Incident incident, List<String> problems) {
		Set<String> hidden = new LinkedHashSet<>(List.of("firedrill"));
		for (Criterion criterion : this.criteria.of(incident)) {
			for (String test : criterion.tests()) {
				String className = test.substring(0, test.indexOf('#'));
				hidden.add(className.substring(className.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
			}
		}
		Path scratch = null;
		List<String> found = new ArrayList<>();
		int[] files = { 0 };
		try {
			scratch = Files.createTempDirectory("firedrill-check-");
			Path repository = scratch.resolve(incident.id());
			CandidateExport.export(this.kit, incident, repository, null);
			try (Repository git = new FileRepositoryBuilder().setWorkTree(repository.toFile()).build();
					RevWalk walk = new RevWalk(git)) {
				for (Ref ref : git.getRefDatabase().getRefs()) {
					walk.markStart(walk.parseCommit(ref.getObjectId()));
				}
				Set<ObjectId> seen = new HashSet<>();
				for (RevCommit commit : walk) {
					try (TreeWalk tree = new TreeWalk(git)) {
						tree.addTree(commit.getTree());
						tree.setRecursive(true);
						while (tree.next()) {
							String path = tree.getPathString();
							Optional<String> kitPath = ShopLayout.kitPath(path);
							if (kitPath.isPresent() || path.toLowerCase(Locale.ROOT).contains("firedrill")) {
								found.add(path + " (commit " + commit.abbreviate(10).name() + ") is a path of the kit");
							}
							if (!seen.add(tree.getObjectId(0))) {
								continue;
							}
							files[0]++;
							ObjectLoader blob = git.open(tree.getObjectId(0), Constants.OBJ_BLOB);
							if (blob.getSize() > LARGEST_TEXT) {
								continue;
							}
							String text = new String(blob.getBytes(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
							for (String word : hidden) {
								if (text.contains(word)) {
									found.add(path + " (commit " + commit.abbreviate(10).name() + ") names \"" + word
											+ "\"");
								}
							}
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			Folders.deleteQuietly(scratch);
		}
		for (String leak : found.stream().distinct().limit(20).toList()) {
			problems.add("the export leaks: " + leak);
		}
		line(found.isEmpty(), "export: " + files[0] + " file versions in the commits a candidate receives, "
				+ (found.isEmpty() ? "nothing of the kit or of the hidden tests" : found.size() + " leaks"));
	}

	private void fixes(Incident incident, List<String> problems, List<String> advice) {
		Optional<List<Fix>> fixes = Fixes.read(this.kit, incident, this.criteria.of(incident));
		if (fixes.isEmpty()) {
			problems.add("no " + Fixes.path(incident) + ": without fixes nothing proves the grader accepts a right"
					+ " answer and refuses a wrong one");
			line(false, "fixes: none");
			return;
		}
		long accepted = fixes.get().stream().filter((fix) -> fix.kind() == Fix.Kind.ACCEPTED).count();
		long wrong = fixes.get().stream().filter((fix) -> fix.kind() == Fix.Kind.WRONG).count();
		if (accepted == 0) {
			problems.add("fixes.yaml has no accepted fix");
		}
		if (wrong == 0) {
			problems.add("fixes.yaml has no known-wrong fix");
		}
		if (accepted < 2) {
			advice.add("one accepted fix only: add another way to fix it, so the grader is shown not to want one answer");
		}
		if (wrong < 3) {
			advice.add(wrong + " known-wrong fixes: add the ones a hurried engineer would write (the guide asks for three)");
		}
		line(accepted > 0 && wrong > 0, "fixes: " + accepted + " accepted, " + wrong + " known-wrong, "
				+ (fixes.get().size() - accepted - wrong) + " tamper");
	}

	private void line(boolean ok, String text) {
		this.out.printf(Locale.ROOT, "  %s %s%n", ok ? "✓" : "✗", text);
	}

}
