package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.MigrationException;
import dev.migration.core.schema.IndexElement;
import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY]}.
 *
 * @param name the index name (it lives in the table's schema)
 * @param table the table
 * @param elements the index keys
 * @param unique whether the index enforces uniqueness
 * @param concurrently whether it is built without blocking writes (outside a transaction)
 * @param ifNotExists whether an existing index of that name is left alone
 * @param method the access method (such as {@code gin}), or {@code null} for btree
 * @param include non-key columns stored in the index
 * @param where the predicate of a partial index, or {@code null}
 */
public record CreateIndex(String name, QualifiedName table, List<IndexElement> elements, boolean unique,
		boolean concurrently, boolean ifNotExists, String method, List<String> include, String where) implements Op {

	public CreateIndex {
		Names.require("index", name);
		Objects.requireNonNull(table, "table");
		elements = List.copyOf(elements);
		if (elements.isEmpty()) {
			throw new MigrationException("Index " + name + " on " + table + " needs at least one key.");
		}
		if (method != null) {
			Names.require("index method", method);
		}
		include = List.copyOf(include);
		include.forEach((column) -> Names.require("included column", column));
		where = (where != null) ? Names.requireSql("index predicate", where) : null;
	}

	@Override
	public Optional<List<Op>> reverse() {
		return Optional.of(List.of(new DropIndex(this.table.sibling(this.name), this.concurrently, false, false)));
	}

}
