package io.firedrill.kit.grade;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.firedrill.kit.Folders;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.catalog.Criteria;
import io.firedrill.kit.catalog.Criterion;
import io.firedrill.kit.catalog.Fix;
import io.firedrill.kit.catalog.Fixes;
import io.firedrill.kit.catalog.Incident;
import io.firedrill.kit.catalog.Status;
import io.firedrill.kit.export.CandidateExport;
import io.firedrill.kit.grade.card.Scorecard;
import io.firedrill.kit.grade.card.ScorecardFiles;
import io.firedrill.kit.grade.card.ScorecardMarkdown;
import io.firedrill.kit.grade.verdict.CriterionResult;
import io.firedrill.kit.grade.verdict.Evidence;
import io.firedrill.kit.grade.workspace.Submission;

/**
 * The grader's fairness proof, Defects4J's discipline: for each incident, its broken tag must pass its own visible
 * tests and fail every criterion; every known fix must get exactly the verdicts its {@code fixes.yaml} entry
 * expects; and every criterion must be made to fail by at least one known-wrong fix (else it is untested).
 * <p>
 * One workspace per incident serves every variant: the candidate's tree moves to the next commit and Maven's
 * incremental build skips what did not change; fixes are graded without the candidate's own tests.
 */
public final class Prover {

	/** Label of the broken tag's variant. */
	public static final String BROKEN = "broken";

	/** Row label of the own-tests check of the broken tag. */
	public static final String OWN_TESTS = "own tests";

	private final KitClone kit;

	private final Criteria criteria;

	private final GradingSession.Settings settings;

	private final PrintWriter out;

	private final Path keep;

	/**
	 * @param keep folder where the scorecards of variants that did not match are kept, or {@code null} for a
	 * temporary one
	 */
	public Prover(KitClone kit, Criteria criteria, GradingSession.Settings settings, PrintWriter out, Path keep) {
		this.kit = kit;
		this.criteria = criteria;
		this.settings = settings;
		this.out = out;
		this.keep = keep;
	}

	/** One cell of the matrix. */
	public record Verdict(String incident, String variant, String kind, String criterion, String expected,
			String actual) {

		/**
		 * Whether the verdict is the one expected. A tamper fixture proves only that the attack gained nothing, so
		 * its fail may be one the grader could not grade (a neutralised link that no longer compiles, say).
		 */
		public boolean matches() {
			return this.expected.equals(this.actual) || (Fix.Kind.TAMPER.label().equals(this.kind)
					&& this.actual.equals(this.expected + NOT_GRADED) && !this.expected.equals(Status.PASS.label()));
		}

	}

	/** A variant's scorecard: what {@code check-incident} reads the failing hidden tests from. */
	public record Graded(String incident, String variant, Fix.Kind kind, Scorecard card) {

		/** The hidden tests that failed on this variant, {@code Class#method}. */
		public List<String> failedTests() {
			return this.card.criteria().stream().flatMap((result) -> result.evidence().stream()).map(Evidence::test)
				.filter((test) -> test != null && test.contains("#")).toList();
		}

	}

	/**
	 * The proof of all incidents: every verdict, the criteria no wrong fix tests, how long each variant took, and
	 * each variant's scorecard (the broken tag's has kind {@code null}).
	 */
	public record Proof(List<Verdict> verdicts, List<String> untested, List<String> timings, List<Graded> graded) {

		public List<Verdict> mismatches() {
			return this.verdicts.stream().filter((verdict) -> !verdict.matches()).toList();
		}

		public boolean holds() {
			return mismatches().isEmpty() && this.untested.isEmpty();
		}

	}

	public Proof prove(List<Incident> incidents) {
		List<Verdict> verdicts = new ArrayList<>();
		List<String> untested = new ArrayList<>();
		List<String> timings = new ArrayList<>();
		List<Graded> graded = new ArrayList<>();
		for (Incident incident : incidents) {
			proveIncident(incident, verdicts, untested, timings, graded);
		}
		return new Proof(verdicts, untested, timings, graded);
	}

