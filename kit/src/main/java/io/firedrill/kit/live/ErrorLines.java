package io.firedrill.kit.live;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.firedrill.kit.replay.ShopHost.JobRun;

/** The ERROR lines the dashboard shows: read from the tails of the logs, never whole logs. */
final class ErrorLines {

	private ErrorLines() {
	}

	/** The last ERROR lines of the running service's log and of the jobs' last runs. */
	static List<String> of(Path serviceLog, List<JobRun> runs) {
		List<String> lines = new ArrayList<>();
		for (JobRun run : runs.subList(Math.max(0, runs.size() - 3), runs.size())) {
			tail(run.log()).stream().filter(ErrorLines::isError).map((line) -> run.job() + ": " + line)
				.forEach(lines::add);
		}
		tail(serviceLog).stream().filter(ErrorLines::isError).map((line) -> "checkout-service: " + line)
			.forEach(lines::add);
		return List.copyOf(lines.subList(Math.max(0, lines.size() - 12), lines.size()));
	}

	/**
	 * An ERROR line of logback, or the headline of the exception it logged ({@code Caused by: ...},
	 * {@code java.lang.NoSuchMethodError: ...}): the cause is what the candidate needs, not the stack frames.
	 */
	static boolean isError(String line) {
		return line.contains(" ERROR ") || line.startsWith("ERROR ") || line.startsWith("Caused by: ")
				|| EXCEPTION_HEADLINE.matcher(line).matches();
	}

	private static final Pattern EXCEPTION_HEADLINE = Pattern
		.compile("[A-Za-z_$][\\w.$]*(Exception|Error)(: .*)?");

	/** The lines of the last 64 KiB of a log. */
	static List<String> tail(Path log) {
		try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
			long start = Math.max(0, file.length() - 65_536);
			byte[] bytes = new byte[(int) (file.length() - start)];
			file.seek(start);
			file.readFully(bytes);
			List<String> lines = new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\\R")));
			if (start > 0 && !lines.isEmpty()) {
				lines.remove(0); // cut in the middle
			}
			return lines.stream().map((line) -> (line.length() > 300) ? line.substring(0, 297) + "..." : line).toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

}
