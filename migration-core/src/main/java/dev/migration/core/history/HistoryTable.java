package dev.migration.core.history;

import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * Where the history lives: the append-only log table and, beside it, the state table that
 * holds one row per applied revision (named after the log table with {@code _state}).
 *
 * @param schema the schema, or {@code null} for the first schema on the search path
 * @param table the log table name
 */
public record HistoryTable(String schema, String table) {

	/** The default log table name. */
	public static final String DEFAULT_TABLE = "migration_history";

	private static final String STATE_SUFFIX = "_state";

	private static final String PROGRESS_SUFFIX = "_progress";

	private static final String TENANTS_SUFFIX = "_tenants";

	public HistoryTable {
		if (schema != null) {
			Names.require("history schema (migrations.schema)", schema);
		}
		Names.require("history table (migrations.table)", table);
		Names.require("history state table (migrations.table + \"" + STATE_SUFFIX + "\")", table + STATE_SUFFIX);
		Names.require("history progress table (migrations.table + \"" + PROGRESS_SUFFIX + "\")",
				table + PROGRESS_SUFFIX);
	}

	/**
	 * Returns the default: {@code migration_history} on the search path.
	 * @return the default table
	 */
	public static HistoryTable defaults() {
		return new HistoryTable(null, DEFAULT_TABLE);
	}

	/**
	 * Returns the qualified name of the log table.
	 * @return the log table
	 */
	public QualifiedName log() {
		return new QualifiedName(this.schema, this.table);
	}

	/**
	 * Returns the qualified name of the state table.
	 * @return the state table
	 */
	public QualifiedName state() {
		return new QualifiedName(this.schema, this.table + STATE_SUFFIX);
	}

	/**
	 * Returns the qualified name of the table that records which statements of a step that
	 * commits in parts are already permanent.
	 * @return the progress table
	 */
	public QualifiedName progress() {
		return new QualifiedName(this.schema, this.table + PROGRESS_SUFFIX);
	}

	/**
	 * Returns the qualified name of the table where a tenant fan-out records how each tenant's
	 * last run ended.
	 * @return the tenants table
	 */
	public QualifiedName tenants() {
		return new QualifiedName(this.schema, this.table + TENANTS_SUFFIX);
	}

	@Override
	public String toString() {
		return log().toString();
	}

}
