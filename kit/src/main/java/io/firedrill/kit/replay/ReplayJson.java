package io.firedrill.kit.replay;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.firedrill.kit.replay.Replay.Minute;
import io.firedrill.kit.replay.Replay.Result;
import io.firedrill.kit.replay.ReplayReport.Window;
import io.firedrill.kit.replay.ShopHost.JobRun;

/**
 * {@code replay.json}: a replay's figures as data, for {@code check-replay}, CI and whoever graphs them again. Its
 * field names are a contract: the expectations of {@code incidents/<id>/incident.yaml} name them as dotted paths.
 */
final class ReplayJson {

	private ReplayJson() {
	}

	/** The whole of {@code replay.json}. */
	static Map<String, Object> of(ReplayReport report) {
		Result result = report.result();
		Map<String, Object> json = new LinkedHashMap<>();
		ReplayTarget target = result.target();
		Replay.Options options = result.options();
		json.put("replayed", target.name());
		json.put("incident", (target.incident() != null) ? target.incident().id() : null);
		json.put("before", target.beforeLabel());
		json.put("after", target.afterLabel());
		json.put("deployAt", result.deployAt().toString());
		Map<String, Object> traffic = new LinkedHashMap<>();
		traffic.put("seed", options.seed());
		traffic.put("checkoutsPerMinute", options.checkoutsPerMinute());
		traffic.put("minuteWallMillis", options.minuteLength().toMillis());
		traffic.put("maxSessionsInFlight", options.maxInFlight());
		traffic.put("warmupSessionsPerRelease", options.warmupSessions());
		traffic.put("shareOfCartsOver50", 0.17);
		traffic.put("discountCodes", TrafficModel.DISCOUNT_CODES);
		json.put("traffic", traffic);
		json.put("definitions", Map.of("errorRate", ReplayReport.ERROR_RATE_DEFINITION, "latency",
				ReplayReport.LATENCY_DEFINITION));
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("before", window(report.before()));
		summary.put("after", window(report.after()));
		json.put("summary", summary);
		List<Map<String, Object>> minutes = new ArrayList<>();
		for (Minute minute : result.minutes()) {
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("at", Replay.hhmm(minute.at()));
			one.put("version", minute.version());
			one.put("checkouts", minute.checkout().requests());
			one.put("errors", minute.checkout().errors());
			one.put("errorRate", round(minute.checkout().errorRate(), 5));
			one.put("statuses", minute.checkout().counts());
			one.put("p50Ms", round(1000 * minute.checkout().latency().quantile(0.5), 2));
			one.put("p99Ms", round(1000 * minute.checkout().latency().quantile(0.99), 2));
			one.put("ordersP99Ms", round(1000 * minute.orders().latency().quantile(0.99), 2));
			one.put("paymentsP99Ms", round(1000 * minute.payments().latency().quantile(0.99), 2));
			Map<String, Object> service = new LinkedHashMap<>();
			minute.service().forEach((name, value) -> service.put(name, round(value, 4)));
			one.put("service", service);
			one.put("client", minute.client().statuses());
			one.put("discountCodesSent", minute.client().codesSent());
			one.put("wallSeconds", round(Replay.seconds(minute.client().wall()), 3));
			minutes.add(one);
		}
		json.put("minutes", minutes);
		List<Map<String, Object>> jobs = new ArrayList<>();
		for (JobRun run : result.jobs()) {
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("job", run.job());
			one.put("at", run.at());
			one.put("version", run.version());
			one.put("exitCode", run.exitCode());
			one.put("firstError", ReplayReport.firstError(run).orElse(null));
			one.put("summary", ReplayReport.summary(run).orElse(null));
			one.put("wallSeconds", round(Replay.seconds(run.wall()), 2));
			one.put("log", result.checkoutLogs().isEmpty() ? run.log().toString() : relative(run.log()));
			jobs.add(one);
		}
		json.put("jobs", jobs);
		json.put("jobFailures", jobFailures(result));
		json.put("database", database(result));
		List<Map<String, Object>> changelog = new ArrayList<>();
		for (ReplayTarget.Change change : target.changelog()) {
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("pr", change.number());
			one.put("title", change.title());
			one.put("author", change.author());
			one.put("email", change.email());
			one.put("date", OffsetDateTime.ofInstant(change.date(), change.zone()).toString());
			one.put("commit", change.commit());
			changelog.add(one);
		}
		json.put("changelog", changelog);
		Map<String, Object> wall = new LinkedHashMap<>();
		result.timings().forEach((name, duration) -> wall.put(name, round(Replay.seconds(duration), 1)));
		json.put("wallSeconds", wall);
		return json;
	}

