package io.firedrill.kit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class HistogramTests {

	/** 10 observations ≤ 10 ms, 80 more ≤ 20 ms, 10 more ≤ 40 ms. */
	static Histogram hundred() {
		return Histogram.of(Map.of(0.010, 10L, 0.020, 90L, 0.040, 100L, Double.POSITIVE_INFINITY, 100L));
	}

	@Test
	void quantilesInterpolateInsideTheBucketLikeHistogramQuantile() {
		Histogram histogram = hundred();

		assertThat(histogram.count()).isEqualTo(100);
		// rank 50 is the 40th of 80 observations in (10 ms, 20 ms]
		assertThat(histogram.quantile(0.5)).isCloseTo(0.015, within(1e-9));
		// rank 99 is the 9th of 10 in (20 ms, 40 ms]
		assertThat(histogram.quantile(0.99)).isCloseTo(0.038, within(1e-9));
		// rank 5 in the first bucket, which starts at 0
		assertThat(histogram.quantile(0.05)).isCloseTo(0.005, within(1e-9));
	}

	@Test
	void aRankInTheInfBucketGivesTheLargestFiniteBound() {
		Histogram histogram = Histogram.of(Map.of(0.1, 50L, Double.POSITIVE_INFINITY, 100L));

		assertThat(histogram.quantile(0.99)).isEqualTo(0.1);
	}

	@Test
	void anEmptyHistogramHasNoQuantile() {
		assertThat(Histogram.EMPTY.quantile(0.99)).isNaN();
		assertThat(Histogram.of(Map.of(0.1, 0L)).quantile(0.5)).isNaN();
	}

	@Test
	void theDifferenceOfTwoScrapesIsWhatWasObservedInBetween() {
		Histogram earlier = Histogram.of(Map.of(0.010, 10L, 0.020, 15L, Double.POSITIVE_INFINITY, 15L));
		Histogram later = Histogram.of(Map.of(0.010, 12L, 0.020, 40L, Double.POSITIVE_INFINITY, 41L));

		Histogram window = later.minus(earlier);

		assertThat(window.count()).isEqualTo(26);
		assertThat(window.countAtOrBelow(0.010)).isEqualTo(2);
		assertThat(window.countAtOrBelow(0.020)).isEqualTo(25);
	}

	@Test
	void aCounterResetTakesTheLaterScrapeWhole() {
		Histogram beforeRestart = Histogram.of(Map.of(0.010, 500L, Double.POSITIVE_INFINITY, 600L));
		Histogram afterRestart = Histogram.of(Map.of(0.010, 5L, Double.POSITIVE_INFINITY, 7L));

		assertThat(afterRestart.minus(beforeRestart).count()).isEqualTo(7);
	}

	@Test
	void sumsAddBucketsEvenWithDifferentBounds() {
		Histogram a = Histogram.of(Map.of(0.010, 1L, Double.POSITIVE_INFINITY, 2L));
		Histogram b = Histogram.of(Map.of(0.005, 3L, 0.010, 3L, Double.POSITIVE_INFINITY, 4L));

		Histogram sum = a.plus(b);

		assertThat(sum.count()).isEqualTo(6);
		assertThat(sum.countAtOrBelow(0.005)).isEqualTo(3);
		assertThat(sum.countAtOrBelow(0.010)).isEqualTo(4);
		assertThat(Histogram.EMPTY.plus(a).count()).isEqualTo(2);
	}

	@Test
	void nonCumulativeBucketsAreRejected() {
		Map<Double, Long> buckets = new TreeMap<>(Map.of(0.010, 5L, 0.020, 3L));
		assertThatIllegalArgumentException().isThrownBy(() -> Histogram.of(buckets)).withMessageContaining("fewer");
	}

	@Test
	void theP99OfAMixIsPulledByItsSlowShare() {
		// 98 fast requests (≤ 2 ms) and 2 slow ones (≤ 50 ms): the p99 lands among the slow ones
		Histogram mix = Histogram.of(Map.of(0.002, 98L, 0.050, 100L, Double.POSITIVE_INFINITY, 100L));

		assertThat(mix.quantile(0.5)).isLessThan(0.002);
		assertThat(mix.quantile(0.99)).isGreaterThan(0.02);
	}

}
