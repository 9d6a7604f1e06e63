package io.firedrill.kit.replay;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cumulative histogram as Prometheus exposes it ({@code _bucket{le="..."}} counts), with the arithmetic
 * on-call does on it: the difference between two scrapes, the sum of several series, and quantiles estimated
 * the way {@code histogram_quantile} does (linear interpolation inside the bucket that holds the rank).
 * <p>
 * Bucket bounds are in the unit of the metric (seconds for {@code http_server_requests_seconds}).
 */
public final class Histogram {

	/** No observation. */
	public static final Histogram EMPTY = new Histogram(new double[0], new long[0]);

	/** Upper bounds, ascending; the last one is {@code +Inf} unless the histogram is empty. */
	private final double[] bounds;

	/** Observations at or below each bound. */
	private final long[] cumulative;

	private Histogram(double[] bounds, long[] cumulative) {
		this.bounds = bounds;
		this.cumulative = cumulative;
	}

	/**
	 * A histogram from its buckets.
	 * @param buckets upper bound to cumulative count; a {@code +Inf} bucket is added with the largest count if
	 * missing
	 * @throws IllegalArgumentException if the counts are not cumulative
	 */
	public static Histogram of(Map<Double, Long> buckets) {
		TreeMap<Double, Long> sorted = new TreeMap<>(buckets);
		if (sorted.isEmpty()) {
			return EMPTY;
		}
		if (!sorted.lastKey().isInfinite()) {
			sorted.put(Double.POSITIVE_INFINITY, sorted.lastEntry().getValue());
		}
		double[] bounds = new double[sorted.size()];
		long[] cumulative = new long[sorted.size()];
		int i = 0;
		long previous = 0;
		for (Map.Entry<Double, Long> bucket : sorted.entrySet()) {
			if (bucket.getValue() < previous) {
				throw new IllegalArgumentException("bucket le=" + bucket.getKey() + " has " + bucket.getValue()
						+ " observations, fewer than the bucket below it (" + previous + ")");
			}
			bounds[i] = bucket.getKey();
			cumulative[i] = bucket.getValue();
			previous = bucket.getValue();
			i++;
		}
		return new Histogram(bounds, cumulative);
	}

	/** Total number of observations. */
	public long count() {
		return (this.cumulative.length == 0) ? 0 : this.cumulative[this.cumulative.length - 1];
	}

	public boolean isEmpty() {
		return count() == 0;
	}

	/** Observations at or below {@code bound}: exact on a bucket bound, the bucket below otherwise. */
	public long countAtOrBelow(double bound) {
		long count = 0;
		for (int i = 0; i < this.bounds.length && this.bounds[i] <= bound; i++) {
			count = this.cumulative[i];
		}
		return count;
	}

	/**
	 * What was observed between an earlier scrape and this one. A series that restarted in between (a count
	 * went down: the process was restarted) is taken whole, as Prometheus' {@code increase()} does.
	 */
	public Histogram minus(Histogram earlier) {
		if (earlier.isEmpty()) {
			return this;
		}
		if (earlier.count() > count()) {
			return this;
		}
		double[] union = unionBounds(this, earlier);
		long[] difference = new long[union.length];
		for (int i = 0; i < union.length; i++) {
			long now = countAtOrBelow(union[i]);
			long before = earlier.countAtOrBelow(union[i]);
			if (now < before) {
				return this; // reset
			}
			difference[i] = now - before;
		}
		return normalized(union, difference);
	}

	/** Both histograms' observations together. */
	public Histogram plus(Histogram other) {
		if (other.isEmpty()) {
			return this;
		}
		if (isEmpty()) {
			return other;
		}
		double[] union = unionBounds(this, other);
		long[] sum = new long[union.length];
		for (int i = 0; i < union.length; i++) {
			sum[i] = countAtOrBelow(union[i]) + other.countAtOrBelow(union[i]);
		}
		return normalized(union, sum);
	}

	/**
	 * Estimates the {@code q} quantile like {@code histogram_quantile}: the rank {@code q * count} falls in one
	 * bucket, and the value is interpolated linearly between that bucket's lower and upper bound (the lowest
	 * bucket starts at 0). A rank in the {@code +Inf} bucket gives the largest finite bound.
	 * @return the estimate, or {@code NaN} when there is no observation
	 */
	public double quantile(double q) {
		if (q < 0 || q > 1) {
			throw new IllegalArgumentException("quantile must be within 0..1, was " + q);
		}
		long count = count();
		if (count == 0) {
			return Double.NaN;
		}
		double rank = q * count;
		for (int i = 0; i < this.bounds.length; i++) {
			if (this.cumulative[i] >= rank && this.cumulative[i] > 0) {
				if (Double.isInfinite(this.bounds[i])) {
					return (i > 0) ? this.bounds[i - 1] : Double.NaN;
				}
				double lower = (i > 0) ? this.bounds[i - 1] : 0;
				long below = (i > 0) ? this.cumulative[i - 1] : 0;
				long inBucket = this.cumulative[i] - below;
				if (inBucket == 0) {
					return this.bounds[i];
				}
				return lower + (this.bounds[i] - lower) * ((rank - below) / inBucket);
			}
		}
		return this.bounds[this.bounds.length - 1];
	}

	/** Upper bounds, ascending. */
	public double[] bounds() {
		return this.bounds.clone();
	}

	/** Cumulative counts, one per bound. */
	public long[] cumulativeCounts() {
		return this.cumulative.clone();
	}

	private static double[] unionBounds(Histogram a, Histogram b) {
		return java.util.stream.DoubleStream.concat(Arrays.stream(a.bounds), Arrays.stream(b.bounds))
			.distinct()
			.sorted()
			.toArray();
	}

	private static Histogram normalized(double[] bounds, long[] cumulative) {
		return new Histogram(bounds, cumulative);
	}

	@Override
	public String toString() {
		return "Histogram[count=" + count() + ", p50=" + quantile(0.5) + ", p99=" + quantile(0.99) + "]";
	}

}
