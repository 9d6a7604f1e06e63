package io.firedrill.kit.guardrails.jobs;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One piece of work for each of the shop's jobs, so that a run once does reach the payment SDK (a job with nothing
 * to do never calls it, and would pass on any runtime): a failed order to retry, a requested refund, a due
 * subscription. After the runs, {@link #leftUndone} tells whether a job that exited 0 did its work.
 */
final class JobSeeds {

	/** What was seeded, by job module. */
	private final Map<String, Long> ids = new LinkedHashMap<>();

	/** Seeds what the tables of this version allow; a job whose table is missing gets nothing. */
	static JobSeeds plant(Connection connection) throws SQLException {
		JobSeeds seeds = new JobSeeds();
		if (Rows.tableExists(connection, "orders")) {
			seeds.ids.put("order-retry-job", Rows.insert(connection, "orders", Map.of("customer_id", 9101L, "amount",
					new BigDecimal("42.00"), "status", "payment_failed")));
			if (Rows.tableExists(connection, "refund_requests")) {
				long paid = Rows.insert(connection, "orders",
						Map.of("customer_id", 9102L, "amount", new BigDecimal("80.00"), "status", "paid"));
				seeds.ids.put("refund-processor", Rows.insert(connection, "refund_requests", Map.of("order_id", paid,
						"amount", new BigDecimal("10.00"), "reason", "firedrill jobs-on-runtime", "status", "requested")));
			}
		}
		if (Rows.tableExists(connection, "subscriptions")) {
			seeds.ids.put("subscription-renewal-job", Rows.insert(connection, "subscriptions",
					Map.of("customer_id", 9103L, "plan", "monthly", "amount", new BigDecimal("9.99"), "status", "active",
							"next_renewal_on", java.sql.Date.valueOf(LocalDate.now(ZoneOffset.UTC).minusDays(1)))));
		}
		return seeds;
	}

	/** What the seed of a job is, for the report. */
	Optional<String> describe(String job) {
		Long id = this.ids.get(job);
		if (id == null) {
			return Optional.empty();
		}
		return Optional.of(switch (job) {
			case "order-retry-job" -> "order " + id + " in payment_failed";
			case "refund-processor" -> "refund request " + id + " in requested";
			case "subscription-renewal-job" -> "subscription " + id + " due yesterday";
			default -> "row " + id;
		});
	}

	/** Why the job's seeded work is still there after a run that exited 0, or empty when it was done. */
	Optional<String> leftUndone(Connection connection, String job) throws SQLException {
		Long id = this.ids.get(job);
		if (id == null) {
			return Optional.empty();
		}
		switch (job) {
			case "order-retry-job":
				return (count(connection, "SELECT COUNT(*) FROM payments WHERE order_id = ?", id) > 0) ? Optional.empty()
						: Optional.of("order " + id + " (payment_failed) has no new payment attempt");
			case "refund-processor":
				String status = string(connection, "SELECT status FROM refund_requests WHERE id = ?", id);
				return ("refunded".equals(status) || "failed".equals(status)) ? Optional.empty()
						: Optional.of("refund request " + id + " is still " + status);
			case "subscription-renewal-job":
				return (count(connection, "SELECT COUNT(*) FROM subscription_renewals WHERE subscription_id = ?"
						+ " AND status IN ('paid', 'declined')", id) > 0) ? Optional.empty()
								: Optional.of("subscription " + id + " has no paid or declined renewal");
			default:
				return Optional.empty();
		}
	}

	private static long count(Connection connection, String sql, long id) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, id);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? rows.getLong(1) : 0;
			}
		}
	}

	private static String string(Connection connection, String sql, long id) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, id);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? rows.getString(1) : null;
			}
		}
	}

}
