package io.firedrill.kit.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the shop's logs (Spring Boot's console format) the way on-call greps them: the error events, each with
 * its stack trace, and trims a stack trace to what fits on a slide.
 */
final class LogExcerpts {

	/** {@code 2026-11-24T14:03:12.345Z ERROR 4242 --- [checkout-service] [exec-1] logger : message}. */
	static final Pattern EVENT = Pattern.compile(
			"^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2}))\\s+(ERROR|WARN|INFO|DEBUG|TRACE)\\s+(.*)$");

	static final Pattern EXCEPTION = Pattern.compile("^(?:Caused by: )?[a-zA-Z_$][\\w$]*(?:\\.[\\w$]+)+(?:Exception|Error|Throwable)\\b.*");

	static final int FRAMES = 4;

	/**
	 * Logback's packaging data at the end of a frame ({@code ~[!/:2.3.0]}, {@code [spring-webmvc-7.0.8.jar!/:7.0.8]}):
	 * it names the jar a class came from, which for the shop's own classes is the module version of the build,
	 * noise on a slide.
	 */
	static final Pattern PACKAGING_DATA = Pattern.compile("\\s+~?\\[[^\\]]*\\]$");

	private LogExcerpts() {
	}

	/**
	 * One log event.
	 * @param time when it was logged (machine time)
	 * @param level ERROR, WARN...
	 * @param text the rest of the first line
	 * @param lines the continuation lines (a stack trace)
	 */
	record Event(Instant time, String level, String text, List<String> lines) {

		/** The first exception line of the stack trace, or of the message. */
		Optional<String> exception() {
			for (String line : this.lines) {
				if (EXCEPTION.matcher(line.strip()).matches()) {
					return Optional.of(line.strip());
				}
			}
			return Optional.empty();
		}

		/** The message after the logger name. */
		String message() {
			int colon = this.text.indexOf(" : ");
			return (colon >= 0) ? this.text.substring(colon + 3).strip() : this.text.strip();
		}

	}

	static List<Event> events(Path log) {
		return events(lines(log));
	}

	/** The lines of a process's log; none if it wrote none. */
	static List<String> lines(Path log) {
		try {
			return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Event> events(List<String> lines) {
		List<Event> events = new ArrayList<>();
		Instant time = null;
		String level = null;
		String text = null;
		List<String> continuation = new ArrayList<>();
		for (String line : lines) {
			Matcher event = EVENT.matcher(line);
			if (event.matches()) {
				if (level != null) {
					events.add(new Event(time, level, text, List.copyOf(continuation)));
				}
				time = parseTime(event.group(1));
				level = event.group(2);
				text = event.group(3);
				continuation.clear();
			}
			else if (level != null) {
				continuation.add(line);
			}
		}
		if (level != null) {
			events.add(new Event(time, level, text, List.copyOf(continuation)));
		}
		return events;
	}

	static List<Event> errors(Path log) {
		return events(log).stream().filter((event) -> event.level().equals("ERROR")).toList();
	}

	/**
	 * Why a process that died while starting died, in one line: the deepest cause of its last error event (Spring
	 * Boot logs a failed start as one ERROR with the whole chain of causes); without one, the last line it wrote
	 * (the JVM's own errors, such as a class-data archive it could not map, come without a log event).
	 */
	static Optional<String> whyStartFailed(List<String> lines) {
		List<Event> events = events(lines);
		for (int i = events.size() - 1; i >= 0; i--) {
			Event event = events.get(i);
			if (event.level().equals("ERROR")) {
				String cause = null;
				for (String line : event.lines()) {
					if (EXCEPTION.matcher(line.strip()).matches()) {
						cause = line.strip().replaceFirst("^Caused by: ", "");
					}
				}
				return Optional.of((cause != null) ? cause : event.message());
			}
		}
		for (int i = lines.size() - 1; i >= 0; i--) {
			if (!lines.get(i).isBlank()) {
				return Optional.of(lines.get(i).strip());
			}
		}
		return Optional.empty();
	}

	/**
	 * An event as on-call pastes it: its line with the time shown by {@code clock}, the exception and the first
	 * frames of each stack trace, {@code ...} for the rest.
	 */
	static String trimmed(Event event, Function<Instant, LocalDateTime> clock) {
		StringBuilder out = new StringBuilder();
		LocalDateTime shown = (event.time() != null) ? clock.apply(event.time()) : null;
		out.append((shown != null) ? DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").format(shown) : "")
			.append(' ')
			.append(String.format("%5s", event.level()))
			.append(' ')
			.append(event.text().strip())
			.append('\n');
		int frames = -1;
		boolean elided = false;
		for (String line : event.lines()) {
			String stripped = line.strip();
			if (stripped.isEmpty()) {
				continue;
			}
			if (EXCEPTION.matcher(stripped).matches()) {
				if (elided) {
					out.append("\t...\n");
					elided = false;
				}
				out.append(stripped).append('\n');
				frames = 0;
			}
			else if (stripped.startsWith("at ") && frames >= 0) {
				if (frames < FRAMES) {
					out.append('\t').append(PACKAGING_DATA.matcher(stripped).replaceFirst("")).append('\n');
					frames++;
				}
				else {
					elided = true;
				}
			}
			else if (stripped.startsWith("...")) {
				elided = true;
			}
		}
		if (elided) {
			out.append("\t...\n");
		}
		return out.toString();
	}

	private static Instant parseTime(String text) {
		try {
			return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
