package dev.migration.core.op;

import java.time.Duration;
import java.util.Objects;

import dev.migration.core.MigrationException;
import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * Names the two columns a rename or type change keeps in step, how each is computed from the
 * other, and what is built from them: the trigger (and its function) that copies writes both
 * ways, and the backfill of the new column.
 *
 * @param table the table
 * @param column the old column
 * @param newName the new column
 * @param forward SQL computing the new column from a row, such as {@code round(total * 100)},
 * or {@code null} to copy the old column as it is
 * @param backward SQL computing the old column from a row, such as {@code total_cents / 100.0},
 * or {@code null} to copy the new column as it is
 */
public record ColumnSync(QualifiedName table, String column, String newName, String forward, String backward) {

	/** The dollar quote of the trigger function's body, which a conversion must not contain. */
	public static final String BODY_QUOTE = "$sync$";

	public ColumnSync {
		Objects.requireNonNull(table, "table");
		Names.require("column", column);
		Names.require("column", newName);
		requireConversion(table, column, newName, forward, "forward");
		requireConversion(table, column, newName, backward, "backward");
	}

	/**
	 * Creates the sync of a plain rename: each column a copy of the other.
	 * @param table the table
	 * @param column the old column
	 * @param newName the new column
	 */
	public ColumnSync(QualifiedName table, String column, String newName) {
		this(table, column, newName, null, null);
	}

	private static void requireConversion(QualifiedName table, String column, String newName, String sql,
			String direction) {
		if (sql != null && (sql.isBlank() || sql.contains(BODY_QUOTE) || sql.contains(";"))) {
			throw new MigrationException("The " + direction + " conversion between " + table + "." + column + " and "
					+ newName + " must be one SQL expression over the row's columns, without ';' or " + BODY_QUOTE
					+ ", but was: " + sql);
		}
	}

	/**
	 * Returns whether the columns are converted, not copied.
	 * @return whether a conversion is given either way
	 */
	public boolean converts() {
		return this.forward != null || this.backward != null;
	}

	/**
	 * Returns the SQL that computes the new column from a row.
	 * @return the forward expression
	 */
	public String forwardSql() {
		return (this.forward != null) ? this.forward : quoted(this.column);
	}

	/**
	 * Returns the SQL that computes the old column from a row.
	 * @return the backward expression
	 */
	public String backwardSql() {
		return (this.backward != null) ? this.backward : quoted(this.newName);
	}

	/**
	 * Returns the same sync seen from the new column, for filling the old one.
	 * @return the reversed sync
	 */
	public ColumnSync reversed() {
		return new ColumnSync(this.table, this.newName, this.column, this.backward, this.forward);
	}

	/**
	 * Returns the name of the trigger and of its function.
	 * @return the name
	 */
	public String name() {
		String name = this.table.name() + "_sync_" + this.column + "_" + this.newName;
		// PostgreSQL's limit is 63 bytes
		return (name.length() <= 63) ? name : name.substring(0, 54) + "_" + Integer.toHexString(name.hashCode());
	}

	/**
	 * Returns the backfill that copies the old column into the new one along {@code key}.
	 * @param key the unique, not-null key to walk
	 * @return the backfill
	 */
	public Backfill backfill(String key) {
		// always quoted: this text is also the backfill's progress name, so it must not depend on a dialect;
		// a row whose old value converts to NULL has nothing to fill, so the final check must not count it
		return new Backfill(this.table, key, quoted(this.newName) + " = " + forwardSql(),
				quoted(this.newName) + " IS NULL AND (" + forwardSql() + ") IS NOT NULL", 1_000, Duration.ofMillis(100),
				Duration.ofMillis(10));
	}

	private static String quoted(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

}
