package dev.migration.core.sql;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Flyway's placeholders in SQL files: each {@code ${name}} (prefix and suffix configurable) is
 * replaced by its value before the file is split, linted, checksummed or run, so every use sees
 * the text that runs. Names match without regard to case, as Flyway matches them; besides the
 * configured values there are Flyway's built-ins {@code flyway:defaultSchema},
 * {@code flyway:user}, {@code flyway:database}, {@code flyway:timestamp},
 * {@code flyway:filename} and {@code flyway:table}. A placeholder without a value is an error
 * naming the file and line: its text never runs. A placeholder's name is made of letters,
 * digits, {@code _}, {@code .}, {@code :} and {@code -}, on one line; other text between a
 * prefix and a suffix is left as written.
 *
 * @param enabled whether placeholders are replaced; when not, files run as written
 * @param prefix what opens a placeholder, {@code ${} as in Flyway
 * @param suffix what closes it, <code>}</code>
 * @param values the configured values, by name
 * @param builtIns the values of Flyway's built-ins that depend on the database
 */
public record Placeholders(boolean enabled, String prefix, String suffix, Map<String, String> values,
		BuiltInPlaceholders builtIns) {

	/** Flyway's syntax with no configured values; built-ins that need the database are unknown. */
	public static final Placeholders DEFAULTS = new Placeholders(true, "${", "}", Map.of(), BuiltInPlaceholders.NONE);

	private static final String BUILT_IN = "flyway:";

	/** What a placeholder's name is made of: letters, digits, and the separators of property names. */
	private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.:\\-]+");

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	public Placeholders {
		Objects.requireNonNull(prefix, "prefix");
		Objects.requireNonNull(suffix, "suffix");
		Objects.requireNonNull(builtIns, "builtIns");
		if (prefix.isEmpty() || suffix.isEmpty()) {
			throw new IllegalArgumentException("The placeholder prefix and suffix must not be empty "
					+ "(migrations.placeholder-prefix, migrations.placeholder-suffix).");
		}
		Map<String, String> byName = new LinkedHashMap<>();
		values.forEach((name, value) -> byName.put(name.toLowerCase(Locale.ROOT), Objects.requireNonNull(value, name)));
		values = Map.copyOf(byName);
	}

	/**
	 * Returns these placeholders with other configured values.
	 * @param more the values, by name
	 * @return the placeholders
	 */
	public Placeholders withValues(Map<String, String> more) {
		return new Placeholders(this.enabled, this.prefix, this.suffix, more, this.builtIns);
	}

	/**
	 * Returns these placeholders with the built-ins of a database.
	 * @param database the built-ins
	 * @return the placeholders
	 */
	public Placeholders withBuiltIns(BuiltInPlaceholders database) {
		return new Placeholders(this.enabled, this.prefix, this.suffix, this.values, database);
	}

	/**
	 * Replaces the placeholders of each file.
	 * @param scripts the files as read
	 * @return the files as they run, in the same order
	 * @throws InvalidSqlMigrationException naming the file and line of a placeholder without a value
	 */
	public List<SqlScript> apply(List<SqlScript> scripts) {
		List<SqlScript> replaced = new ArrayList<>(scripts.size());
		scripts.forEach((script) -> replaced.add(apply(script)));
		return List.copyOf(replaced);
	}

	/**
	 * Replaces the placeholders of one file.
	 * @param script the file as read
	 * @return the file as it runs; the same file when it holds no placeholder or replacement is off
	 * @throws InvalidSqlMigrationException naming the file and line of a placeholder without a value
	 */
	public SqlScript apply(SqlScript script) {
		String text = script.text();
		int start = this.enabled ? text.indexOf(this.prefix) : -1;
		if (start < 0) {
			return script;
		}
		StringBuilder replaced = new StringBuilder(text.length());
		int copied = 0;
		while (start >= 0) {
			int end = text.indexOf(this.suffix, start + this.prefix.length());
			int lineEnd = text.indexOf('\n', start);
			// a placeholder is on one line and names something: '${' AS open, '}' in a query is text
			if (end < 0 || (lineEnd >= 0 && lineEnd < end)
					|| !NAME.matcher(text).region(start + this.prefix.length(), end).matches()) {
				start = text.indexOf(this.prefix, start + this.prefix.length());
				continue;
			}
			String name = text.substring(start + this.prefix.length(), end);
			replaced.append(text, copied, start).append(value(name, script, line(text, start)));
			copied = end + this.suffix.length();
			start = text.indexOf(this.prefix, copied);
		}
		replaced.append(text, copied, text.length());
		return script.running(replaced.toString());
	}

	private String value(String name, SqlScript script, int line) {
		String key = name.toLowerCase(Locale.ROOT);
		String value = this.values.get(key);
		if (value != null) {
			return value;
		}
		if (key.startsWith(BUILT_IN) && this.builtIns.variesPerTenant(key.substring(BUILT_IN.length()))) {
			throw new InvalidSqlMigrationException(script.location(), line, "the placeholder " + this.prefix + name
					+ this.suffix + " has a value of its own in each tenant, but the revisions run on many tenants "
					+ "(migrations.tenants) and a file is read once for all of them; write the names unqualified, "
					+ "since each tenant's steps run with its schema as the search path");
		}
		if (key.startsWith(BUILT_IN)) {
			String builtIn = builtIn(key.substring(BUILT_IN.length()), script);
			if (builtIn != null) {
				return builtIn;
			}
		}
		throw new InvalidSqlMigrationException(script.location(), line, "the placeholder " + this.prefix + name
				+ this.suffix + " has no value; set migrations.placeholders." + name + " (names match without regard "
				+ "to case), or, if the text is no placeholder, set migrations.placeholder-replacement=false");
	}

	private String builtIn(String name, SqlScript script) {
		return switch (name) {
			case "filename" -> script.fileName();
			case "timestamp" -> LocalDateTime.now().format(TIMESTAMP);
			case "defaultschema" -> this.builtIns.defaultSchema();
			case "user" -> this.builtIns.user();
			case "database" -> this.builtIns.database();
			case "table" -> this.builtIns.table();
			default -> null;
		};
	}

	private static int line(String text, int offset) {
		int line = 1;
		for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
			line++;
		}
		return line;
	}

}
