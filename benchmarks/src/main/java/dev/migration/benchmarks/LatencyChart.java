package dev.migration.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.migration.benchmarks.LiveLoadBenchmark.Result;
import dev.migration.benchmarks.LiveLoadBenchmark.Step;

/**
 * Writes the latency-over-time chart of the live-load benchmark as a hand-made SVG: one panel
 * per scenario on a shared time axis (seconds since the idle baseline began) and a log latency
 * axis; per time bucket the median and the worst latency of the requests due in it; the
 * migration window shaded, its steps marked, the long transaction of C and its lock-timeout
 * retries shown, and the targets drawn as lines.
 */
final class LatencyChart {

	private static final long BUCKET_NANOS = 250_000_000L;

	private static final int WIDTH = 980;

	private static final int LEFT = 64;

	private static final int RIGHT = 16;

	private static final int TOP = 56;

	private static final int PANEL = 190;

	private static final int GAP = 58;

	private static final double MIN_MILLIS = 0.1;

	private final Svg svg = new Svg();

	private final double seconds;

	private final double maxMillis;

	private LatencyChart(double seconds, double maxMillis) {
		this.seconds = seconds;
		this.maxMillis = maxMillis;
	}

	static void write(Path file, List<Result> results, long rows, double rate) {
		double seconds = 0;
		double worst = 1000;
		for (Result result : results) {
			seconds = Math.max(seconds, (result.end() - result.idleStart()) / 1e9);
			worst = Math.max(worst, result.log().latency(result.idleStart(), result.end()).maxMillis());
		}
		double maxMillis = Math.pow(10, Math.ceil(Math.log10(worst)));
		LatencyChart chart = new LatencyChart(Math.ceil(seconds / 5) * 5, maxMillis);
		String text = chart.render(results, rows, rate);
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String render(List<Result> results, long rows, double rate) {
		int height = TOP + results.size() * (PANEL + GAP) + 24;
		append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
				+ "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">%n", WIDTH, height, WIDTH, height);
		append("<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n");
		append("<text x=\"%d\" y=\"20\" font-size=\"15\" font-weight=\"bold\">Client latency while migrating a table of "
				+ "%,d rows (%d clients, %.0f requests/s)</text>%n", LEFT, rows, LoadGenerator.CLIENTS, rate);
		legend(LEFT, 40);
		for (int i = 0; i < results.size(); i++) {
			panel(results.get(i), TOP + i * (PANEL + GAP) + 18);
		}
		append("</svg>%n");
		return this.svg.toString();
	}

	private void legend(int x, int y) {
		line(x, y, x + 22, y, "#c0392b", 1.6, null);
		text(x + 28, y + 4, "start", "worst latency per 250 ms", null);
		line(x + 180, y, x + 202, y, "#1f5fa8", 1.6, null);
		text(x + 208, y + 4, "start", "median per 250 ms", null);
		append("<rect x=\"%d\" y=\"%d\" width=\"22\" height=\"10\" fill=\"#f6d7a7\"/>%n", x + 340, y - 5);
		text(x + 368, y + 4, "start", "migration", null);
		append("<rect x=\"%d\" y=\"%d\" width=\"22\" height=\"10\" fill=\"#c9c6ea\"/>%n", x + 440, y - 5);
		text(x + 468, y + 4, "start", "long transaction (C)", null);
		line(x + 600, y, x + 622, y, "#2e7d32", 1.2, "5,3");
		text(x + 628, y + 4, "start", "2x idle p99", null);
		line(x + 710, y, x + 732, y, "#444", 1.2, "2,3");
		text(x + 738, y + 4, "start", "1 s", null);
	}

	private void panel(Result result, int top) {
		int width = WIDTH - LEFT - RIGHT;
		RequestLog.Stats idle = result.idle();
		RequestLog.Stats migration = result.migration();
		append("<text x=\"%d\" y=\"%d\" font-size=\"13\" font-weight=\"bold\">%s</text>%n", LEFT, top - 8,
				escape(result.scenario().label));
		text(WIDTH - RIGHT, top - 8, "end", String.format(Locale.ROOT,
				"idle p99 %.1f ms · migration p99 %.1f ms, max %.0f ms · errors %d · migration %.1f s", idle.millis(0.99),
				migration.millis(0.99), migration.maxMillis(), result.errors(), result.migrationSeconds()), null);
		append("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" stroke=\"#999\"/>%n", LEFT, top, width,
				PANEL);
		band(result, result.migrationStart(), result.migrationEnd(), top, PANEL, "#f6d7a7");
		if (result.held() != null) {
			band(result, result.held()[0], result.held()[1], top, 14, "#c9c6ea");
			text(x(result, result.held()[0]) + 4, top + 11, "start", "long transaction holds ACCESS SHARE", "#3d2f80");
		}
		grid(top);
		List<Step> steps = result.steps();
		for (int i = 0; i < steps.size(); i++) {
			double x = x(result, steps.get(i).start());
			if (i > 0) {
				line(x, top, x, top + PANEL, "#b07a2a", 0.6, "2,2");
			}
			double next = x(result, steps.get(i).end());
			text((x + next) / 2, top + 26, "middle", String.valueOf(i + 1), "#8a5a14");
		}
		for (long retry : result.retries()) {
			double x = x(result, retry);
			append("<path d=\"M%.1f %d l-4 -7 h8 z\" fill=\"#6a4fb3\"/>%n", x, top + PANEL);
		}
		if (!result.retries().isEmpty()) {
			text(x(result, result.retries().get(0)) + 6, top + PANEL - 4, "start",
					result.retries().size() + " lock-timeout retries", "#6a4fb3");
		}
		double target = 2 * idle.millis(0.99);
		line(LEFT, y(target, top), LEFT + width, y(target, top), "#2e7d32", 1.2, "5,3");
		line(LEFT, y(1000, top), LEFT + width, y(1000, top), "#444", 1.2, "2,3");
		series(result, top);
		errors(result, top);
		text(LEFT + width / 2.0, top + PANEL + 30, "middle", "seconds since the idle baseline began", "#555");
	}

	private void band(Result result, long from, long to, int top, int height, String colour) {
		double x1 = x(result, from);
		double x2 = x(result, to);
		append("<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n", x1, top,
				Math.max(1, x2 - x1), height, colour);
	}

	private void grid(int top) {
		int width = WIDTH - LEFT - RIGHT;
		for (double millis = MIN_MILLIS; millis <= this.maxMillis * 1.001; millis *= 10) {
			double y = y(millis, top);
			line(LEFT, y, LEFT + width, y, "#e2e2e2", 0.8, null);
			text(LEFT - 6, y + 4, "end", label(millis), "#555");
		}
		int step = (this.seconds > 60) ? 10 : 5;
		for (int s = 0; s <= this.seconds; s += step) {
			double x = LEFT + s / this.seconds * width;
			line(x, top + PANEL, x, top + PANEL + 4, "#555", 0.8, null);
			text(x, top + PANEL + 16, "middle", String.valueOf(s), "#555");
		}
		append("<text x=\"%d\" y=\"%d\" transform=\"rotate(-90 %d %d)\" text-anchor=\"middle\" fill=\"#555\">latency "
				+ "(ms, log)</text>%n", 14, top + PANEL / 2, 14, top + PANEL / 2);
	}

	/** The median and worst latency of each bucket of requests, by the time they were due. */
	private void series(Result result, int top) {
		RequestLog log = result.log();
		StringBuilder worst = new StringBuilder();
		StringBuilder median = new StringBuilder();
		for (long from = result.idleStart(); from < result.end(); from += BUCKET_NANOS) {
			int start = log.firstDueAt(from);
			int end = log.firstDueAt(Math.min(from + BUCKET_NANOS, result.end()));
			if (end == start) {
				continue;
			}
			int[] latencies = new int[end - start];
			for (int i = start; i < end; i++) {
				latencies[i - start] = log.latencyMicros(i);
			}
			Arrays.sort(latencies);
			double x = x(result, from + BUCKET_NANOS / 2);
			point(worst, x, y(latencies[latencies.length - 1] / 1000.0, top));
			point(median, x, y(latencies[(latencies.length - 1) / 2] / 1000.0, top));
		}
		append("<polyline fill=\"none\" stroke=\"#c0392b\" stroke-width=\"1.3\" points=\"%s\"/>%n", worst);
		append("<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"1.3\" points=\"%s\"/>%n", median);
	}

	private void errors(Result result, int top) {
		RequestLog log = result.log();
		double lastX = -10;
		for (int i = log.firstDueAt(result.idleStart()); i < log.size(); i++) {
			if (log.failed(i)) {
				double x = x(result, log.due(i));
				if (x - lastX >= 3) {
					append("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#d00\" font-weight=\"bold\">×</text>%n",
							x, top + PANEL - 12);
					lastX = x;
				}
			}
		}
	}

	private static void point(StringBuilder points, double x, double y) {
		points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
	}

	private double x(Result result, long nanos) {
		return LEFT + (nanos - result.idleStart()) / 1e9 / this.seconds * (WIDTH - LEFT - RIGHT);
	}

	private double y(double millis, int top) {
		double low = Math.log10(MIN_MILLIS);
		double high = Math.log10(this.maxMillis);
		double value = Math.log10(Math.max(MIN_MILLIS, Math.min(this.maxMillis, millis)));
		return top + PANEL * (1 - (value - low) / (high - low));
	}

	private static String label(double millis) {
		if (millis >= 1000) {
			return String.format(Locale.ROOT, "%.0f s", millis / 1000);
		}
		return (millis >= 1) ? String.format(Locale.ROOT, "%.0f", millis) : String.format(Locale.ROOT, "%.1f", millis);
	}

	private void line(double x1, double y1, double x2, double y2, String colour, double width, String dashes) {
		this.svg.line(x1, y1, x2, y2, colour, width, dashes);
	}

	private void text(double x, double y, String anchor, String text, String colour) {
		this.svg.text(x, y, anchor, text, colour);
	}

	private void append(String format, Object... args) {
		this.svg.append(format, args);
	}

	private static String escape(String text) {
		return Svg.escape(text);
	}

}
