package io.firedrill.kit.guardrails;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.firedrill.kit.Folders;
import io.firedrill.kit.shop.ShopBuild;

/**
 * Everything a guardrail gets: the shop under test, the baseline it is compared with (the release in production
 * before it, by default {@code v2.3.0}), a build of the shop made once for all guardrails, and a scratch directory.
 */
public final class GuardrailContext implements AutoCloseable {

	/** How long one job may run before its process tree is killed. */
	public static final Duration DEFAULT_JOB_TIMEOUT = Duration.ofMinutes(3);

	private final ShopCheckout shop;

	private final Supplier<ShopCheckout> baselineSource;

	private final String baselineSpec;

	private final Path work;

	private final Duration jobTimeout;

	private final boolean keep;

	private ShopCheckout baseline;

	private boolean baselineOpened;

	private ShopBuild.Outcome build;

	/**
	 * @param shop the version under test; closed with this context unless {@code keep}
	 * @param baselineSpec what the baseline is, for messages ({@code null} when there is none)
	 * @param baselineSource opens the baseline when a guardrail first asks for it (may return {@code null})
	 * @param jobTimeout bound of each job run
	 * @param keep leave the checkouts, logs and databases on disk
	 */
	public GuardrailContext(ShopCheckout shop, String baselineSpec, Supplier<ShopCheckout> baselineSource,
			Duration jobTimeout, boolean keep) {
		this.shop = shop;
		this.baselineSpec = baselineSpec;
		this.baselineSource = (baselineSource != null) ? baselineSource : () -> null;
		this.jobTimeout = jobTimeout;
		this.keep = keep;
		try {
			this.work = Files.createTempDirectory("firedrill-guardrails-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A context without baseline, for tests and embedding. */
	public static GuardrailContext of(ShopCheckout shop) {
		return new GuardrailContext(shop, null, null, DEFAULT_JOB_TIMEOUT, false);
	}

	public ShopCheckout shop() {
		return this.shop;
	}

	/** The previous release, opened on first use; empty when there is none or it could not be opened. */
	public synchronized Optional<ShopCheckout> baseline() {
		if (!this.baselineOpened) {
			this.baselineOpened = true;
			this.baseline = this.baselineSource.get();
		}
		return Optional.ofNullable(this.baseline);
	}

	/** How the user named the baseline, or {@code null}. */
	public String baselineSpec() {
		return this.baselineSpec;
	}

	/** Builds the shop on first call ({@code package -DskipTests}, all modules); later calls return the same. */
	public synchronized ShopBuild.Outcome build() {
		if (this.build == null) {
			this.build = ShopBuild.packageShop(this.shop.dir(), List.of(), this.work.resolve("build.log"));
		}
		return this.build;
	}

	/** Whether {@link #build()} has run already (so its time is not a guardrail's). */
	public synchronized boolean built() {
		return this.build != null;
	}

	/** A scratch directory of this run (logs, databases), deleted with it unless kept. */
	public Path work() {
		return this.work;
	}

	public Duration jobTimeout() {
		return this.jobTimeout;
	}

	public boolean keep() {
		return this.keep;
	}

	@Override
	public synchronized void close() {
		if (this.keep) {
			return;
		}
		Folders.deleteQuietly(this.work);
		this.shop.close();
		if (this.baseline != null) {
			this.baseline.close();
		}
	}

}
