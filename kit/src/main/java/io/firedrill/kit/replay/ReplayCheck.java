package io.firedrill.kit.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.firedrill.kit.FiredrillException;
import io.firedrill.kit.catalog.Expectation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a replay's output ({@code replay.json} and {@code logs/}) against the figures its incident expects
 * ({@code replay.expect} of the catalog), one line per expectation, as {@code kit/bench/check-figures.sh} did.
 */
public final class ReplayCheck {

	/** The file a replay writes its figures to. */
	public static final String FIGURES = "replay.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * One expectation's outcome.
	 * @param ok whether it holds (always for a figure shown, not checked)
	 * @param checked whether it counts
	 * @param text what it says, with the figures measured
	 */
	public record Line(boolean ok, boolean checked, String text) {

		/** {@code ok    ...}, {@code MISS  ...}, or six spaces for a figure shown beside. */
		@Override
		public String toString() {
			return (!this.checked ? "      " : this.ok ? "ok    " : "MISS  ") + this.text;
		}

	}

	private final JsonNode figures;

	private final Path dir;

	private ReplayCheck(Path dir, JsonNode figures) {
		this.dir = dir;
		this.figures = figures;
	}

	/**
	 * Reads a replay's output folder.
	 * @throws FiredrillException (input) when it holds no readable {@value #FIGURES}
	 */
	public static ReplayCheck read(Path dir) {
		Path file = dir.resolve(FIGURES);
		if (!Files.isRegularFile(file)) {
			throw FiredrillException.input("no " + FIGURES + " in " + dir + ": give the --out folder of a replay");
		}
		try {
			JsonNode figures = JSON.readTree(file.toFile());
			if (figures == null || !figures.isObject()) {
				throw FiredrillException.input(file + " is not a replay's figures (no JSON object)");
			}
			return new ReplayCheck(dir, figures);
		}
		catch (JacksonException ex) {
			throw FiredrillException.input(file + " is not valid JSON: " + ex.getOriginalMessage().lines().findFirst()
				.orElse(""), ex);
		}
	}

	/** The incident the replay played ({@code incident} of {@value #FIGURES}), {@code null} for a bare tag. */
	public String incident() {
		JsonNode incident = this.figures.get("incident");
		return (incident == null || incident.isNull()) ? null : incident.asString();
	}

	/** One line per expectation, in order. */
	public List<Line> check(List<Expectation> expectations) {
		List<Line> lines = new ArrayList<>();
		for (Expectation expectation : expectations) {
			lines.add(switch (expectation.form()) {
				case FIGURE -> figure(expectation);
				case RATIO -> ratio(expectation);
				case LOG_CONTAINS -> logContains(expectation);
				case JOBS_FAILING -> jobsFailing(expectation);
			});
		}
		return lines;
	}

	private Line figure(Expectation expectation) {
		Number value;
		try {
			value = number(expectation.figure());
		}
		catch (IllegalArgumentException ex) {
			return new Line(false, expectation.checked(), expectation.says() + " (" + ex.getMessage() + ")");
		}
		double figure = value.doubleValue();
		return new Line(expectation.holds(figure), expectation.checked(), String.format(Locale.ROOT,
				"%s (%s = %s%s)", expectation.says(), expectation.figure(), format(figure), bounds(expectation)));
	}

	private Line ratio(Expectation expectation) {
		double over;
		double under;
		try {
			over = number(expectation.ratio().get(0)).doubleValue();
			under = number(expectation.ratio().get(1)).doubleValue();
		}
		catch (IllegalArgumentException ex) {
			return new Line(false, expectation.checked(), expectation.says() + " (" + ex.getMessage() + ")");
		}
		if (under == 0) {
			return new Line(false, expectation.checked(), expectation.says() + " (" + expectation.ratio().get(1)
					+ " is 0)");
		}
		double ratio = over / under;
		return new Line(expectation.holds(ratio), expectation.checked(), String.format(Locale.ROOT,
				"%s (%s -> %s: x%.2f%s)", expectation.says(), format(under), format(over), ratio,
				bounds(expectation)));
	}