	/**
	 * What the payments left behind, as replay.json and the page show it: the database's figures, with the orders
	 * charged more than once split at the deploy by when their second charge was recorded
	 * ({@code ordersChargedMoreThanOnceBeforeDeploy}, {@code ordersChargedMoreThanOnceAfterDeploy}).
	 */
	static Map<String, Map<String, Long>> database(Result result) {
		Map<String, Map<String, Long>> database = new LinkedHashMap<>();
		result.database().tables().forEach((table, figures) -> {
			if (!table.equals("charges")) {
				database.put(table, figures);
				return;
			}
			long before = result.database()
				.secondCharges()
				.stream()
				.map(result.clock()::toSim)
				.filter((sim) -> sim != null && sim.isBefore(result.deployAt()))
				.count();
			Map<String, Long> charges = new LinkedHashMap<>(figures);
			charges.put("ordersChargedMoreThanOnceBeforeDeploy", before);
			charges.put("ordersChargedMoreThanOnceAfterDeploy", result.database().secondCharges().size() - before);
			database.put(table, charges);
		});
		return database;
	}

	/** Per job: runs, failed runs, and the first error line of the first failed run. */
	static Map<String, Object> jobFailures(Result result) {
		Map<String, Object> failures = new TreeMap<>();
		for (JobRun run : result.jobs()) {
			@SuppressWarnings("unchecked")
			Map<String, Object> job = (Map<String, Object>) failures.computeIfAbsent(run.job(), (k) -> {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("runs", 0);
				entry.put("failed", 0);
				entry.put("firstError", null);
				return entry;
			});
			job.put("runs", (int) job.get("runs") + 1);
			if (run.failed()) {
				job.put("failed", (int) job.get("failed") + 1);
				if (job.get("firstError") == null) {
					job.put("firstError", ReplayReport.firstError(run).orElse("exit code " + run.exitCode()));
				}
			}
		}
		return failures;
	}

	private static String relative(Path log) {
		return log.getParent().getFileName().toString().equals("jobs") ? "logs/jobs/" + log.getFileName()
				: "logs/" + log.getFileName();
	}

	private static Map<String, Object> window(Window window) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("version", window.version());
		json.put("minutes", window.minutes());
		json.put("checkouts", window.checkout().requests());
		json.put("errors", window.checkout().errors());
		json.put("serverErrors", window.checkout().serverErrors());
		json.put("errorRate", round(window.errorRate(), 5));
		json.put("errorRatePercent", round(100 * window.errorRate(), 2));
		json.put("statuses", window.checkout().counts());
		json.put("p50Ms", round(window.p50Millis(), 2));
		json.put("p99Ms", round(window.p99Millis(), 2));
		json.put("typicalMinuteP99Ms", Double.isNaN(window.typicalMinuteP99Millis()) ? null
				: round(window.typicalMinuteP99Millis(), 2));
		json.put("ordersP99Ms", round(1000 * window.orders().latency().quantile(0.99), 2));
		json.put("paymentsP99Ms", round(1000 * window.payments().latency().quantile(0.99), 2));
		Map<String, Object> byClass = new LinkedHashMap<>();
		window.checkout().byStatus().entrySet().stream()
			.collect(java.util.stream.Collectors.groupingBy((entry) -> entry.getKey().charAt(0) + "xx", TreeMap::new,
					java.util.stream.Collectors.reducing(Histogram.EMPTY, Map.Entry::getValue, Histogram::plus)))
			.forEach((statusClass, histogram) -> byClass.put(statusClass, Map.of("count", histogram.count(), "p50Ms",
					round(1000 * histogram.quantile(0.5), 2), "p99Ms", round(1000 * histogram.quantile(0.99), 2))));
		json.put("checkoutByStatusClass", byClass);
		Map<String, Object> service = new LinkedHashMap<>();
		window.service().forEach((name, value) -> service.put(name, round(value, 3)));
		long requests = window.checkout().requests();
		service.put("cpuMsPerCheckout", (requests == 0) ? null
				: round(1000 * window.service().getOrDefault("cpuSeconds", 0.0) / requests, 3));
		json.put("service", service);
		return json;
	}

	static Double round(double value, int decimals) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return null;
		}
		double scale = Math.pow(10, decimals);
		return Math.round(value * scale) / scale;
	}

}
