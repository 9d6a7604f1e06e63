package io.firedrill.kit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.firedrill.kit.replay.TrafficModel.Session;
import io.firedrill.kit.support.Stories;
import org.junit.jupiter.api.Test;

class TrafficModelTests {

	@Test
	void customersWhoRoundUpChangeNoOtherChoiceOfAnySession() {
		TrafficModel without = TrafficModel.standard(20261124L, 80);
		TrafficModel with = TrafficModel.standard(20261124L, 80, 0.5);
		long roundingUp = 0;
		for (int minute = -3; minute < 25; minute++) {
			List<Session> plain = without.minute(minute);
			List<Session> ticked = with.minute(minute);
			assertThat(plain).noneMatch(Session::roundsUp);
			assertThat(ticked).extracting(TrafficModelTests::withoutRoundUp).isEqualTo(plain);
			roundingUp += ticked.stream().filter(Session::roundsUp).count();
		}
		assertThat(roundingUp / (28.0 * 80)).isBetween(0.45, 0.55);
	}

	private static Session withoutRoundUp(Session session) {
		return new Session(session.customerId(), session.amount(), session.codeIndex(), session.viewsOrder(),
				session.requestsRefund(), session.offset());
	}

	@Test
	void seventeenPercentOfCartsAreOverFiftyDollarsInEveryRunOfMinutes() {
		TrafficModel model = TrafficModel.standard(7, 80);
		List<Session> all = new ArrayList<>();
		for (int minute = 0; minute < 25; minute++) {
			List<Session> sessions = model.minute(minute);
			assertThat(sessions).hasSize(80);
			long over = sessions.stream().filter(Session::over50).count();
			assertThat(over).isBetween(13L, 14L); // 0.17 x 80 = 13.6
			all.addAll(sessions);
		}
		double share = all.stream().filter(Session::over50).count() / (double) all.size();
		assertThat(share).isBetween(0.1695, 0.1705);
	}

	@Test
	void cartsAreUpToFiftyOrOverFiftyWithCents() {
		TrafficModel model = TrafficModel.standard(1, 200);
		for (Session session : model.minute(3)) {
			assertThat(session.amount().scale()).isEqualTo(2);
			if (session.over50()) {
				assertThat(session.amount()).isBetween(new java.math.BigDecimal("50.01"), new java.math.BigDecimal("250.00"));
			}
			else {
				assertThat(session.amount()).isBetween(new java.math.BigDecimal("5.00"), new java.math.BigDecimal("50.00"));
			}
		}
	}

	@Test
	void theSameSeedGivesTheSameTrafficAndAnotherSeedAnother() {
		assertThat(TrafficModel.standard(42, 80).minute(5)).isEqualTo(TrafficModel.standard(42, 80).minute(5));
		assertThat(TrafficModel.standard(42, 80).minute(-3)).isEqualTo(TrafficModel.standard(42, 80).minute(-3));
		assertThat(TrafficModel.standard(42, 80).minute(5)).isNotEqualTo(TrafficModel.standard(43, 80).minute(5));
		assertThat(TrafficModel.standard(42, 80).minute(5)).isNotEqualTo(TrafficModel.standard(42, 80).minute(6));
	}

	@Test
	void customersAreStableIdsSpreadOverThePopulation() {
		TrafficModel model = TrafficModel.standard(9, 100);
		List<Long> ids = IntStream.range(0, 50)
			.boxed()
			.flatMap((minute) -> model.minute(minute).stream())
			.map(Session::customerId)
			.toList();
		assertThat(ids).allSatisfy((id) -> assertThat(id).isBetween(1L, 50_000L));
		assertThat(ids.stream().distinct().count()).isGreaterThan(4_500); // 5000 sessions, few repeats
	}

	@Test
	void sessionsStartInOrderWithinTheirMinuteAndUseTheConfiguredCodes() {
		List<Session> sessions = TrafficModel.standard(3, 80).minute(0);
		for (int i = 1; i < sessions.size(); i++) {
			assertThat(sessions.get(i).offset()).isGreaterThanOrEqualTo(sessions.get(i - 1).offset());
		}
		assertThat(sessions).allSatisfy((session) -> {
			assertThat(session.offset()).isBetween(0.0, 1.0);
			assertThat(session.discountCode()).isIn("SAVE10", "WELCOME15");
		});
	}

	@Test
	void someCustomersLookAtTheirOrderAndAFewAskForARefund() {
		TrafficModel model = TrafficModel.standard(11, 100);
		List<Session> sessions = IntStream.range(0, 100).boxed().flatMap((m) -> model.minute(m).stream()).toList();
		double viewing = sessions.stream().filter(Session::viewsOrder).count() / (double) sessions.size();
		double refunding = sessions.stream().filter(Session::requestsRefund).count() / (double) sessions.size();
		assertThat(viewing).isBetween(0.28, 0.32);
		assertThat(refunding).isBetween(0.01, 0.02);
	}

	@Test
	void theHostsDecliningCustomersNeverShop() {
		TrafficModel model = TrafficModel.standard(20261124L, 80);
		List<Session> sessions = IntStream.range(-1000, 100).boxed().flatMap((m) -> model.minute(m).stream()).toList();

		List<Long> declining = Stories.of("release-2.4.0").seeded().decliningCustomers();

		assertThat(declining).isNotEmpty().allSatisfy((customer) -> assertThat(customer).isGreaterThan(model.customers()));
		assertThat(sessions).extracting(Session::customerId).doesNotContainAnyElementsOf(declining);
	}

}
