package io.firedrill.kit.catalog;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

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
	 * What a job's name looks like: a module's folder. Which jobs a release has is found in its code when it is
	 * built (the replay refuses a story that schedules a job the release lacks); the catalog does not list them.
	 */
	static final Pattern JOB_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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
		return of(file.over(under), where + "replay: ");
	}

	/**
	 * Checks a merged block.
	 * @param where prefix of every message ({@code incident release-2.4.0: replay: })
	 * @throws FiredrillException (input) naming the first problem
	 */
	static ReplayFacts of(ReplayFile file, String where) {
		LocalDateTime deployAt = dateTime(required(file.deploy(), "deploy", where), null, where + "deploy: ");
		int before = positive(file.minutesBefore(), "minutesBefore", where);
		int after = positive(file.minutesAfter(), "minutesAfter", where);
		ReplayFile.Traffic traffic = required(file.traffic(), "traffic", where);
		Traffic checkedTraffic = new Traffic(required(traffic.seed(), "traffic.seed", where),
				positive(traffic.checkoutsPerMinute(), "traffic.checkoutsPerMinute", where),
				Duration.ofMillis(notNegative(traffic.gatewayLatencyMs(), "traffic.gatewayLatencyMs", where)),
				share(traffic.shareRoundingUp(), "traffic.shareRoundingUp", where));
		ReplayFile.Seeded seeded = required(file.seeded(), "seeded", where);
		List<Long> declining = (seeded.decliningCustomers() != null) ? seeded.decliningCustomers() : List.of();
		if (declining.stream().anyMatch((id) -> id == null || id <= 0)) {
			throw FiredrillException.input(where + "seeded.decliningCustomers must be positive customer ids");
		}
		Seeded checkedSeeded = new Seeded(notNegative(seeded.subscriptionsDue(), "seeded.subscriptionsDue", where),
				declining, (seeded.interruptedCheckouts() != null)
						? notNegative(seeded.interruptedCheckouts(), "seeded.interruptedCheckouts", where) : 0);
		List<JobRule> jobs = new ArrayList<>();
		for (ReplayFile.Job job : required(file.jobs(), "jobs", where)) {
			jobs.add(rule(job, deployAt.toLocalDate(), true, where + "jobs: "));
		}
		ReplayFile.Live live = required(file.live(), "live", where);
		List<JobRule> liveJobs = new ArrayList<>();
		for (ReplayFile.Job job : required(live.jobs(), "live.jobs", where)) {
			liveJobs.add(rule(job, deployAt.toLocalDate(), false, where + "live.jobs: "));
		}
		Live checkedLive = new Live(notNegative(live.startsMinutesBefore(), "live.startsMinutesBefore", where),
				liveJobs);
		List<Expectation> expect = new ArrayList<>();
		int index = 0;
		for (ReplayFile.Expect entry : (file.expect() != null) ? file.expect() : List.<ReplayFile.Expect>of()) {
			index++;
			expect.add(expectation(entry, where + "expect #" + index + ": "));
		}
		return new ReplayFacts(deployAt, before, after, checkedTraffic, checkedSeeded, jobs, checkedLive, expect);
	}

	private static JobRule rule(ReplayFile.Job job, LocalDate day, boolean atAllowed, String where) {
		if (job == null || job.job() == null || !JOB_NAME.matcher(job.job().strip()).matches()) {
			throw FiredrillException.input(where + "every entry needs job: the folder of a job's module (order-retry-job)");
		}
		String name = job.job().strip();
		String at = where + name + ": ";
		if (job.why() == null || job.why().isBlank()) {
			throw FiredrillException.input(at + "missing why (the reason the job runs then, as the story tells it)");
		}
		boolean every = job.everyMinutes() != null;
		boolean listed = job.at() != null && !job.at().isEmpty();
		if (every == listed || listed && !atAllowed) {
			throw FiredrillException.input(at + (atAllowed ? "give either everyMinutes or at" : "give everyMinutes"));
		}
		int everyMinutes = every ? job.everyMinutes() : 0;
		int offset = (job.offsetMinutes() != null) ? job.offsetMinutes() : 0;
		if (every && (everyMinutes < 1 || offset < 0 || offset >= everyMinutes)) {
			throw FiredrillException.input(at + "everyMinutes must be positive and offsetMinutes within 0..everyMinutes-1");
		}
		List<LocalDateTime> times = new ArrayList<>();
		if (listed) {
			for (String time : job.at()) {
				times.add(dateTime(time, day, at + "at: "));
			}
		}
		return new JobRule(name, everyMinutes, offset, times, job.why().strip());
	}

	private static Expectation expectation(ReplayFile.Expect entry, String where) {
		if (entry == null || entry.says() == null || entry.says().isBlank()) {
			throw FiredrillException.input(where + "missing says (the line the check prints)");
		}
		String says = entry.says().strip();
		String at = where.substring(0, where.length() - 2) + " (" + says + "): ";
		int forms = (entry.figure() != null ? 1 : 0) + (entry.ratio() != null ? 1 : 0)
				+ (entry.logContains() != null ? 1 : 0) + (entry.jobsFailing() != null ? 1 : 0);
		if (forms != 1) {
			throw FiredrillException.input(at + "give exactly one of figure, ratio, logContains, jobsFailing");
		}
		boolean checked = !Boolean.FALSE.equals(entry.checked());
		boolean bounded = entry.atLeast() != null || entry.atMost() != null;
		if (entry.figure() != null || entry.ratio() != null) {
			if (entry.ratio() != null && (entry.ratio().size() != 2 || entry.ratio().stream().anyMatch(ReplayFacts::badPath))) {
				throw FiredrillException.input(at + "ratio needs two figure paths [numerator, denominator]");
			}
			if (entry.figure() != null && badPath(entry.figure())) {
				throw FiredrillException.input(at + "figure '" + entry.figure() + "' is not a dotted path");
			}
			if (checked != bounded) {
				throw FiredrillException.input(at + (checked ? "needs atLeast or atMost (or checked: false)"
						: "checked: false takes no bounds"));
			}
			if (entry.atLeast() != null && entry.atMost() != null && entry.atLeast() > entry.atMost()) {
				throw FiredrillException.input(at + "atLeast is above atMost");
			}
			return new Expectation(says, (entry.figure() != null) ? Expectation.Form.FIGURE : Expectation.Form.RATIO,
					entry.figure(), entry.ratio(), entry.atLeast(), entry.atMost(), null, null, checked);
		}
		if (bounded || entry.checked() != null) {
			throw FiredrillException.input(at + "atLeast, atMost and checked go with figure or ratio only");
		}
		if (entry.logContains() != null) {
			if (entry.logContains().isEmpty()) {
				throw FiredrillException.input(at + "logContains is empty");
			}
			return new Expectation(says, Expectation.Form.LOG_CONTAINS, null, null, null, null, entry.logContains(),
					null, true);
		}
		ReplayFile.JobsFailing failing = entry.jobsFailing();
		if (!"before".equals(failing.release()) && !"after".equals(failing.release())) {
			throw FiredrillException.input(at + "jobsFailing.release must be before or after");
		}
		if (failing.exactly() == null
				|| failing.exactly().stream().anyMatch((job) -> job == null || !JOB_NAME.matcher(job).matches())) {
			throw FiredrillException.input(at + "jobsFailing.exactly must list jobs by their module's folder");
		}
		return new Expectation(says, Expectation.Form.JOBS_FAILING, null, null, null, null, null,
				new Expectation.JobsFailing(failing.release(), failing.exactly(), failing.diedOf()), true);
	}

	private static boolean badPath(String path) {
		return path == null || !path.matches("[A-Za-z0-9_]+(\\[[^\\]]+\\])?(\\.[A-Za-z0-9_]+(\\[[^\\]]+\\])?)*");
	}

	private static LocalDateTime dateTime(String text, LocalDate day, String where) {
		String trimmed = text.strip();
		try {
			if (day != null && trimmed.matches("\\d{1,2}:\\d{2}")) {
				return LocalDateTime.of(day, LocalTime.parse(trimmed.length() == 4 ? "0" + trimmed : trimmed));
			}
			return LocalDateTime.parse(trimmed.replace('T', ' '), DATE_TIME);
		}
		catch (DateTimeParseException ex) {
			throw FiredrillException.input(where + "'" + text + "' is not " + (day != null ? "HH:mm or " : "")
					+ "yyyy-MM-dd HH:mm");
		}
	}

	private static <T> T required(T value, String field, String where) {
		if (value == null) {
			throw FiredrillException.input(where + "missing " + field);
		}
		return value;
	}

	private static int positive(Integer value, String field, String where) {
		if (required(value, field, where) < 1) {
			throw FiredrillException.input(where + field + " must be positive");
		}
		return value;
	}

	private static int notNegative(Integer value, String field, String where) {
		if (required(value, field, where) < 0) {
			throw FiredrillException.input(where + field + " must not be negative");
		}
		return value;
	}

	/** A share from 0 to 1; 0 when left out. */
	private static double share(Double value, String field, String where) {
		if (value == null) {
			return 0;
		}
		if (!(value >= 0 && value <= 1)) {
			throw FiredrillException.input(where + field + " must be a share from 0 to 1 (was " + value + ")");
		}
		return value;
	}

}
