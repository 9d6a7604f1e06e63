/**
 * {@code firedrill replay}: the deploy of a release replayed on the real shop, measured from the service's own
 * metrics.
 * <p>
 * {@link io.firedrill.kit.replay.ReplayTarget} makes the releases (as {@code firedrill tags} does),
 * {@code ShopBuilds} builds and caches them by tree id, {@code ShopHost} runs checkout-service and the jobs the
 * way the hosts do (with a class-data sharing archive per module kept beside the build, {@code ClassDataArchive}), {@link io.firedrill.kit.replay.TrafficModel} and {@code LoadDriver} play the customers,
 * {@link io.firedrill.kit.replay.Scrape} and {@link io.firedrill.kit.replay.Histogram} turn the scrapes of
 * {@code /actuator/prometheus} into error rates and percentiles, {@link io.firedrill.kit.replay.Replay} runs the
 * timeline of the incident's story (the catalog's {@code ReplayFacts}: nothing of the story is a constant here; the
 * options of {@code Replay.Options} are the runtime knobs only), {@link io.firedrill.kit.replay.ReplayReport} writes
 * the report and {@link io.firedrill.kit.replay.ReplayCheck} checks its figures against the story's
 * {@code expect:} entries ({@code firedrill check-replay}). {@code Processes} ends every
 * process started, also when the JVM is interrupted. See {@code kit/bench/README.md}.
 * <p>
 * {@code Replay} stays over 300 lines: besides its run, it holds the records of what a replay produced (its
 * options, a measured minute, the result, what the payments left behind), which the report, the check and live
 * mode read as {@code Replay.*}; its one timeline (start, warm up, traffic, the deploy, the jobs at their simulated
 * times, the end) reads best as one method with the helpers beside it.
 */
package io.firedrill.kit.replay;