	private Line logContains(Expectation expectation) {
		List<String> found = new ArrayList<>();
		Path logs = this.dir.resolve("logs");
		if (Files.isDirectory(logs)) {
			try (Stream<Path> files = Files.walk(logs)) {
				for (Path log : files.filter((f) -> f.toString().endsWith(".log") && Files.isRegularFile(f)).sorted()
					.toList()) {
					String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
					if (text.contains(expectation.logContains())) {
						found.add(this.dir.relativize(log).toString().replace('\\', '/'));
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return new Line(!found.isEmpty(), true, expectation.says() + " ("
				+ (found.isEmpty() ? "in no log under " + this.dir.relativize(logs) + "/" : "in " + found.size()
						+ " log" + (found.size() == 1 ? "" : "s") + ", first " + found.get(0)) + ")");
	}

	private Line jobsFailing(Expectation expectation) {
		Expectation.JobsFailing rule = expectation.jobsFailing();
		JsonNode version = at("summary." + rule.release() + ".version");
		if (version == null || !version.isString()) {
			return new Line(false, true, expectation.says() + " (no summary." + rule.release() + ".version in "
					+ FIGURES + ")");
		}
		Set<String> ran = new TreeSet<>();
		Set<String> failed = new TreeSet<>();
		List<String> otherDeaths = new ArrayList<>();
		JsonNode jobs = this.figures.get("jobs");
		for (JsonNode job : (jobs != null && jobs.isArray()) ? jobs : JSON.createArrayNode()) {
			if (!version.asString().equals(text(job, "version"))) {
				continue;
			}
			String name = text(job, "job");
			ran.add(name);
			JsonNode exit = job.get("exitCode");
			if (exit != null && exit.isNumber() && exit.asInt() != 0) {
				failed.add(name);
				String firstError = text(job, "firstError");
				if (rule.diedOf() != null && (firstError == null || !firstError.contains(rule.diedOf()))) {
					otherDeaths.add(name + " at " + text(job, "at") + ": " + firstError);
				}
			}
		}
		boolean ok = failed.equals(new TreeSet<>(rule.exactly())) && otherDeaths.isEmpty();
		String detail = "failed on " + version.asString() + ": " + (failed.isEmpty() ? "none" : String.join(", ", failed))
				+ " of " + (ran.isEmpty() ? "none run" : String.join(", ", ran))
				+ (otherDeaths.isEmpty() ? "" : "; not of " + rule.diedOf() + ": " + String.join("; ", otherDeaths));
		return new Line(ok, true, expectation.says() + " (" + detail + ")");
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	/** The number at a path; the message says what is wrong otherwise. */
	Number number(String path) {
		JsonNode node = at(path);
		if (node == null) {
			throw new IllegalArgumentException(path + ": not in " + FIGURES);
		}
		if (node.isNull()) {
			throw new IllegalArgumentException(path + " is null in " + FIGURES);
		}
		if (!node.isNumber()) {
			throw new IllegalArgumentException(path + " is not a number in " + FIGURES + ": " + node);
		}
		return node.numberValue();
	}

	/**
	 * The node at a dotted path: {@code summary.after.p99Ms}; {@code jobs[2]} selects by index,
	 * {@code jobs[job=refund-processor]} the first element whose field has that value. {@code null} when absent.
	 */
	JsonNode at(String path) {
		JsonNode node = this.figures;
		for (String segment : path.split("\\.(?![^\\[]*\\])")) {
			int bracket = segment.indexOf('[');
			String field = (bracket < 0) ? segment : segment.substring(0, bracket);
			node = node.get(field);
			if (node == null) {
				return null;
			}
			if (bracket >= 0) {
				String selector = segment.substring(bracket + 1, segment.length() - 1);
				node = select(node, selector);
				if (node == null) {
					return null;
				}
			}
		}
		return node;
	}

	private static JsonNode select(JsonNode array, String selector) {
		if (!array.isArray()) {
			return null;
		}
		int equals = selector.indexOf('=');
		if (equals < 0) {
			try {
				return array.get(Integer.parseInt(selector.strip()));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		String field = selector.substring(0, equals).strip();
		String value = selector.substring(equals + 1).strip();
		for (JsonNode element : array) {
			JsonNode candidate = element.get(field);
			if (candidate != null && !candidate.isNull() && candidate.asString().equals(value)) {
				return element;
			}
		}
		return null;
	}

	private static String bounds(Expectation expectation) {
		if (!expectation.checked()) {
			return ", not checked";
		}
		if (expectation.atLeast() != null && expectation.atMost() != null) {
			return ", within " + format(expectation.atLeast()) + " .. " + format(expectation.atMost());
		}
		return (expectation.atLeast() != null) ? ", at least " + format(expectation.atLeast())
				: ", at most " + format(expectation.atMost());
	}

	private static String format(double value) {
		return (value == Math.rint(value) && Math.abs(value) < 1e12) ? String.valueOf((long) value)
				: String.format(Locale.ROOT, "%.2f", value);
	}

}