	private void proveIncident(Incident incident, List<Verdict> verdicts, List<String> untested, List<String> timings,
			List<Graded> cards) {
		List<Criterion> incidentCriteria = this.criteria.of(incident);
		Optional<List<Fix>> fixes = Fixes.read(this.kit, incident, incidentCriteria);
		Path scratch = null;
		try {
			scratch = Files.createTempDirectory("firedrill-prove-");
			Path repository = scratch.resolve(incident.id());
			CandidateExport.export(this.kit, incident, repository, null);
			List<String> branches = new ArrayList<>();
			for (Fix fix : fixes.orElse(List.of())) {
				branches.add(FixCommits.branchFromTag(repository, fix, incident));
			}
			this.out.println("prove " + incident.id() + " (" + (fixes.isEmpty() ? "no fixes.yaml: the broken tag only"
					: fixes.get().size() + " known " + (fixes.get().size() == 1 ? "fix" : "fixes")) + ")");
			header();
			try (GradingSession session = GradingSession.open(this.kit, incident, this.criteria, this.settings)) {
				// the broken tag and every fix change a few modules of one shop: the others are built once
				session.shareBase(new SharedBase.Slot());
				Instant start = Instant.now();
				Variant graded = grade(session, repository, CandidateExport.BRANCH, true, scratch, BROKEN);
				Scorecard broken = graded.card();
				cards.add(new Graded(incident.id(), BROKEN, null, broken));
				List<Verdict> rows = new ArrayList<>();
				rows.add(new Verdict(incident.id(), BROKEN, "-", OWN_TESTS, "pass",
						broken.ownTests().allPassed() ? "pass" : ownTestsProblem(broken.ownTests())));
				for (CriterionResult result : broken.criteria()) {
					rows.add(new Verdict(incident.id(), BROKEN, "-", result.id(), Status.FAIL.label(), actual(result)));
				}
				finish(incident, BROKEN, start, graded, rows, verdicts, timings);
				List<Fix> known = fixes.orElse(List.of());
				for (int i = 0; i < known.size(); i++) {
					Fix fix = known.get(i);
					start = Instant.now();
					boolean tamper = fix.kind() == Fix.Kind.TAMPER;
					graded = grade(session, repository, branches.get(i), tamper, scratch, fix.id());
					cards.add(new Graded(incident.id(), fix.id(), fix.kind(), graded.card()));
					rows = new ArrayList<>();
					for (CriterionResult result : graded.card().criteria()) {
						rows.add(new Verdict(incident.id(), fix.id(), fix.kind().label(), result.id(),
								fix.expect().get(result.id()).label(), actual(result)));
					}
					for (String code : fix.findings()) {
						boolean shown = graded.card().integrity().stream().anyMatch((f) -> f.code().equals(code));
						rows.add(new Verdict(incident.id(), fix.id(), fix.kind().label(), "finding " + code, "shown",
								shown ? "shown" : "missing"));
					}
					finish(incident, fix.id(), start, graded, rows, verdicts, timings);
				}
			}
			if (fixes.isPresent()) {
				for (Criterion criterion : incidentCriteria) {
					boolean tested = fixes.get().stream()
						.anyMatch((fix) -> fix.kind() == Fix.Kind.WRONG && fix.expect().get(criterion.id()) != Status.PASS);
					if (!tested) {
						untested.add(incident.id() + "/" + criterion.id());
						this.out.println("  untested: no known-wrong fix makes " + criterion.id() + " fail");
					}
				}
			}
			this.out.println();
			this.out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			Folders.deleteQuietly(scratch);
		}
	}

	/** A variant's scorecard and the folder holding its files. */
	private record Variant(Scorecard card, Path folder) {
	}

	private Variant grade(GradingSession session, Path repository, String ref, boolean ownTests, Path scratch,
			String variant) throws IOException {
		Path folder = Files.createDirectories(scratch.resolve("cards").resolve(variant));
		Scorecard card = session.grade(Submission.open(repository, ref), folder.resolve(ScorecardFiles.LOG), ownTests);
		ScorecardFiles.write(card, folder);
		return new Variant(card, folder);
	}

	private void finish(Incident incident, String variant, Instant start, Variant graded, List<Verdict> rows,
			List<Verdict> verdicts, List<String> timings) throws IOException {
		for (Verdict row : rows) {
			this.out.printf(Locale.ROOT, "  %-22s %-9s %-24s %-9s %-22s %s%n", row.variant(), row.kind(),
					row.criterion(), row.expected(), row.actual(), row.matches() ? "✓" : "✗");
		}
		String took = ScorecardMarkdown.duration(Duration.between(start, Instant.now()).toSeconds());
		timings.add(incident.id() + "/" + variant + " " + took);
		boolean allMatch = rows.stream().allMatch(Verdict::matches);
		String kept = "";
		if (!allMatch) {
			Path cards = this.keep != null ? this.keep : Files.createTempDirectory("firedrill-prove-kept-");
			Path target = cards.resolve(incident.id()).resolve(variant);
			Files.createDirectories(target.getParent());
			Folders.deleteQuietly(target);
			Files.move(graded.folder(), target);
			kept = ", scorecard and build.log kept in " + target;
		}
		this.out.println("  (" + variant + " took " + took + kept + ")");
		this.out.flush();
		verdicts.addAll(rows);
	}

	private void header() {
		this.out.printf(Locale.ROOT, "  %-22s %-9s %-24s %-9s %-22s %s%n", "variant", "kind", "criterion", "expected",
				"actual", "");
	}

	private static final String NOT_GRADED = " (not graded)";

	/** The verdict as the matrix shows it: a fail that was not graded is not a proven fail. */
	static String actual(CriterionResult result) {
		return result.graded() ? result.status().label() : result.status().label() + NOT_GRADED;
	}

	private static String ownTestsProblem(Scorecard.OwnTests own) {
		if (own.failed() > 0) {
			return "fail (" + own.failed() + " failed)";
		}
		if (!own.missingClasses().isEmpty()) {
			return "fail (" + own.missingClasses().size() + " not run)";
		}
		return "fail";
	}

}
