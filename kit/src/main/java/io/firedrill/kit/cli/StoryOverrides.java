package io.firedrill.kit.cli;

import java.nio.file.Path;

import io.firedrill.kit.catalog.ReplayFacts;
import io.firedrill.kit.replay.Replay;
import picocli.CommandLine.Option;

/**
 * The options that {@code replay} and {@code live} share: the customers' traffic, which the incident's story sets
 * and these only override, and the cache of built releases.
 */
final class StoryOverrides {

	@Option(names = "--seed", paramLabel = "N", description = "Seed of the customer traffic (default: the incident's replay.traffic.seed).")
	Long seed;

	@Option(names = "--checkouts-per-minute", paramLabel = "N", description = "Checkouts per simulated minute (default: the incident's replay.traffic.checkoutsPerMinute).")
	Integer checkoutsPerMinute;

	@Option(names = "--cache", paramLabel = "DIR", description = "Cache of built releases (default: $FIREDRILL_CACHE or ~/.cache/firedrill).")
	private Path cache;

	long seed(ReplayFacts.Traffic story) {
		return (this.seed != null) ? this.seed : story.seed();
	}

	int checkoutsPerMinute(ReplayFacts.Traffic story) {
		return (this.checkoutsPerMinute != null) ? this.checkoutsPerMinute : story.checkoutsPerMinute();
	}

	Path cache(Path cwd) {
		return (this.cache != null) ? cwd.resolve(this.cache) : Replay.defaultCache();
	}

}
