package io.firedrill.kit.catalog;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.firedrill.kit.FiredrillException;

/**
 * A {@code replay:} block, merged over the defaults ({@link ReplayFile#over}), checked into {@link ReplayFacts}:
 * every field there and in range, each job rule and expectation in one of its forms. The first problem is refused in
 * one line that names where it is ({@code incident release-2.4.0: replay: jobs: order-retry-job: missing why}).
 */
final class ReplayBlock {

	/**
	 * What a job's name looks like: a module's folder. Which jobs a release has is found in its code when it is
	 * built (the replay refuses a story that schedules a job the release lacks); the catalog does not list them.
	 */
	static final Pattern JOB_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private ReplayBlock() {
	}

	/**
	 * Checks a merged block.
	 * @param where prefix of every message ({@code incident release-2.4.0: replay: })
	 * @throws FiredrillException (input) naming the first problem
	 */
	static ReplayFacts check(ReplayFile file, String where) {
		LocalDateTime deployAt = dateTime(required(file.deploy(), "deploy", where), null, where + "deploy: ");
		int before = positive(file.minutesBefore(), "minutesBefore", where);
		int after = positive(file.minutesAfter(), "minutesAfter", where);
		ReplayFile.Traffic traffic = required(file.traffic(), "traffic", where);
		ReplayFacts.Traffic checkedTraffic = new ReplayFacts.Traffic(required(traffic.seed(), "traffic.seed", where),
				positive(traffic.checkoutsPerMinute(), "traffic.checkoutsPerMinute", where),
				Duration.ofMillis(notNegative(traffic.gatewayLatencyMs(), "traffic.gatewayLatencyMs", where)),
				share(traffic.shareRoundingUp(), "traffic.shareRoundingUp", where));
		ReplayFile.Seeded seeded = required(file.seeded(), "seeded", where);
		List<Long> declining = (seeded.decliningCustomers() != null) ? seeded.decliningCustomers() : List.of();
		if (declining.stream().anyMatch((id) -> id == null || id <= 0)) {
			throw FiredrillException.input(where + "seeded.decliningCustomers must be positive customer ids");
		}
		ReplayFacts.Seeded checkedSeeded = new ReplayFacts.Seeded(
				notNegative(seeded.subscriptionsDue(), "seeded.subscriptionsDue", where),
				declining, (seeded.interruptedCheckouts() != null)
						? notNegative(seeded.interruptedCheckouts(), "seeded.interruptedCheckouts", where) : 0);
		List<ReplayFacts.JobRule> jobs = new ArrayList<>();
		for (ReplayFile.Job job : required(file.jobs(), "jobs", where)) {
			jobs.add(rule(job, deployAt.toLocalDate(), true, where + "jobs: "));
		}
		ReplayFile.Live live = required(file.live(), "live", where);
		List<ReplayFacts.JobRule> liveJobs = new ArrayList<>();
		for (ReplayFile.Job job : required(live.jobs(), "live.jobs", where)) {
			liveJobs.add(rule(job, deployAt.toLocalDate(), false, where + "live.jobs: "));
		}
		ReplayFacts.Live checkedLive = new ReplayFacts.Live(
				notNegative(live.startsMinutesBefore(), "live.startsMinutesBefore", where),
				liveJobs);
		List<Expectation> expect = new ArrayList<>();
		int index = 0;
		for (ReplayFile.Expect entry : (file.expect() != null) ? file.expect() : List.<ReplayFile.Expect>of()) {
			index++;
			expect.add(expectation(entry, where + "expect #" + index + ": "));
		}
		return new ReplayFacts(deployAt, before, after, checkedTraffic, checkedSeeded, jobs, checkedLive, expect);
	}

	private static ReplayFacts.JobRule rule(ReplayFile.Job job, LocalDate day, boolean atAllowed, String where) {
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
		return new ReplayFacts.JobRule(name, everyMinutes, offset, times, job.why().strip());
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
			if (entry.ratio() != null && (entry.ratio().size() != 2 || entry.ratio().stream().anyMatch(ReplayBlock::badPath))) {
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
