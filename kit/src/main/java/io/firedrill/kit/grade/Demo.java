package io.firedrill.kit.grade;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
 * The whole loop on the catalog's demo incident (the one marked {@code demo: true}), from a fresh clone of the kit: tags, the candidate's repository, its
 * scorecard as handed out, then the same with the reference fix committed, and their scorecard.
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
				try (GradingSession session = GradingSession.open(clone, incident, criteria, settings)) {
					// two submissions of one tag: the modules the fix leaves alone are built once
					session.shareBase(new SharedBase.Slot());
					Path unfixedCard = out.resolve("scorecards").resolve("unfixed");
					Scorecard unfixedScore = grade(session, unfixed, unfixedCard);
					this.out.println("4. graded the unfixed candidate: " + total(unfixedScore));
					if (reference.isEmpty()) {
						throw FiredrillException.environment("no reference fix for " + incident.id() + " yet ("
								+ Fixes.path(incident) + "): the unfixed scorecard is in " + unfixedCard);
					}
					Path fixed = out.resolve("candidate-fixed");
					CandidateExport.export(clone, incident, fixed, null);
					FixCommits.commitOnMain(fixed, reference.get(), incident);
					this.out.println("5. exported again to " + fixed + " and committed the reference fix "
							+ reference.get().id());
					Path fixedCard = out.resolve("scorecards").resolve("fixed");
					Scorecard fixedScore = grade(session, fixed, fixedCard);
					this.out.println("6. graded the fixed candidate: " + total(fixedScore));
					return new Result(unfixedCard, unfixedScore, fixedCard, fixedScore);
				}
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

	private static Scorecard grade(GradingSession session, Path candidate, Path cardFolder) {
		return ScorecardFiles.writeStaged(cardFolder, false, (staging) -> {
			Scorecard card = session.grade(Submission.open(candidate, null), staging.resolve(ScorecardFiles.LOG), true);
			ScorecardFiles.write(card, staging);
			return card;
		});
	}

	static String total(Scorecard card) {
		return card.totalPoints() + " / " + card.maxPoints() + " points";
	}

}
