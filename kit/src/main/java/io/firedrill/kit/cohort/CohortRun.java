package io.firedrill.kit.cohort;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.firedrill.kit.ExitCode;
import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.Folders;
import io.firedrill.kit.KitClone;
import io.firedrill.kit.TerminalText;
import io.firedrill.kit.catalog.Incident;
import io.firedrill.kit.catalog.Criteria;
import io.firedrill.kit.grade.GradingSession;
import io.firedrill.kit.grade.KitVersion;
import io.firedrill.kit.grade.SharedBase;
import io.firedrill.kit.grade.card.Scorecard;
import io.firedrill.kit.grade.card.ScorecardFiles;
import io.firedrill.kit.grade.workspace.Submission;
import io.firedrill.kit.results.ResultFiles;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grades a roster's submissions of one incident, each exactly as {@code firedrill grade} does, {@code jobs} at a
 * time. Each worker thread has its own kit clone (a JGit reader is not to be shared between threads) and its own
 * {@link GradingSession}, reused for its next submissions as {@code prove} reuses one; a session that failed is
 * replaced. A submission that cannot be read, fails to grade or hangs never stops the others: its folder gets a
 * {@value ErrorCard#FILE} with the reason (a time-out is no error: it is graded, as {@code grade} does).
 * <p>
 * A candidate whose folder holds a {@code scorecard.json} of the same incident, commit, kit version and kit commit is
 * skipped, unless regrading.
 */
public final class CohortRun {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * How to run.
	 * @param out the cohort's folder: a folder per candidate
	 * @param jobs how many submissions are graded at a time
	 * @param regrade grade every selected candidate again, even one already graded by this kit
	 * @param chunk the roster rows this run takes
	 * @param grading how each submission is graded (its timeout bounds each submission)
	 */
	public record Settings(Path out, int jobs, boolean regrade, Chunk chunk, GradingSession.Settings grading) {
	}

	/** What happened to the selected rows. */
	public record Outcome(int selected, int graded, int skipped, int errors) {
	}

	private final Path kitRoot;

	private final String kitCommit;

	private final Incident incident;

	private final Criteria criteria;

	private final Settings settings;

	private final PrintWriter out;

	/** The incident's built shop base, shared by the workers' sessions: one of them builds it, all reuse it. */
	private final SharedBase.Slot base = new SharedBase.Slot();

	private final AtomicInteger done = new AtomicInteger();

	private final AtomicInteger running = new AtomicInteger();

	private final AtomicInteger graded = new AtomicInteger();

	private final AtomicInteger skipped = new AtomicInteger();

	private final AtomicInteger errors = new AtomicInteger();

	private Queue<Roster.Entry> waiting;

	private int total;

	private int width;

	public CohortRun(KitClone kit, Incident incident, Criteria criteria, Settings settings, PrintWriter out) {
		this.kitRoot = kit.root();
		this.kitCommit = kit.head().abbreviate(10).name();
		this.incident = incident;
		this.criteria = criteria;
		this.settings = settings;
		this.out = out;
	}

	/** Grades the chunk's rows of the roster; returns once every one is graded, skipped or an error. */
	public Outcome run(Roster roster) {
		List<Roster.Entry> selected = roster.chunk(this.settings.chunk());
		this.waiting = new ConcurrentLinkedQueue<>(selected);
		this.total = selected.size();
		this.width = selected.stream().mapToInt((entry) -> entry.candidate().length()).max().orElse(0);
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < Math.min(this.settings.jobs(), Math.max(1, selected.size())); i++) {
			Thread worker = new Thread(() -> new Worker(roster.file()).work(), "firedrill-cohort-" + i);
			workers.add(worker);
			worker.start();
		}
		for (Thread worker : workers) {
			try {
				worker.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new FiredrillException(ExitCode.INTERNAL, "interrupted while grading the cohort");
			}
		}
		return new Outcome(this.total, this.graded.get(), this.skipped.get(), this.errors.get());
	}

	/** One thread's loop: the next waiting row until none is left, with a session of its own. */
	private final class Worker {

		private final Path roster;

		private KitClone kit;

		private GradingSession session;

		private Worker(Path roster) {
			this.roster = roster;
		}

		void work() {
			Path scratch = null;
			try {
				scratch = Files.createTempDirectory("firedrill-cohort-");
				Roster.Entry entry;
				while ((entry = CohortRun.this.waiting.poll()) != null) {
					CohortRun.this.running.incrementAndGet();
					submission(entry, scratch);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			finally {
				closeSession();
				Folders.deleteQuietly(scratch);
			}
		}

		private void submission(Roster.Entry entry, Path scratch) {
			Path folder = CohortRun.this.settings.out().resolve(entry.candidate());
			String commit = null;
			Path clone = null;
			Instant start = Instant.now();
			try {
				Path source;
				if (Sources.isUrl(entry.repository())) {
					clone = Sources.clone(entry.repository(), scratch);
					source = clone;
				}
				else {
					source = Sources.local(this.roster, entry.repository());
				}
				Submission submission = Submission.open(source, entry.ref());
				commit = submission.commit().name();
				if (!CohortRun.this.settings.regrade() && alreadyGraded(folder, CohortRun.this.incident.id(), commit,
						KitVersion.version(), CohortRun.this.kitCommit)) {
					CohortRun.this.skipped.incrementAndGet();
					finished(entry, "skipped: " + submission.commit().abbreviate(10).name()
							+ " already graded by this kit (--regrade grades it again)");
					return;
				}
				event(entry, "grading " + submission.commit().abbreviate(10).name());
				Scorecard card = grade(submission, folder);
				CohortRun.this.graded.incrementAndGet();
				finished(entry, String.format(Locale.ROOT, "%2d/%d  %-7s  %d s%s", card.totalPoints(),
						card.maxPoints(), verdict(card), Duration.between(start, Instant.now()).toSeconds(),
						card.durations().timedOut() ? "  timed out" : ""));
			}
			catch (RuntimeException ex) {
				if (!(ex instanceof FiredrillException failure) || failure.exitCode() != ExitCode.INPUT) {
					// the workspace may be left half way: the next submission gets a fresh session
					closeSession();
				}
				String reason = oneLine(ex);
				CohortRun.this.errors.incrementAndGet();
				String recorded = recordError(folder, entry, commit, reason);
				finished(entry, "error  " + reason + recorded);
			}
			finally {
				Folders.deleteQuietly(clone);
			}
		}

		private Scorecard grade(Submission submission, Path folder) {
			if (this.session == null) {
				this.kit = KitClone.open(CohortRun.this.kitRoot);
				if (!this.kit.head().abbreviate(10).name().equals(CohortRun.this.kitCommit)) {
					throw FiredrillException.environment("the firedrill clone's HEAD moved to "
							+ this.kit.head().abbreviate(10).name() + " while the cohort was graded at "
							+ CohortRun.this.kitCommit);
				}
				this.session = GradingSession.open(this.kit, CohortRun.this.incident, CohortRun.this.criteria,
						CohortRun.this.settings.grading());
				this.session.shareBase(CohortRun.this.base);
			}
			return ScorecardFiles.writeStaged(folder, true, (staging) -> {
				Scorecard card = this.session.grade(submission, staging.resolve(ScorecardFiles.LOG), true);
				ScorecardFiles.write(card, staging);
				ResultFiles.write(card, staging);
				return card;
			});
		}

		private void closeSession() {
			if (this.session != null) {
				this.session.close();
				this.session = null;
			}
			if (this.kit != null) {
				this.kit.close();
				this.kit = null;
			}
		}

	}

	/** Writes the candidate's error file, staged then published; says why when even that is not possible. */
	private String recordError(Path folder, Roster.Entry entry, String commit, String reason) {
		try {
			ScorecardFiles.writeStaged(folder, true, (staging) -> {
				ErrorCard.write(staging, this.incident.id(), entry.candidate(), commit, KitVersion.version(),
						this.kitCommit, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), reason);
				return staging;
			});
			return "";
		}
		catch (RuntimeException ex) {
			return " (not recorded in its folder: " + oneLine(ex) + ")";
		}
	}

	/**
	 * Whether {@code folder} holds a scorecard of this incident and commit from this kit (version and commit).
	 */
	static boolean alreadyGraded(Path folder, String incident, String commit, String kitVersion, String kitCommit) {
		Path json = folder.resolve(ScorecardFiles.JSON);
		if (!Files.isRegularFile(json, LinkOption.NOFOLLOW_LINKS)) {
			return false;
		}
		try {
			JsonNode card = JSON.readTree(json.toFile());
			return incident.equals(card.path("incident").path("id").asString())
					&& commit.equals(card.path("candidate").path("commit").asString())
					&& kitVersion.equals(card.path("kitVersion").asString())
					&& kitCommit.equals(card.path("kitCommit").asString());
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	/** {@code pass} (every point), {@code fail} (none), else {@code partial}. */
	static String verdict(Scorecard card) {
		return (card.totalPoints() == card.maxPoints()) ? "pass" : (card.totalPoints() == 0) ? "fail" : "partial";
	}

	/** The row's last line: it no longer counts as running. */
	private void finished(Roster.Entry entry, String what) {
		this.running.decrementAndGet();
		this.done.incrementAndGet();
		event(entry, what);
	}

	/** One progress line, printed whole and flushed: workers print concurrently. */
	private void event(Roster.Entry entry, String what) {
		int digits = Integer.toString(this.total).length();
		String line = String.format(Locale.ROOT, "[%" + digits + "d/%d] %-" + this.width + "s  %s   (%d running, %d waiting)",
				this.done.get(), this.total, entry.candidate(), what, this.running.get(), this.waiting.size());
		synchronized (this.out) {
			this.out.println(TerminalText.safe(line));
			this.out.flush();
		}
	}

	private static String oneLine(Throwable ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		String line = message.strip().replaceAll("\\s*\\R\\s*", " ");
		return (ex instanceof FiredrillException) ? line : "unexpected " + ex.getClass().getSimpleName() + ": " + line;
	}

}
