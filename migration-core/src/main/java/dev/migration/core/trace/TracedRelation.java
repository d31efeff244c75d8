package dev.migration.core.trace;

import java.util.Locale;

/**
 * A user relation seen while tracing.
 *
 * @param oid its {@code pg_class} oid
 * @param schema its schema
 * @param name its name
 * @param kind its {@code pg_class.relkind}: {@code r} table, {@code p} partitioned table,
 * {@code i} index, {@code S} sequence, {@code v} view, {@code m} materialized view
 */
public record TracedRelation(long oid, String schema, String name, char kind) {

	/**
	 * Returns {@code schema.name}.
	 * @return the qualified name, unquoted
	 */
	public String qualifiedName() {
		return this.schema + "." + this.name;
	}

	/**
	 * Returns whether a name a caller gives, bare or schema-qualified, names this relation;
	 * case is ignored, as an unquoted name would be folded.
	 * @param relation {@code name} or {@code schema.name}
	 * @return whether it matches
	 */
	public boolean matches(String relation) {
		String wanted = relation.toLowerCase(Locale.ROOT);
		return wanted.equals(this.name.toLowerCase(Locale.ROOT))
				|| wanted.equals(qualifiedName().toLowerCase(Locale.ROOT));
	}

	/**
	 * Returns whether the relation is a table, partitioned or not.
	 * @return whether it holds rows of its own or through partitions
	 */
	public boolean isTable() {
		return this.kind == 'r' || this.kind == 'p';
	}

	@Override
	public String toString() {
		return qualifiedName();
	}

}
