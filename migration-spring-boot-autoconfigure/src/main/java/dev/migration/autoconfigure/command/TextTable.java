package dev.migration.autoconfigure.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table with a header and left-aligned columns two spaces apart, for a terminal
 * or a Job's log.
 */
final class TextTable {

	private final List<String[]> rows = new ArrayList<>();

	private TextTable(String[] header) {
		this.rows.add(header);
	}

	static TextTable withHeader(String... header) {
		return new TextTable(header);
	}

	TextTable row(Object... cells) {
		if (cells.length != this.rows.get(0).length) {
			throw new IllegalArgumentException("Expected " + this.rows.get(0).length + " cells but got " + cells.length);
		}
		this.rows.add(Arrays.stream(cells).map(TextTable::cell).toArray(String[]::new));
		return this;
	}

	String render() {
		int[] widths = new int[this.rows.get(0).length];
		for (String[] row : this.rows) {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		StringBuilder text = new StringBuilder();
		for (String[] row : this.rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < row.length; i++) {
				line.append(row[i]);
				if (i < row.length - 1) {
					line.append(" ".repeat(widths[i] - row[i].length() + 2));
				}
			}
			text.append(line.toString().stripTrailing()).append(System.lineSeparator());
		}
		return text.toString();
	}

	private static String cell(Object value) {
		// a line break inside a cell would tear the table apart
		return (value != null) ? value.toString().replaceAll("\\s*\\R\\s*", " ") : "";
	}

}
