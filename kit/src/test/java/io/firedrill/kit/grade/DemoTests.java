package io.firedrill.kit.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.firedrill.kit.FiredrillException;
import org.junit.jupiter.api.Test;

class DemoTests {

	@Test
	void gradesBothCandidatesAtTheSameTimeAndReturnsTheirCardsInOrder() {
		// each waits for the other to have started: run one after the other, the first would time out
		CyclicBarrier bothStarted = new CyclicBarrier(2);

		List<String> cards = Demo.bothAtOnce(() -> {
			bothStarted.await(30, TimeUnit.SECONDS);
			Thread.sleep(50);
			return "unfixed";
		}, () -> {
			bothStarted.await(30, TimeUnit.SECONDS);
			return "fixed";
		});

		assertThat(cards).containsExactly("unfixed", "fixed");
	}

	@Test
	void aFailedGradingIsThrownOnlyOnceTheOtherHasEnded() {
		AtomicBoolean otherEnded = new AtomicBoolean();

		assertThatThrownBy(() -> Demo.bothAtOnce(() -> {
			throw FiredrillException.environment("Maven could not start");
		}, () -> {
			Thread.sleep(200);
			otherEnded.set(true);
			return "fixed";
		})).isInstanceOf(FiredrillException.class).hasMessageContaining("Maven could not start");
		assertThat(otherEnded).isTrue();
	}

}
