package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * Adds a unique constraint without a long lock: {@code CREATE UNIQUE INDEX CONCURRENTLY}
 * (outside a transaction; an INVALID leftover of a failed build is dropped first), then
 * {@code ADD CONSTRAINT ... UNIQUE USING INDEX}, which only takes a brief lock.
 *
 * @param name the constraint name; the index is named after it with {@code _idx}
 * @param table the table
 * @param columns the key columns
 */
public record AddUniqueOnline(String name, QualifiedName table, List<String> columns) implements Op {

	public AddUniqueOnline {
		Names.require("constraint", name);
		Names.require("index", name + "_idx");
		Objects.requireNonNull(table, "table");
		columns = Names.requireAll("unique column", columns);
	}

	/**
	 * Returns the name of the index built for the constraint.
	 * @return the index name
	 */
	public String indexName() {
		return this.name + "_idx";
	}

	@Override
	public Optional<List<Op>> reverse() {
		// the constraint owns the index it was promoted from, so dropping it drops both
		return Optional.of(List.of(new DropConstraint(this.table, this.name, false, false)));
	}

}
