package io.firedrill.kit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChartsTests {

	@Test
	void axesEndOnARoundValueWithRoundTicks() {
		assertThat(Charts.niceTop(0.216)).isCloseTo(0.25, within(1e-9));
		assertThat(Charts.tickStep(0.25)).isCloseTo(0.05, within(1e-9));
		assertThat(Charts.niceTop(0.022)).isCloseTo(0.025, within(1e-9));
		assertThat(Charts.niceTop(0.0307)).isCloseTo(0.04, within(1e-9));
		assertThat(Charts.niceTop(0.25)).isCloseTo(0.25, within(1e-9));
	}

	@Test
	void labelsShowDecimalsOnlyWhenNeeded() {
		assertThat(Charts.formatPercent(0.05, 0.25)).isEqualTo("5 %");
		assertThat(Charts.formatPercent(0.025, 0.05)).isEqualTo("2.5 %");
		assertThat(Charts.formatMillis(0.035)).isEqualTo("35 ms");
		assertThat(Charts.formatMillis(0.0025)).isEqualTo("2.5 ms");
	}

}
