package io.firedrill.kit.live;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * When the jobs fire in live mode, on the simulated clock: the retry job every 5 minutes and the refund processor
 * every 10 as in the replay, and the renewal job once an hour (the replay runs it once, at midnight; a live session
 * rarely reaches midnight, and the interviewer should see it run). No two are due in the same minute: on two cores
 * a job's JVM takes longer to start than a few simulated minutes, and the session runs one job at a time.
 */
public final class LiveSchedule {

	public static final String RETRY = "order-retry-job";

	public static final String REFUNDS = "refund-processor";

	public static final String RENEWALS = "subscription-renewal-job";

	private LiveSchedule() {
	}

	/** The jobs due at the start of the simulated minute {@code at}, in start order. */
	public static List<String> dueAt(LocalDateTime at) {
		List<String> jobs = new ArrayList<>();
		int minute = at.getMinute();
		if (minute % 5 == 0) {
			jobs.add(RETRY);
		}
		if (minute % 10 == 7) {
			jobs.add(REFUNDS);
		}
		if (minute == 33) {
			jobs.add(RENEWALS);
		}
		return jobs;
	}

}
