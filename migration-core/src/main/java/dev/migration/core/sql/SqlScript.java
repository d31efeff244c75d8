package dev.migration.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.migration.core.MigrationException;
import dev.migration.core.dialect.PostgresScanner;

/**
 * One SQL migration file as found: where it is, its name and its text.
 *
 * @param location where it was found, for messages, such as
 * {@code classpath:db/migration/V1__init.sql}
 * @param fileName the file name without its folder
 * @param text the file's text
 */
public record SqlScript(String location, String fileName, String text) {

	public SqlScript {
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(fileName, "fileName");
		Objects.requireNonNull(text, "text");
	}

	/**
	 * Returns the file's statements, split the way PostgreSQL reads them.
	 * @return the statements, in order; empty for a file of only comments
	 * @throws InvalidSqlMigrationException naming the file when a literal or comment is not
	 * terminated
	 */
	public List<String> statements() {
		try {
			return PostgresScanner.split(this.text);
		}
		catch (MigrationException ex) {
			throw new InvalidSqlMigrationException(this.location, 0, ex.getMessage());
		}
	}

	/**
	 * Returns the values of the {@code -- <key>: <value>} lines at the top of the file, before
	 * its first statement, such as {@code -- revises: 3f9a1c} or {@code -- stage: background}.
	 * @param key the header key
	 * @return the values given for it, each split at commas
	 */
	public List<String> header(String key) {
		List<String> values = new ArrayList<>();
		for (String line : this.text.split("\\R")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			if (!trimmed.startsWith("--")) {
				break;
			}
			String comment = trimmed.substring(2).strip();
			int colon = comment.indexOf(':');
			if (colon > 0 && comment.substring(0, colon).strip().equalsIgnoreCase(key)) {
				for (String value : comment.substring(colon + 1).split(",")) {
					if (!value.isBlank()) {
						values.add(value.strip());
					}
				}
			}
		}
		return values;
	}

}
