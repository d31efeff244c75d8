package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.MigrationException;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * {@code CREATE SEQUENCE}; unset options keep PostgreSQL's defaults.
 *
 * @param sequence the sequence
 * @param dataType {@code smallint}, {@code integer} or {@code bigint}, or {@code null}
 * @param startWith the first value, or {@code null}
 * @param incrementBy the step, or {@code null}
 * @param minValue the minimum, or {@code null}
 * @param maxValue the maximum, or {@code null}
 * @param cache how many values to preallocate, or {@code null}
 * @param cycle whether it wraps around at the limit
 * @param ownedByTable the table owning it (dropped with its column), or {@code null}
 * @param ownedByColumn the owning column, or {@code null}
 * @param ifNotExists whether an existing sequence is left alone
 */
public record CreateSequence(QualifiedName sequence, ColumnType dataType, Long startWith, Long incrementBy,
		Long minValue, Long maxValue, Long cache, boolean cycle, QualifiedName ownedByTable, String ownedByColumn,
		boolean ifNotExists) implements Op {

	private static final List<ColumnType> TYPES = List.of(ColumnType.SMALLINT, ColumnType.INTEGER,
			ColumnType.BIGINT);

	public CreateSequence {
		Objects.requireNonNull(sequence, "sequence");
		if (dataType != null && !TYPES.contains(dataType)) {
			throw new MigrationException("Sequence " + sequence + " must be smallint, integer or bigint, not "
					+ dataType + ".");
		}
		if (incrementBy != null && incrementBy == 0) {
			throw new MigrationException("Sequence " + sequence + " cannot increment by 0.");
		}
		if ((ownedByTable == null) != (ownedByColumn == null)) {
			throw new MigrationException("Sequence " + sequence + " is owned by a table and a column, or by neither.");
		}
		if (ownedByColumn != null) {
			Names.require("column", ownedByColumn);
		}
	}

	/**
	 * A sequence with PostgreSQL's defaults.
	 * @param sequence the sequence
	 * @return the operation
	 */
	public static CreateSequence of(QualifiedName sequence) {
		return new CreateSequence(sequence, null, null, null, null, null, null, false, null, null, false);
	}

	@Override
	public Optional<List<Op>> reverse() {
		return Optional.of(List.of(new DropSequence(this.sequence, false, false)));
	}

}
