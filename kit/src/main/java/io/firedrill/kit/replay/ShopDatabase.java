package io.firedrill.kit.replay;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;

import org.h2.Driver;

/**
 * The shop's embedded database, opened the way its processes open it (same URL, so H2 joins the running
 * service's auto-server instead of opening the file itself). Used only while checkout-service runs, briefly:
 * to seed what no API creates (due subscriptions, the morning's declined orders) and to read, at the end, what
 * the jobs left undone.
 */
public final class ShopDatabase {

	static {
		// as for the shop's processes (ShopHost.H2_ON_LOOPBACK): should H2 ever serve the file from this JVM,
		// only on the loopback interface
		if (System.getProperty("h2.bindAddress") == null) {
			System.setProperty("h2.bindAddress", "127.0.0.1");
		}
	}

	/** Customers of the interrupted checkouts: outside the traffic's customer ids, as the declining customers. */
	static final long FIRST_INTERRUPTED_CUSTOMER = 90_101L;

	private final Path dataDir;

	public ShopDatabase(Path dataDir) {
		this.dataDir = dataDir;
	}

	/** The URL of the shop's embedded defaults ({@code spring.datasource.url}). */
	String url() {
		return "jdbc:h2:file:" + this.dataDir.resolve("shop")
				+ ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
	}

	private Connection connect() throws SQLException {
		Properties credentials = new Properties();
		credentials.setProperty("user", "sa");
		credentials.setProperty("password", "");
		Connection connection = new Driver().connect(url(), credentials);
		if (connection == null) {
			throw new SQLException("H2 refused " + url());
		}
		return connection;
	}

