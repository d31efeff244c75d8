package dev.migration.benchmarks;

import java.util.Locale;

/** The few SVG elements the hand-made charts draw, written in order into one document. */
final class Svg {

	private final StringBuilder out = new StringBuilder();

	void line(double x1, double y1, double x2, double y2, String colour, double width, String dashes) {
		append("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>%n", x1, y1,
				x2, y2, colour, width, (dashes != null) ? " stroke-dasharray=\"" + dashes + "\"" : "");
	}

	void text(double x, double y, String anchor, String text, String colour) {
		append("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s>%s</text>%n", x, y, anchor,
				(colour != null) ? " fill=\"" + colour + "\"" : "", escape(text));
	}

	/** Appends markup as given, formatted with the root locale so decimals keep their point. */
	void append(String format, Object... args) {
		this.out.append(String.format(Locale.ROOT, format, args));
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	@Override
	public String toString() {
		return this.out.toString();
	}

}
