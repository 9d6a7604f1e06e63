package io.firedrill.kit.replay;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The two graphs on-call looks at, as standalone SVG (no script, no font or style from outside): the error
 * rate of {@code POST /api/checkout} per minute, and its p50 and p99 latency per minute, each with the deploy
 * marked. A value is drawn as a step over its minute, so the deploy is a step on the graph.
 */
final class Charts {

	static final int WIDTH = 760;

	static final int HEIGHT = 300;

	static final int LEFT = 64;

	static final int RIGHT = 24;

	static final int TOP = 44;

	static final int BOTTOM = 48;

	/** One line of a chart: a value per minute ({@code NaN}: no data). */
	record Line(String name, String color, double[] values, boolean dashed) {
	}

	private Charts() {
	}

	static String errorRate(List<LocalDateTime> minutes, double[] rates, LocalDateTime deployAt, String deployLabel) {
		double top = niceTop(Math.max(0.02, max(rates) * 1.1));
		return chart("checkout-service — POST /api/checkout error rate (non-2xx), per minute", "error-rate", minutes,
				List.of(new Line("error rate", "#d62728", rates, false)), top, deployAt, deployLabel,
				(value) -> formatPercent(value, top));
	}

	static String latency(List<LocalDateTime> minutes, double[] p50, double[] p99, LocalDateTime deployAt,
			String deployLabel) {
		double top = niceTop(Math.max(0.001, Math.max(max(p99), max(p50)) * 1.1));
		return chart("checkout-service — POST /api/checkout latency, per minute", "latency", minutes,
				List.of(new Line("p99", "#1f77b4", p99, false), new Line("p50", "#7f7f7f", p50, true)), top, deployAt,
				deployLabel, Charts::formatMillis);
	}

