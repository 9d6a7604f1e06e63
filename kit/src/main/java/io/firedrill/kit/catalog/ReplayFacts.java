package io.firedrill.kit.catalog;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.firedrill.kit.FiredrillException;

/**
 * The story a replay (and a live session) of an incident tells, from the {@code replay:} block of its
 * {@code incident.yaml} over the catalog's {@code incidents/replay.yaml}: when the deploy happened and the window
 * on-call looked at, the customers' traffic, what the database held before (what no API creates), when each job ran
 * and why, and the figures the replay must show.
 *
 * @param deployAt simulated time of the deploy
 * @param minutesBefore simulated minutes on the running release before the deploy
 * @param minutesAfter simulated minutes after the deploy
 * @param traffic the customers
 * @param seeded the rows seeded before the traffic starts
 * @param jobs when the jobs run in a replay, in the order written
 * @param live how a live session starts and runs its jobs
 * @param expect figures a replay must show (empty: nothing checked)
 */
public record ReplayFacts(LocalDateTime deployAt, int minutesBefore, int minutesAfter, Traffic traffic,
		Seeded seeded, List<JobRule> jobs, Live live, List<Expectation> expect) {

	/**
	 * @param seed seed of every random choice of the traffic and the seeded rows
	 * @param checkoutsPerMinute checkout sessions per simulated minute
	 * @param gatewayLatency how long the payment gateway takes per request (the sandbox is told to take as long)
	 * @param shareRoundingUp share of checkouts (0..1) that ask to round the total up to the next dollar, a box of
	 * the checkout page since v2.5.0 (0 when left out: a release before it has no such box)
	 */
	public record Traffic(long seed, int checkoutsPerMinute, Duration gatewayLatency, double shareRoundingUp) {

		public Traffic(long seed, int checkoutsPerMinute, Duration gatewayLatency) {
			this(seed, checkoutsPerMinute, gatewayLatency, 0);
		}

	}

	/**
	 * @param subscriptionsDue subscriptions due for renewal on the day the replay runs
	 * @param decliningCustomers customers whose cards the gateway declines (the morning's declined orders)
	 * @param interruptedCheckouts orders whose checkout was stopped after the gateway approved the charge and the
	 * payment was recorded, before the order was marked paid: still {@code pending} (0 when left out)
	 */
	public record Seeded(int subscriptionsDue, List<Long> decliningCustomers, int interruptedCheckouts) {

		public Seeded {
			decliningCustomers = List.copyOf(decliningCustomers);
		}

	}

	/**
	 * When one job runs: every {@code everyMinutes} on the clock (at the minutes of the day where
	 * {@code minute % everyMinutes == offsetMinutes}), or at the times listed.
	 * @param why the reason, as the incident's story tells it
	 */
	public record JobRule(String job, int everyMinutes, int offsetMinutes, List<LocalDateTime> at, String why) {

		public JobRule {
			at = List.copyOf(at);
		}

		boolean dueEvery(LocalDateTime time) {
			return this.everyMinutes > 0
					&& (time.getHour() * 60 + time.getMinute()) % this.everyMinutes == this.offsetMinutes;
		}

	}

	/**
	 * @param startsMinutesBefore simulated minutes between the session's start and the deploy
	 * @param jobs the jobs' rules in a session that runs until stopped ({@code every} only)
	 */
	public record Live(int startsMinutesBefore, List<JobRule> jobs) {

		public Live {
			jobs = List.copyOf(jobs);
		}

		/** The jobs due at the start of the simulated minute {@code at}, in the order written. */
		public List<String> dueAt(LocalDateTime at) {
			return this.jobs.stream().filter((rule) -> rule.dueEvery(at)).map(JobRule::job).toList();
		}

	}

	/** A job run of the schedule, at a simulated time. */
	public record JobAt(LocalDateTime at, String job) {
	}

	public ReplayFacts {
		jobs = List.copyOf(jobs);
		expect = List.copyOf(expect);
	}

	/** Simulated start of the window. */
	public LocalDateTime start() {
		return this.deployAt.minusMinutes(this.minutesBefore);
	}

	/** Simulated end of the window (exclusive): jobs due from then on run after the traffic. */
	public LocalDateTime end() {
		return this.deployAt.plusMinutes(this.minutesAfter);
	}

	/** The same story watched over another window (the replay's {@code --minutes-before}/{@code --minutes-after}). */
	public ReplayFacts withWindow(int before, int after) {
		return new ReplayFacts(this.deployAt, before, after, this.traffic, this.seeded, this.jobs, this.live,
				this.expect);
	}

	/** The same story with other traffic (the replay's {@code --seed} and friends, for experiments). */
	public ReplayFacts withTraffic(Traffic other) {
		return new ReplayFacts(this.deployAt, this.minutesBefore, this.minutesAfter, other, this.seeded, this.jobs,
				this.live, this.expect);
	}

	/**
	 * Every job run of the replay, in simulated order (jobs due in the same minute in the order written). A rule
	 * {@code every} runs strictly inside the window and never in the deploy's minute (the release is being swapped);
	 * times listed run as written, those before the window's start are left out and those from its end on run after
	 * the traffic.
	 */
	public List<JobAt> schedule() {
		List<JobAt> schedule = new ArrayList<>();
		LocalDateTime start = start();
		LocalDateTime end = end();
		for (JobRule rule : this.jobs) {
			for (LocalDateTime at = start.plusMinutes(1); at.isBefore(end); at = at.plusMinutes(1)) {
				if (!at.equals(this.deployAt) && rule.dueEvery(at)) {
					schedule.add(new JobAt(at, rule.job()));
				}
			}
			for (LocalDateTime at : rule.at()) {
				if (!at.isBefore(start)) {
					schedule.add(new JobAt(at, rule.job()));
				}
			}
		}
		List<JobAt> sorted = new ArrayList<>(schedule);
		sorted.sort(Comparator.comparing(JobAt::at)); // stable: the order written within a minute
		return List.copyOf(sorted);
	}

	/** {@code HH:mm} on the deploy's day, {@code Wed 00:00} on another. */
	public String label(LocalDateTime at) {
		String time = String.format("%02d:%02d", at.getHour(), at.getMinute());
		if (at.toLocalDate().equals(this.deployAt.toLocalDate())) {
			return time;
		}
		return at.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH) + " "
				+ time;
	}

	/**
	 * Reads the {@code replay:} block of one file over that of a default file, as the catalog does.
	 * @param yaml an {@code incident.yaml} (or {@code incidents/replay.yaml})
	 * @param defaults {@code incidents/replay.yaml}, or {@code null}
	 * @param where prefix of every message
	 * @throws FiredrillException (input) when the block is missing or not usable
	 */
	public static ReplayFacts read(byte[] yaml, byte[] defaults, String where) {
		ReplayFile file = Catalog.replayFile(yaml, where);
		if (file == null) {
			throw FiredrillException.input(where + "no replay: block");
		}
		ReplayFile under = (defaults != null) ? Catalog.replayFile(defaults, where) : null;
		return ReplayBlock.check(file.over(under), where + "replay: ");
	}

}
