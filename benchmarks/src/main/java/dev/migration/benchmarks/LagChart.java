package dev.migration.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import dev.migration.benchmarks.ReplicaLagBenchmark.Result;
import dev.migration.benchmarks.ReplicaLagBenchmark.Sample;

/**
 * Writes the replay lag over time of {@link ReplicaLagBenchmark} as a hand-made SVG: one panel
 * per case on a shared time axis (seconds since the backfill started) and a linear lag axis of
 * its own; the lag as the guard reads it and the standby's own, the backfill's time shaded, its
 * waits marked along the top, and the bound drawn as a line.
 */
final class LagChart {

	private static final int WIDTH = 980;

	private static final int LEFT = 64;

	private static final int RIGHT = 16;

	private static final int TOP = 56;

	private static final int PANEL = 200;

	private static final int GAP = 62;

	private static final String GUARD = "#1f5fa8";

	private static final String STANDBY = "#c0392b";

	private static final String BOUND = "#2e7d32";

	private static final String WAIT = "#8e6bc7";

	private final Svg svg = new Svg();

	private final double seconds;

	private final double bound;

	private LagChart(double seconds, double bound) {
		this.seconds = seconds;
		this.bound = bound;
	}

	static void write(Path file, List<Result> results, int rows, Duration bound, long link) {
		double seconds = results.stream().mapToDouble(Result::caughtUpSeconds).max().orElse(1);
		LagChart chart = new LagChart(Math.ceil(seconds / 10) * 10, bound.toMillis() / 1000.0);
		String text = chart.render(results, rows, link);
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String render(List<Result> results, int rows, long link) {
		int height = TOP + results.size() * (PANEL + GAP) + 10;
		this.svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
				+ "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">%n", WIDTH, height, WIDTH, height);
		this.svg.append("<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n");
		this.svg.append("<text x=\"%d\" y=\"20\" font-size=\"15\" font-weight=\"bold\">Standby replay lag while backfilling %,d rows "
				+ "(the standby's WAL through a link of %.0f MiB/s)</text>%n", LEFT, rows, link / 1048576.0);
		legend(LEFT, 40);
		for (int i = 0; i < results.size(); i++) {
			panel(results.get(i), TOP + i * (PANEL + GAP) + 18);
		}
		this.svg.append("</svg>%n");
		return this.svg.toString();
	}

	private void legend(int x, int y) {
		this.svg.line(x, y, x + 22, y, GUARD, 1.8, null);
		this.svg.text(x + 28, y + 4, "start", "the guard's view: pg_stat_replication.replay_lag", null);
		this.svg.line(x + 300, y, x + 322, y, STANDBY, 1.0, null);
		this.svg.text(x + 328, y + 4, "start", "the standby's own: age of the oldest WAL not replayed", null);
		this.svg.append("<rect x=\"%d\" y=\"%d\" width=\"22\" height=\"10\" fill=\"#f6d7a7\"/>%n", x + 640, y - 5);
		this.svg.text(x + 668, y + 4, "start", "backfill", null);
		this.svg.append("<rect x=\"%d\" y=\"%d\" width=\"22\" height=\"10\" fill=\"%s\"/>%n", x + 722, y - 5, WAIT);
		this.svg.text(x + 750, y + 4, "start", "waits", null);
		this.svg.line(x + 792, y, x + 814, y, BOUND, 1.4, "6,3");
		this.svg.text(x + 820, y + 4, "start", "bound", null);
	}

	private void panel(Result result, int top) {
		int width = WIDTH - LEFT - RIGHT;
		double high = niceCeiling(Math.max(this.bound * 1.5,
				Math.max(result.max(Sample::guardLag), result.max(Sample::standbyLag))));
		this.svg.append("<text x=\"%d\" y=\"%d\" font-size=\"13\" font-weight=\"bold\">%s</text>%n", LEFT, top - 8,
				Svg.escape(result.label()));
		this.svg.text(WIDTH - RIGHT, top - 8, "end", String.format(Locale.ROOT,
				"backfill %.1f s · standby caught up at %.1f s · max lag %.2f s, p95 %.2f s · waited %.1f s",
				result.backfillSeconds(), result.caughtUpSeconds(), result.max(Sample::guardLag),
				result.percentile(Sample::guardLag, 0.95), result.pausedSeconds()), null);
		this.svg.append("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" stroke=\"#999\"/>%n", LEFT, top, width,
				PANEL);
		band(0, result.backfillSeconds(), top, PANEL, "#f6d7a7");
		waits(result, top);
		grid(top, high);
		this.svg.line(LEFT, y(this.bound, top, high), LEFT + width, y(this.bound, top, high), BOUND, 1.4, "6,3");
		series(result, Sample::standbyLag, top, high, STANDBY, 1.0);
		series(result, Sample::guardLag, top, high, GUARD, 1.8);
		this.svg.text(LEFT + width / 2.0, top + PANEL + 30, "middle", "seconds since the backfill started", "#555");
	}

	/** Each stretch of samples that found the backfill waiting, from the first such sample to the next that did not. */
	private void waits(Result result, int top) {
		List<Sample> samples = result.samples();
		int i = 0;
		while (i < samples.size()) {
			if (samples.get(i).paused() == null) {
				i++;
				continue;
			}
			int from = i;
			while (i < samples.size() && samples.get(i).paused() != null) {
				i++;
			}
			double end = samples.get(Math.min(i, samples.size() - 1)).seconds();
			band(samples.get(from).seconds(), end, top, 12, WAIT);
		}
	}

	private void band(double from, double to, int top, int height, String colour) {
		double x1 = x(from);
		double x2 = x(to);
		this.svg.append("<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n", x1, top, Math.max(1, x2 - x1),
				height, colour);
	}

	private void grid(int top, double high) {
		int width = WIDTH - LEFT - RIGHT;
		double step = niceCeiling(high / 5);
		for (double lag = 0; lag <= high * 1.001; lag += step) {
			double y = y(lag, top, high);
			this.svg.line(LEFT, y, LEFT + width, y, "#e2e2e2", 0.8, null);
			this.svg.text(LEFT - 6, y + 4, "end", String.format(Locale.ROOT, (step < 1) ? "%.1f" : "%.0f", lag), "#555");
		}
		int every = (this.seconds > 200) ? 20 : (this.seconds > 60) ? 10 : 5;
		for (int s = 0; s <= this.seconds; s += every) {
			double x = x(s);
			this.svg.line(x, top + PANEL, x, top + PANEL + 4, "#555", 0.8, null);
			this.svg.text(x, top + PANEL + 16, "middle", String.valueOf(s), "#555");
		}
		this.svg.append("<text x=\"%d\" y=\"%d\" transform=\"rotate(-90 %d %d)\" text-anchor=\"middle\" fill=\"#555\">replay lag "
				+ "(s)</text>%n", 18, top + PANEL / 2, 18, top + PANEL / 2);
	}

	private void series(Result result, ToDoubleFunction<Sample> value, int top, double high, String colour,
			double width) {
		StringBuilder points = new StringBuilder();
		for (Sample sample : result.samples()) {
			points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(sample.seconds()),
					y(value.applyAsDouble(sample), top, high)));
		}
		this.svg.append("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\" points=\"%s\"/>%n", colour, width,
				points.toString().strip());
	}

	/** 1, 2 or 5 times a power of ten, at or above the value. */
	private static double niceCeiling(double value) {
		double power = Math.pow(10, Math.floor(Math.log10(value)));
		for (double factor : new double[] { 1, 2, 5, 10 }) {
			if (factor * power >= value * 0.999) {
				return factor * power;
			}
		}
		return 10 * power;
	}

	private double x(double seconds) {
		return LEFT + seconds / this.seconds * (WIDTH - LEFT - RIGHT);
	}

	private static double y(double lag, int top, double high) {
		return top + PANEL * (1 - Math.max(0, Math.min(high, lag)) / high);
	}

}
