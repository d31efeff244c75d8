package dev.migration.core.scaffold;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The text of a squash revision: a Java class or a SQL baseline file holding the statements that rebuild a history. */
public final class SquashTemplate {

	/** How many statements one Java method holds: a method's code is limited to 64 KB. */
	private static final int STATEMENTS_PER_METHOD = 400;

	/** Longer literals are joined at run time: a constant string is limited to 64 KB. */
	private static final int LITERAL_CHUNK = 16_000;

	private static final int IDS_PER_LINE = 8;

	private SquashTemplate() {
	}

	/**
	 * Returns a squash revision class.
	 * @param squash what the squash is
	 * @param packageName the class's package
	 * @param className the class's simple name
	 * @return the source
	 */
	public static String java(Squash squash, String packageName, String className) {
		StringBuilder text = new StringBuilder("package " + packageName + ";\n\n"
				+ "import org.springframework.stereotype.Component;\n\n"
				+ "import dev.migration.core.Migration;\n"
				+ "import dev.migration.core.Operations;\n"
				+ "import dev.migration.core.Revision;\n\n"
				+ "/**\n * " + javadoc(squash.message()) + ".\n *\n"
				+ " * <p>Written " + squash.date() + " by the squash command from " + squash.source().replace("*/", "* /")
				+ ". A new\n"
				+ " * database runs it in place of the revisions it replaces; a database that has them all counts it\n"
				+ " * as applied without running it. Prove it with\n"
				+ " * {@code MigrationTester.assertSquashMatchesHistory(\"" + squash.id() + "\")} while they are still in\n"
				+ " * code, and delete them once every database is past them.\n */\n"
				+ "@Component\n"
				+ "@Revision(id = " + quoted(squash.id()) + ", message = " + quoted(squash.message()) + ", replaces = {\n"
				+ idLines(squash.replaces(), "\t\t", true, ",") + " })\n"
				+ "public class " + className + " implements Migration {\n\n");
		methods(text, "upgrade", squash.upgrade());
		methods(text, "downgrade", squash.downgrade());
		return text.append("}\n").toString();
	}

	/**
	 * Returns a SQL baseline file ({@code B<version>__<description>.sql}).
	 * @param squash what the squash is
	 * @return the file's text
	 */
	public static String sql(Squash squash) {
		StringBuilder text = new StringBuilder(idLines(squash.replaces(), "-- replaces: ", false, "") + "\n");
		text.append("\n-- ").append(squash.message().replace('\n', ' ')).append(".\n")
			.append("-- Written ").append(squash.date()).append(" by the squash command from ")
			.append(squash.source().replace('\n', ' ')).append(".\n")
			.append("-- A new database runs it in place of the files it replaces; a database that has them all\n")
			.append("-- counts it as applied without running it.\n\n");
		squash.upgrade().forEach((statement) -> text.append(statement.strip()).append(";\n\n"));
		return text.toString();
	}

	private static void methods(StringBuilder text, String name, List<String> statements) {
		List<List<String>> parts = new ArrayList<>();
		for (int i = 0; i < statements.size(); i += STATEMENTS_PER_METHOD) {
			parts.add(statements.subList(i, Math.min(statements.size(), i + STATEMENTS_PER_METHOD)));
		}
		text.append("\t@Override\n\tpublic void ").append(name).append("(Operations op) {\n");
		if (parts.size() == 1) {
			calls(text, parts.get(0));
		}
		else {
			for (int i = 0; i < parts.size(); i++) {
				text.append("\t\t").append(name).append(i + 1).append("(op);\n");
			}
		}
		text.append("\t}\n\n");
		for (int i = 0; parts.size() > 1 && i < parts.size(); i++) {
			text.append("\tprivate static void ").append(name).append(i + 1).append("(Operations op) {\n");
			calls(text, parts.get(i));
			text.append("\t}\n\n");
		}
	}

	private static void calls(StringBuilder text, List<String> statements) {
		statements.forEach((statement) -> text.append("\t\top.execute(").append(literal(statement.strip()))
			.append(");\n"));
	}

	/** A statement as a Java expression: line by line, joined at run time when a constant would be too long. */
	static String literal(String statement) {
		if (statement.length() <= LITERAL_CHUNK) {
			return lines(statement);
		}
		List<String> chunks = new ArrayList<>();
		for (int i = 0; i < statement.length(); i += LITERAL_CHUNK) {
			chunks.add(lines(statement.substring(i, Math.min(statement.length(), i + LITERAL_CHUNK))));
		}
		return "String.join(\"\",\n\t\t\t\t" + String.join(",\n\t\t\t\t", chunks) + ")";
	}

	private static String lines(String text) {
		List<String> lines = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				lines.add(text.substring(start, i + 1));
				start = i + 1;
			}
		}
		if (start < text.length() || lines.isEmpty()) {
			lines.add(text.substring(start));
		}
		return lines.stream().map(SquashTemplate::quoted).collect(Collectors.joining("\n\t\t\t\t+ "));
	}

	private static String idLines(List<String> ids, String prefix, boolean quote, String lineEnd) {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < ids.size(); i += IDS_PER_LINE) {
			lines.add(prefix + ids.subList(i, Math.min(ids.size(), i + IDS_PER_LINE)).stream()
				.map((id) -> quote ? quoted(id) : id).collect(Collectors.joining(", ")));
		}
		return String.join(lineEnd + "\n", lines);
	}

	/** A Java string literal: every character outside printable ASCII escaped, so no source encoding can change it. */
	static String quoted(String text) {
		StringBuilder literal = new StringBuilder("\"");
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> literal.append("\\\\");
				case '"' -> literal.append("\\\"");
				case '\n' -> literal.append("\\n");
				case '\t' -> literal.append("\\t");
				case '\r' -> literal.append("\\r");
				default -> literal.append((c < 0x20 || c > 0x7e) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
			}
		}
		return literal.append('"').toString();
	}

	private static String javadoc(String text) {
		String line = text.replace("*/", "* /").replace('\n', ' ').strip();
		return line.isEmpty() ? line : Character.toUpperCase(line.charAt(0)) + line.substring(1);
	}

	/**
	 * What a squash revision holds.
	 *
	 * @param id its revision id
	 * @param message its message
	 * @param replaces the ids of the revisions (or changesets) it stands for
	 * @param upgrade the statements that build what they built
	 * @param downgrade the statements that take it away again
	 * @param source where the statements were read, for its comment
	 * @param date when it was written
	 */
	public record Squash(String id, String message, List<String> replaces, List<String> upgrade,
			List<String> downgrade, String source, LocalDate date) {

		public Squash {
			replaces = List.copyOf(replaces);
			upgrade = List.copyOf(upgrade);
			downgrade = List.copyOf(downgrade);
		}

		/**
		 * Returns this squash with statements its downgrade runs before its own.
		 * @param statements the statements
		 * @return the squash
		 */
		public Squash withDowngradeFirst(List<String> statements) {
			List<String> all = new ArrayList<>(statements);
			all.addAll(this.downgrade);
			return new Squash(this.id, this.message, this.replaces, this.upgrade, all, this.source, this.date);
		}

		/**
		 * Returns this squash under another id, such as the {@code B<version>} of a SQL file.
		 * @param other the id
		 * @return the squash
		 */
		public Squash withId(String other) {
			return new Squash(other, this.message, this.replaces, this.upgrade, this.downgrade, this.source, this.date);
		}

	}

}
