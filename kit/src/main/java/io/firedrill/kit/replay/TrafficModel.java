package io.firedrill.kit.replay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Who shops when, generated from a seed: the same seed always gives the same customers, carts and clicks.
 * <p>
 * A simulated minute has a fixed number of checkout sessions. In each session a customer (a stable id among
 * {@link #customers()}, so a flag rollout by user id always answers the same for them) opens the checkout page,
 * which asks {@code GET /api/checkout/options} what to show, then pays. The page decides whether the customer
 * may type a discount code; the driver sends one ({@link #DISCOUNT_CODES}) only when the page offers the input,
 * so the code depends on the service's answer, not on this model. A share of carts ({@link #shareOver50()},
 * 17 % by default) is over $50: exactly that share of every minute's carts, spread over the minute, so that the
 * figures do not wobble with sampling noise. After a paid checkout some customers look at their order and its
 * payments, and a few ask for a refund.
 */
public final class TrafficModel {

	/** The codes marketing handed out (checkout-service's {@code acme.discounts.codes.*}). */
	public static final List<String> DISCOUNT_CODES = List.of("SAVE10", "WELCOME15");

	/** Carts up to this total are "under $50". */
	static final BigDecimal FIFTY = new BigDecimal("50.00");

	private final long seed;

	private final int customers;

	private final int checkoutsPerMinute;

	private final double shareOver50;

	private final double shareViewingOrder;

	private final double shareRequestingRefund;

	private final double shareRoundingUp;

	/**
	 * @param seed seed of every random choice
	 * @param customers customer ids are {@code 1..customers}
	 * @param checkoutsPerMinute checkout sessions per simulated minute
	 * @param shareOver50 share of carts over $50 (0..1)
	 * @param shareViewingOrder share of paid checkouts followed by a look at the order and its payments
	 * @param shareRequestingRefund share of paid checkouts followed by a refund request
	 */
	public TrafficModel(long seed, int customers, int checkoutsPerMinute, double shareOver50, double shareViewingOrder,
			double shareRequestingRefund) {
		this(seed, customers, checkoutsPerMinute, shareOver50, shareViewingOrder, shareRequestingRefund, 0);
	}

	/**
	 * @param shareRoundingUp share of checkouts that ask to round the total up to the next dollar (0..1); drawn
	 * from a random stream of its own, so that any share leaves every other choice of every session as it is
	 */
	public TrafficModel(long seed, int customers, int checkoutsPerMinute, double shareOver50, double shareViewingOrder,
			double shareRequestingRefund, double shareRoundingUp) {
		if (customers < 1 || checkoutsPerMinute < 1) {
			throw new IllegalArgumentException("customers and checkoutsPerMinute must be positive");
		}
		checkShare(shareOver50, "shareOver50");
		checkShare(shareViewingOrder, "shareViewingOrder");
		checkShare(shareRequestingRefund, "shareRequestingRefund");
		checkShare(shareRoundingUp, "shareRoundingUp");
		this.seed = seed;
		this.customers = customers;
		this.checkoutsPerMinute = checkoutsPerMinute;
		this.shareOver50 = shareOver50;
		this.shareViewingOrder = shareViewingOrder;
		this.shareRequestingRefund = shareRequestingRefund;
		this.shareRoundingUp = shareRoundingUp;
	}

	/** The model of the spec: 17 % of carts over $50, 30 % look at their order, 1.5 % ask for a refund. */
	public static TrafficModel standard(long seed, int checkoutsPerMinute) {
		return standard(seed, checkoutsPerMinute, 0);
	}

	/** The model of the spec, with a share of customers ticking the round-up box (none before v2.5.0). */
	public static TrafficModel standard(long seed, int checkoutsPerMinute, double shareRoundingUp) {
		return new TrafficModel(seed, 50_000, checkoutsPerMinute, 0.17, 0.30, 0.015, shareRoundingUp);
	}

	/**
	 * What a customer does in one session. The choices after the checkout apply only if it is paid.
	 * @param customerId the signed-in customer
	 * @param amount cart total in USD
	 * @param codeIndex which of {@link #DISCOUNT_CODES} the customer types if the page offers the input
	 * @param viewsOrder looks at the order and its payments after paying
	 * @param requestsRefund asks for a refund after paying
	 * @param offset when the session starts within its minute, 0 (start) to 1 (end)
	 * @param roundsUp asks to round the total up to the next dollar for the foundation
	 */
	public record Session(long customerId, BigDecimal amount, int codeIndex, boolean viewsOrder,
			boolean requestsRefund, double offset, boolean roundsUp) {

		public Session(long customerId, BigDecimal amount, int codeIndex, boolean viewsOrder, boolean requestsRefund,
				double offset) {
			this(customerId, amount, codeIndex, viewsOrder, requestsRefund, offset, false);
		}

		public boolean over50() {
			return this.amount.compareTo(FIFTY) > 0;
		}

		public String discountCode() {
			return DISCOUNT_CODES.get(this.codeIndex);
		}

		/** A refund of the whole cart, or of about half of it. */
		public BigDecimal refundAmount(BigDecimal charged) {
			return (this.codeIndex == 0) ? charged
					: charged.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN).max(new BigDecimal("0.01"));
		}

	}

	public int checkoutsPerMinute() {
		return this.checkoutsPerMinute;
	}

	public int customers() {
		return this.customers;
	}

	public double shareOver50() {
		return this.shareOver50;
	}

	public long seed() {
		return this.seed;
	}

	/**
	 * The sessions of one minute, in start order. Minutes are numbered from any origin (negative numbers are
	 * fine, for warm-up traffic); each number always gives the same sessions.
	 */
	public List<Session> minute(int index) {
		SplittableRandom random = new SplittableRandom(mix(this.seed, index));
		int n = this.checkoutsPerMinute;
		int over = overInMinute(index);
		List<Boolean> overFlags = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			overFlags.add(i < over);
		}
		Collections.shuffle(overFlags, new java.util.Random(random.nextLong()));
		double[] offsets = arrivalOffsets(random, n);
		SplittableRandom roundUps = new SplittableRandom(mix(this.seed ^ ROUND_UP_STREAM, index));
		List<Session> sessions = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			long customer = 1 + random.nextInt(this.customers);
			BigDecimal amount = overFlags.get(i) ? over50(random) : upTo50(random);
			int code = random.nextInt(DISCOUNT_CODES.size());
			boolean views = random.nextDouble() < this.shareViewingOrder;
			boolean refund = random.nextDouble() < this.shareRequestingRefund;
			boolean roundsUp = this.shareRoundingUp > 0 && roundUps.nextDouble() < this.shareRoundingUp;
			sessions.add(new Session(customer, amount, code, views, refund, offsets[i], roundsUp));
		}
		return sessions;
	}

	/**
	 * Carts over $50 in minute {@code index}: the rounding is carried from minute to minute so that any run of
	 * minutes holds the share to within one cart.
	 */
	int overInMinute(int index) {
		double share = this.shareOver50 * this.checkoutsPerMinute;
		return (int) (Math.floor(share * (index + 1) + 1e-9) - Math.floor(share * index + 1e-9));
	}

	/** Poisson arrivals conditioned on {@code n} arrivals in the minute: sorted uniform offsets. */
	private static double[] arrivalOffsets(SplittableRandom random, int n) {
		double[] offsets = new double[n];
		for (int i = 0; i < n; i++) {
			offsets[i] = random.nextDouble();
		}
		java.util.Arrays.sort(offsets);
		return offsets;
	}

	/** $5.00 to $50.00. */
	private static BigDecimal upTo50(SplittableRandom random) {
		return BigDecimal.valueOf(500 + random.nextInt(4501), 2);
	}

	/** $50.01 to $250.00, most of them under $100 (log-uniform). */
	private static BigDecimal over50(SplittableRandom random) {
		double dollars = 50.01 * Math.pow(250.0 / 50.01, random.nextDouble());
		BigDecimal amount = BigDecimal.valueOf(dollars).setScale(2, RoundingMode.HALF_UP);
		return (amount.compareTo(FIFTY) > 0) ? amount.min(new BigDecimal("250.00")) : new BigDecimal("50.01");
	}

	/** Salt of the round-up choices' own stream. */
	private static final long ROUND_UP_STREAM = 0x726f756e64L;

	private static long mix(long seed, int index) {
		long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	private static void checkShare(double share, String name) {
		if (!(share >= 0 && share <= 1)) {
			throw new IllegalArgumentException(name + " must be within 0..1, was " + share);
		}
	}

}
