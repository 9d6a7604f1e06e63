package io.firedrill.kit.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The replay's compressed clock: each simulated minute took about a second of this machine's time. The clock
 * remembers when each simulated minute really ran, so that timestamps in the logs can be shown in simulated time,
 * as on-call would have read them.
 */
final class SimClock {

	/** One simulated minute, starting at {@code sim}, that ran from {@code wallStart} to {@code wallEnd}. */
	record Segment(LocalDateTime sim, Instant wallStart, Instant wallEnd) {
	}

	/** A job run: simulated start and the machine time it started. */
	record Anchor(LocalDateTime sim, Instant wall) {
	}

	private final List<Segment> segments = new ArrayList<>();

	void record(LocalDateTime sim, Instant wallStart, Instant wallEnd) {
		this.segments.add(new Segment(sim, wallStart, wallEnd));
	}

	List<Segment> segments() {
		return List.copyOf(this.segments);
	}

	/**
	 * The simulated time of a machine instant: inside a simulated minute, its share of the minute; before, between
	 * or after the minutes (start, deploy, end), the nearest minute boundary.
	 */
	LocalDateTime toSim(Instant wall) {
		if (this.segments.isEmpty()) {
			return null;
		}
		Segment previous = null;
		for (Segment segment : this.segments) {
			if (wall.isBefore(segment.wallStart())) {
				return segment.sim(); // before the first minute, or in a gap (deploy, warm-up): when the next began
			}
			if (!wall.isAfter(segment.wallEnd())) {
				long span = Math.max(1, Duration.between(segment.wallStart(), segment.wallEnd()).toNanos());
				long into = Duration.between(segment.wallStart(), wall).toNanos();
				return segment.sim().plusNanos((long) ((double) into / span * 60_000_000_000L));
			}
			previous = segment;
		}
		return previous.sim().plusMinutes(1).minusNanos(1_000_000);
	}

	/**
	 * Whether a machine instant fell inside a simulated minute: not before the first, not in a gap between two
	 * (the deploy and the new release's unmeasured warm-up), not after the last.
	 */
	boolean measured(Instant wall) {
		return this.segments.stream()
			.anyMatch((segment) -> !wall.isBefore(segment.wallStart()) && !wall.isAfter(segment.wallEnd()));
	}

	/** The simulated time of an instant during a job run: its simulated start plus the real time since. */
	static LocalDateTime toSim(Anchor anchor, Instant wall) {
		Duration since = Duration.between(anchor.wall(), wall);
		return anchor.sim().plus(since.isNegative() ? Duration.ZERO : since);
	}

}
