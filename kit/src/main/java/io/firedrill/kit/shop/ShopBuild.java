package io.firedrill.kit.shop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a shop checkout the way its developers do ({@code ./mvnw -o -B -q package -DskipTests}), as a black box.
 * Offline first, since everything the shop needs is usually in the local repository already (no update checks);
 * online once when offline resolution is what failed, as it does on a machine that never built the shop.
 */
public final class ShopBuild {

	/** Long enough for the whole reactor on two cores (about a minute) with a cold JIT and a slow disk. */
	static final Duration TIMEOUT = Duration.ofMinutes(15);

	/**
	 * The outcome of a build.
	 * @param succeeded whether Maven exited 0
	 * @param command what was run, for messages
	 * @param firstError the first {@code [ERROR]} line (or the last output line) when it failed
	 * @param log where Maven's output is
	 * @param duration how long it took
	 */
	public record Outcome(boolean succeeded, String command, String firstError, Path log, Duration duration) {
	}

	private ShopBuild() {
	}

	/**
	 * Packages the given modules and what they need ({@code -pl ... -am}), or the whole shop when none are given.
	 */
	public static Outcome packageShop(Path shop, List<String> modules, Path log) {
		List<String> args = new ArrayList<>(List.of("-B", "-q", "package", "-DskipTests"));
		if (!modules.isEmpty()) {
			args.addAll(List.of("-pl", String.join(",", modules), "-am"));
		}
		return maven(shop, args, log);
	}

	/** Runs Maven in the shop with these arguments, offline first. */
	public static Outcome maven(Path shop, List<String> args, Path log) {
		List<String> offline = new ArrayList<>(mavenCommand(shop));
		offline.add("-o");
		offline.addAll(args);
		Processes.Result result = Processes.runBounded(offline, shop, Map.of(), TIMEOUT, log);
		List<String> command = offline;
		if (!result.succeeded() && !result.timedOut() && offlineResolutionFailed(result.output())) {
			command = new ArrayList<>(mavenCommand(shop));
			command.addAll(args);
			result = Processes.runBounded(command, shop, Map.of(), TIMEOUT, log);
		}
		String shown = String.join(" ", command);
		if (result.succeeded()) {
			return new Outcome(true, shown, null, log, result.duration());
		}
		String error = result.timedOut() ? "timed out after " + TIMEOUT.toMinutes() + " min"
				: firstError(result.lines()).orElse("exit code " + result.exitCode());
		return new Outcome(false, shown, error, log, result.duration());
	}

	static List<String> mavenCommand(Path shop) {
		Path wrapper = shop.resolve("mvnw");
		if (Files.isExecutable(wrapper) && Files.isDirectory(shop.resolve(".mvn/wrapper"))) {
			return List.of(wrapper.toString());
		}
		return List.of("mvn");
	}

	/** Whether an offline run failed for want of something the local repository does not hold yet. */
	public static boolean offlineResolutionFailed(String output) {
		return output.contains("offline mode") || output.contains("has not been downloaded from it before")
				|| output.contains("No plugin found for prefix");
	}

	static Optional<String> firstError(List<String> lines) {
		for (String line : lines) {
			if (line.startsWith("[ERROR]") && line.length() > "[ERROR] ".length()
					&& !line.substring(8).isBlank()) {
				return Optional.of(line.substring(8).strip());
			}
		}
		return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(lines.size() - 1).strip());
	}

}
