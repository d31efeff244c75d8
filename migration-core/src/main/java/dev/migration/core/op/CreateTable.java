package dev.migration.core.op;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.migration.core.MigrationException;
import dev.migration.core.schema.Column;
import dev.migration.core.schema.QualifiedName;
import dev.migration.core.schema.TableConstraint;

/**
 * {@code CREATE TABLE} with its columns and table constraints.
 *
 * @param table the table
 * @param columns the columns, in order
 * @param constraints table-level constraints
 * @param ifNotExists whether an existing table is left alone
 * @param comment the table comment, or {@code null}
 */
public record CreateTable(QualifiedName table, List<Column> columns, List<TableConstraint> constraints,
		boolean ifNotExists, String comment) implements Op {

	public CreateTable {
		Objects.requireNonNull(table, "table");
		columns = List.copyOf(columns);
		constraints = List.copyOf(constraints);
		if (columns.isEmpty()) {
			throw new MigrationException("Table " + table + " needs at least one column.");
		}
		Set<String> seen = new HashSet<>();
		for (Column column : columns) {
			if (!seen.add(column.name())) {
				throw new MigrationException("Table " + table + " declares column " + column.name() + " twice.");
			}
		}
		long primaryKeys = columns.stream().filter(Column::primaryKey).count()
				+ constraints.stream().filter(TableConstraint.PrimaryKey.class::isInstance).count();
		if (primaryKeys > 1) {
			throw new MigrationException("Table " + table + " declares more than one primary key; "
					+ "for a composite key use primaryKey(\"a\", \"b\") on the table instead of on each column.");
		}
	}

	@Override
	public Optional<List<Op>> reverse() {
		return Optional.of(List.of(new DropTable(this.table, false, false)));
	}

}
