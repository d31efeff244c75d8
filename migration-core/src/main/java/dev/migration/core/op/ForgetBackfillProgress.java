package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.MigrationException;
import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * Removes the stored progress of every backfill that fills one of the given columns of a
 * table, so that the next backfill of them walks the whole table again, up to the table's
 * largest key at that time.
 *
 * @param table the table
 * @param columns the filled columns whose backfills start over
 */
public record ForgetBackfillProgress(QualifiedName table, List<String> columns) implements Op {

	public ForgetBackfillProgress {
		Objects.requireNonNull(table, "table");
		columns = Names.requireAll("column", columns);
		if (String.join(" ", table.toString(), String.join(" ", columns)).contains("$forget$")) {
			throw new MigrationException("The backfill progress of " + table + " cannot be forgotten by a name that "
					+ "contains $forget$, which quotes the statement that forgets it.");
		}
	}

	@Override
	public Optional<List<Op>> reverse() {
		// nothing to restore: forgotten progress only makes a backfill walk again
		return Optional.of(List.of());
	}

}