	private static String chart(String title, String id, List<LocalDateTime> minutes, List<Line> lines, double top,
			LocalDateTime deployAt, String deployLabel, java.util.function.DoubleFunction<String> label) {
		int plotWidth = WIDTH - LEFT - RIGHT;
		int plotHeight = HEIGHT - TOP - BOTTOM;
		int n = minutes.size();
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"").append(id)
			.append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
			.append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
			.append("\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"12\" data-minutes=\"")
			.append(n).append("\">\n");
		svg.append("<title>").append(escape(title)).append("</title>\n");
		svg.append("<rect width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" fill=\"#ffffff\"/>\n");
		svg.append("<text x=\"").append(LEFT).append("\" y=\"22\" font-size=\"14\" font-weight=\"bold\" fill=\"#222\">")
			.append(escape(title)).append("</text>\n");
		// horizontal grid and y labels, on round values
		int ticks = (int) Math.round(top / tickStep(top));
		for (int i = 0; i <= ticks; i++) {
			double value = top * i / ticks;
			double y = TOP + plotHeight - plotHeight * (value / top);
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>\n", LEFT, y,
					LEFT + plotWidth, y));
			svg.append(String.format(Locale.ROOT,
					"<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#555\">%s</text>\n", LEFT - 6, y + 4,
					escape(label.apply(value))));
		}
		svg.append(String.format(Locale.ROOT,
				"<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>\n", LEFT, TOP,
				plotWidth, plotHeight));
		// x labels: every 5 minutes, and the last boundary
		for (int i = 0; i <= n; i++) {
			LocalDateTime at = (i < n) ? minutes.get(i) : minutes.get(n - 1).plusMinutes(1);
			if (at.getMinute() % 5 != 0) {
				continue;
			}
			double x = LEFT + plotWidth * ((double) i / n);
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\"/>\n", x, TOP + plotHeight, x,
					TOP + plotHeight + 5));
			svg.append(String.format(Locale.ROOT,
					"<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>\n", x,
					TOP + plotHeight + 19, Replay.hhmm(at)));
		}
		// the deploy
		int deployIndex = -1;
		for (int i = 0; i < n; i++) {
			if (!minutes.get(i).isBefore(deployAt)) {
				deployIndex = i;
				break;
			}
		}
		if (deployIndex > 0) {
			double x = LEFT + plotWidth * ((double) deployIndex / n);
			svg.append(String.format(Locale.ROOT,
					"<line class=\"deploy\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#444\" stroke-dasharray=\"5,4\"/>\n",
					x, TOP, x, TOP + plotHeight));
			svg.append(String.format(Locale.ROOT,
					"<text x=\"%.1f\" y=\"%d\" fill=\"#222\">%s</text>\n", x + 5, TOP + 14,
					escape(Replay.hhmm(deployAt) + " deploy " + deployLabel)));
		}
		// lines, as steps over each minute
		int legendX = LEFT + plotWidth - 10;
		for (int l = lines.size() - 1; l >= 0; l--) {
			Line line = lines.get(l);
			svg.append("<polyline class=\"series\" data-series=\"").append(escape(line.name()))
				.append("\" fill=\"none\" stroke=\"").append(line.color())
				.append("\" stroke-width=\"2\"")
				.append(line.dashed() ? " stroke-dasharray=\"6,3\"" : "")
				.append(" points=\"").append(points(line.values(), top, plotWidth, plotHeight)).append("\"/>\n");
		}
		for (int l = 0; l < lines.size(); l++) {
			Line line = lines.get(l);
			int y = TOP + plotHeight + 38;
			int x = LEFT + l * 110;
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>\n", x, y - 4,
					x + 24, y - 4, line.color(), line.dashed() ? " stroke-dasharray=\"6,3\"" : ""));
			svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#222\">%s</text>\n", x + 30, y,
					escape(line.name())));
		}
		svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#777\">%s</text>\n",
				legendX + 10, TOP + plotHeight + 38, escape(day(minutes))));
		svg.append("</svg>\n");
		return svg.toString();
	}

	/** Steps: each minute is a horizontal segment; a minute without data breaks the line. */
	private static String points(double[] values, double top, int plotWidth, int plotHeight) {
		List<String> points = new ArrayList<>();
		int n = values.length;
		for (int i = 0; i < n; i++) {
			double value = values[i];
			if (Double.isNaN(value)) {
				continue;
			}
			double y = TOP + plotHeight - plotHeight * Math.min(1, Math.max(0, value / top));
			double x0 = LEFT + plotWidth * ((double) i / n);
			double x1 = LEFT + plotWidth * ((double) (i + 1) / n);
			points.add(String.format(Locale.ROOT, "%.1f,%.1f %.1f,%.1f", x0, y, x1, y));
		}
		return String.join(" ", points);
	}

	private static String day(List<LocalDateTime> minutes) {
		LocalDateTime first = minutes.get(0);
		return first.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH) + " "
				+ first.getDayOfMonth() + " "
				+ first.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)
				+ " (UTC), one point per minute";
	}

	/** A round step giving 4 to 8 grid lines up to about {@code value}. */
	static double tickStep(double value) {
		double raw = value / 5;
		double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
		for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (step * magnitude >= raw - 1e-12) {
				return step * magnitude;
			}
		}
		return 10 * magnitude;
	}

	/** The top of the axis: the first multiple of a round step at or above {@code value}. */
	static double niceTop(double value) {
		double step = tickStep(value);
		return step * Math.ceil(value / step - 1e-9);
	}

	static double niceCeiling(double value) {
		double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
		for (double step : new double[] { 1, 2, 2.5, 4, 5, 8, 10 }) {
			if (step * magnitude >= value - 1e-12) {
				return step * magnitude;
			}
		}
		return 10 * magnitude;
	}

	private static double max(double[] values) {
		double max = 0;
		for (double value : values) {
			if (!Double.isNaN(value)) {
				max = Math.max(max, value);
			}
		}
		return max;
	}

	static String formatPercent(double value, double top) {
		double percent = value * 100;
		return (Math.abs(percent - Math.rint(percent)) < 1e-6) ? String.format(Locale.ROOT, "%.0f %%", percent)
				: String.format(Locale.ROOT, "%.1f %%", percent);
	}

	static String formatMillis(double seconds) {
		double ms = seconds * 1000;
		return (Math.abs(ms - Math.rint(ms)) < 1e-6) ? String.format(Locale.ROOT, "%.0f ms", ms)
				: String.format(Locale.ROOT, "%.1f ms", ms);
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