	/**
	 * Adds active monthly subscriptions whose next period starts on {@code due}, as customers signed up a month
	 * earlier.
	 */
	public void seedDueSubscriptions(int count, LocalDate due, long seed) throws SQLException {
		SplittableRandom random = new SplittableRandom(seed);
		String[] plans = { "basic-monthly", "plus-monthly", "family-monthly" };
		BigDecimal[] prices = { new BigDecimal("4.99"), new BigDecimal("9.99"), new BigDecimal("14.99") };
		try (Connection connection = connect();
				PreparedStatement insert = connection.prepareStatement(
						"INSERT INTO subscriptions (customer_id, plan, amount, status, next_renewal_on) VALUES (?, ?, ?, 'active', ?)")) {
			for (int i = 0; i < count; i++) {
				int plan = random.nextInt(plans.length);
				insert.setLong(1, 1 + random.nextInt(50_000));
				insert.setString(2, plans[plan]);
				insert.setBigDecimal(3, prices[plan]);
				insert.setObject(4, due);
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	/**
	 * Adds one order per customer whose payment was declined earlier in the day, waiting for the retry job: a
	 * {@code payment_failed} order with its declined attempt. The customers' cards keep being declined (the host
	 * tells every sandbox so), so the orders are still there whenever the retry job runs.
	 */
	public void seedDeclinedOrders(List<Long> customers, long seed) throws SQLException {
		SplittableRandom random = new SplittableRandom(seed);
		try (Connection connection = connect();
				PreparedStatement order = connection.prepareStatement(
						"INSERT INTO orders (customer_id, amount, status) VALUES (?, ?, 'payment_failed')",
						Statement.RETURN_GENERATED_KEYS);
				PreparedStatement attempt = connection.prepareStatement("INSERT INTO payments (order_id, transaction_id,"
						+ " amount, status, decline_code) VALUES (?, ?, ?, 'declined', 'insufficient_funds')")) {
			for (long customer : customers) {
				BigDecimal amount = BigDecimal.valueOf(500 + random.nextInt(9501), 2);
				order.setLong(1, customer);
				order.setBigDecimal(2, amount);
				order.executeUpdate();
				try (ResultSet keys = order.getGeneratedKeys()) {
					keys.next();
					attempt.setLong(1, keys.getLong(1));
				}
				attempt.setString(2, "txn_morning_" + customer);
				attempt.setBigDecimal(3, amount);
				attempt.executeUpdate();
			}
		}
	}

	/**
	 * Adds {@code count} orders whose checkout was stopped mid-request earlier in the day (a restart of the service):
	 * the gateway approved the charge and the payment was recorded, the order was never marked paid, so it is still
	 * {@code pending}, three hours old. Their customers ({@link #FIRST_INTERRUPTED_CUSTOMER} on) are outside the
	 * traffic's.
	 */
	public void seedInterruptedCheckouts(int count, long seed) throws SQLException {
		if (count == 0) {
			return;
		}
		SplittableRandom random = new SplittableRandom(seed ^ 0x5eed);
		try (Connection connection = connect(); PreparedStatement order = connection.prepareStatement(
				"INSERT INTO orders (customer_id, amount, status, created_at) VALUES (?, ?, 'pending', ?)",
				Statement.RETURN_GENERATED_KEYS);
				PreparedStatement payment = connection.prepareStatement("INSERT INTO payments (order_id, transaction_id,"
						+ " amount, status, created_at) VALUES (?, ?, ?, 'approved', ?)")) {
			LocalDateTime morning = LocalDateTime.now().minusHours(3);
			for (int i = 0; i < count; i++) {
				long customer = FIRST_INTERRUPTED_CUSTOMER + i;
				BigDecimal amount = BigDecimal.valueOf(500 + random.nextInt(9501), 2);
				order.setLong(1, customer);
				order.setBigDecimal(2, amount);
				order.setObject(3, morning);
				order.executeUpdate();
				try (ResultSet keys = order.getGeneratedKeys()) {
					keys.next();
					payment.setLong(1, keys.getLong(1));
				}
				payment.setString(2, "txn_interrupted_" + customer);
				payment.setBigDecimal(3, amount);
				payment.setObject(4, morning);
				payment.executeUpdate();
			}
		}
	}

	/**
	 * What the payments left behind: orders, refund requests and subscription renewals by status, the
	 * subscriptions still due on {@code today}, and the charges (orders with an approved payment, and those with more
	 * than one, read from {@code payments}).
	 */
	Replay.LeftBehind state(LocalDate today) throws SQLException {
		Map<String, Map<String, Long>> state = new LinkedHashMap<>();
		Charges charges;
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			state.put("orders", countBy(statement, "SELECT status, COUNT(*) FROM orders GROUP BY status ORDER BY status"));
			state.put("refund_requests",
					countBy(statement, "SELECT status, COUNT(*) FROM refund_requests GROUP BY status ORDER BY status"));
			state.put("subscription_renewals", countBy(statement,
					"SELECT status, COUNT(*) FROM subscription_renewals GROUP BY status ORDER BY status"));
			try (PreparedStatement due = connection.prepareStatement(
					"SELECT status, COUNT(*) FROM subscriptions WHERE next_renewal_on <= ? GROUP BY status ORDER BY status")) {
				due.setObject(1, today);
				try (ResultSet rows = due.executeQuery()) {
					Map<String, Long> counts = new LinkedHashMap<>();
					while (rows.next()) {
						counts.put(rows.getString(1), rows.getLong(2));
					}
					state.put("subscriptions_due", counts);
				}
			}
			charges = charges(statement);
			Map<String, Long> figures = new LinkedHashMap<>();
			figures.put("paidOrders", charges.paidOrders());
			figures.put("ordersChargedMoreThanOnce", (long) charges.secondChargesAt().size());
			state.put("charges", figures);
		}
		return new Replay.LeftBehind(state, charges.secondChargesAt());
	}

	/**
	 * Orders with at least one approved payment, and for each order with more than one (the customer paid twice for
	 * one order) when its second approved payment was recorded, on this machine's clock.
	 */
	record Charges(long paidOrders, List<Instant> secondChargesAt) {
	}

	static Charges charges(Statement statement) throws SQLException {
		long paidOrders = 0;
		List<Instant> secondCharges = new ArrayList<>();
		try (ResultSet rows = statement.executeQuery(
				"SELECT order_id, created_at FROM payments WHERE status = 'approved' ORDER BY order_id, created_at, id")) {
			long order = -1;
			int approved = 0;
			while (rows.next()) {
				if (rows.getLong(1) != order) {
					order = rows.getLong(1);
					approved = 0;
					paidOrders++;
				}
				approved++;
				if (approved == 2) {
					// the shop's processes write CURRENT_TIMESTAMP in this machine's zone, as this JVM reads it
					secondCharges.add(rows.getObject(2, LocalDateTime.class).atZone(ZoneId.systemDefault()).toInstant());
				}
			}
		}
		return new Charges(paidOrders, List.copyOf(secondCharges));
	}

	private static Map<String, Long> countBy(Statement statement, String sql) throws SQLException {
		Map<String, Long> counts = new LinkedHashMap<>();
		try (ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				counts.put(rows.getString(1), rows.getLong(2));
			}
		}
		return counts;
	}

}
