package io.firedrill.kit.grade;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.Folders;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.catalog.Catalog;
import io.firedrill.kit.catalog.Criteria;
import io.firedrill.kit.catalog.Fix;
import io.firedrill.kit.catalog.Fixes;
import io.firedrill.kit.catalog.Incident;
import io.firedrill.kit.export.CandidateExport;
import io.firedrill.kit.grade.card.Scorecard;
import io.firedrill.kit.grade.card.ScorecardFiles;
import io.firedrill.kit.grade.run.MavenRun;
import io.firedrill.kit.grade.workspace.Submission;
import io.firedrill.kit.history.TagSync;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.transport.TagOpt;

/**
 * The whole loop on the catalog's demo incident (the one marked {@code demo: true}), from a fresh clone of the kit:
 * tags, the candidate's repository as handed out and a second one with the reference fix committed, both graded side
 * by side, and their scorecards.
 *
 * <pre>
 * &lt;out&gt;/candidate-unfixed/   the export of the incident, as a candidate receives it
 * &lt;out&gt;/candidate-fixed/     the same with the reference fix committed on main
 * &lt;out&gt;/scorecards/unfixed/  scorecard.{html,md,json} and build.log
 * &lt;out&gt;/scorecards/fixed/
 * </pre>
 */
public final class Demo {

	private final KitClone kit;

	private final GradingSession.Settings settings;

	private final PrintWriter out;

	public Demo(KitClone kit, GradingSession.Settings settings, PrintWriter out) {
		this.kit = kit;
		this.settings = settings;
		this.out = out;
	}

	/** What the demo wrote: the two scorecards (the fixed one absent when there is no reference fix yet). */
	public record Result(Path unfixedCard, Scorecard unfixed, Path fixedCard, Scorecard fixed) {
	}

	/**
	 * Runs the demo into {@code out} (must not exist or be empty).
	 * @throws FiredrillException environment if the incident has no reference fix (after the unfixed scorecard)
	 */
	public Result run(Path out) {
		ScorecardFiles.checkDestination(out, false);
		Path scratch = null;
		try {
			scratch = Files.createTempDirectory("firedrill-demo-");
			Path fresh = scratch.resolve("firedrill");
			this.out.println("1. fresh clone of " + this.kit.root() + " in " + fresh);
			try (Git git = Git.cloneRepository()
				.setURI(this.kit.root().toUri().toString())
				.setDirectory(fresh.toFile())
				.setCloneAllBranches(true)
				.setTagOption(TagOpt.NO_TAGS) // the tags are made by the kit below, never taken from a clone
				.setNoCheckout(true)
				.call()) {
				git.checkout().setName(this.kit.head().name()).call();
			}
			try (KitClone clone = KitClone.open(fresh)) {
				Catalog catalog = Catalog.read(clone);
				List<TagSync.Outcome> tags = TagSync.sync(clone, catalog, clone.repository(), false);
				this.out.println("2. tags: " + String.join(", ", tags.stream().map(TagSync.Outcome::tag).toList()));
				Incident incident = catalog.demoIncident();
				Criteria criteria = Criteria.read(clone);
				Optional<Fix> reference = Fixes.read(clone, incident, criteria.of(incident))
					.flatMap(Fixes::reference);
				Files.createDirectories(out);
				Path unfixed = out.resolve("candidate-unfixed");
				CandidateExport.export(clone, incident, unfixed, null);
				this.out.println("3. exported " + incident.id() + " to " + unfixed);
				GradingSession.Settings settings = new GradingSession.Settings(MavenRun.locate(fresh),
						this.settings.timeout(), this.settings.keepWorkspace());
				Path unfixedCard = out.resolve("scorecards").resolve("unfixed");
				if (reference.isEmpty()) {
					Scorecard unfixedScore = grade(fresh, incident, criteria, settings, unfixed, unfixedCard);
					this.out.println("4. graded the unfixed candidate: " + total(unfixedScore));
					throw FiredrillException.environment("no reference fix for " + incident.id() + " yet ("
							+ Fixes.path(incident) + "): the unfixed scorecard is in " + unfixedCard);
				}
				Path fixed = out.resolve("candidate-fixed");
				CandidateExport.export(clone, incident, fixed, null);
				FixCommits.commitOnMain(fixed, reference.get(), incident);
				this.out.println("4. exported again to " + fixed + " and committed the reference fix "
						+ reference.get().id());
				this.out.println("5. grading both side by side, a workspace each");
				this.out.flush();
				Path fixedCard = out.resolve("scorecards").resolve("fixed");
				List<Scorecard> cards = bothAtOnce(
						() -> grade(fresh, incident, criteria, settings, unfixed, unfixedCard),
						() -> grade(fresh, incident, criteria, settings, fixed, fixedCard));
				this.out.println("6. graded the unfixed candidate: " + total(cards.get(0)) + "; the fixed one: "
						+ total(cards.get(1)));
				return new Result(unfixedCard, cards.get(0), fixedCard, cards.get(1));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GitAPIException ex) {
			throw FiredrillException.environment("cannot clone " + this.kit.root() + ": " + ex.getMessage());
		}
		finally {
			Folders.deleteQuietly(scratch);
		}
	}

	/**
	 * Grades one candidate in a session of its own, on a clone of the kit opened for it (a clone's reader serves one
	 * thread). Each grading builds every module: the demo's fix may change the root POM (release-2.4.0's does), and
	 * a base shared by two gradings that run side by side would make the second wait for the first's build.
	 */
	private static Scorecard grade(Path kitClone, Incident incident, Criteria criteria, GradingSession.Settings settings,
			Path candidate, Path cardFolder) {
		try (KitClone kit = KitClone.open(kitClone);
				GradingSession session = GradingSession.open(kit, incident, criteria, settings)) {
			return ScorecardFiles.writeStaged(cardFolder, false, (staging) -> {
				Scorecard card = session.grade(Submission.open(candidate, null), staging.resolve(ScorecardFiles.LOG),
						true);
				ScorecardFiles.write(card, staging);
				return card;
			});
		}
	}

	/**
	 * Runs two gradings at once (on two cores, each one's single-threaded stretches leave room for the other) and
	 * returns their results in order; the first failure is thrown once both have ended.
	 */
	static <T> List<T> bothAtOnce(Callable<T> first, Callable<T> second) {
		ExecutorService pool = Executors.newFixedThreadPool(2, (task) -> {
			Thread thread = new Thread(task, "firedrill-demo");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<T> results = new ArrayList<>();
			RuntimeException failure = null;
			for (Future<T> future : pool.invokeAll(List.of(first, second))) { // both have ended
				try {
					results.add(future.get());
				}
				catch (ExecutionException ex) {
					if (failure == null) {
						failure = (ex.getCause() instanceof RuntimeException runtime) ? runtime
								: new IllegalStateException(ex.getCause());
					}
				}
			}
			if (failure != null) {
				throw failure;
			}
			return results;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FiredrillException(ExitCode.INTERNAL, "interrupted while grading the demo's candidates");
		}
		finally {
			pool.shutdownNow();
		}
	}

	static String total(Scorecard card) {
		return card.totalPoints() + " / " + card.maxPoints() + " points";
	}

}
