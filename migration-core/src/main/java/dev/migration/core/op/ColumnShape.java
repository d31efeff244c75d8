package dev.migration.core.op;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.migration.core.MigrationException;
import dev.migration.core.schema.DefaultValue;
import dev.migration.core.schema.Names;
import dev.migration.core.schema.TableConstraint;

/**
 * What a column had besides its type, as a contract step declares it before dropping the
 * column: NOT NULL, the default, the check constraints and the indexes that involve it. The
 * step checks the declaration against the database before the drop, and its derived downgrade
 * restores exactly this.
 *
 * @param notNull whether the column was NOT NULL
 * @param defaultValue its default, {@link DefaultValue#NONE} for none
 * @param checks the check constraints that involve it, each named
 * @param indexes the indexes that involve it, built again concurrently by the downgrade
 */
public record ColumnShape(boolean notNull, DefaultValue defaultValue, List<TableConstraint.Check> checks,
		List<CreateIndex> indexes) {

	public ColumnShape {
		Objects.requireNonNull(defaultValue, "defaultValue");
		checks = List.copyOf(checks);
		indexes = List.copyOf(indexes);
		Set<String> names = new HashSet<>();
		for (TableConstraint.Check check : checks) {
			Names.require("check constraint", check.name());
			requireOnce(names, check.name());
		}
		indexes.forEach((index) -> requireOnce(names, index.name()));
	}

	private static void requireOnce(Set<String> names, String name) {
		if (!names.add(name)) {
			throw new MigrationException("The old column declares " + name + " twice; declare it once.");
		}
	}

	/**
	 * Returns what the column has, one entry per feature, in the order the database check lists
	 * them: {@code NOT NULL}, {@code DEFAULT}, {@code CHECK <name>} and {@code INDEX <name>},
	 * names in byte order.
	 * @return the features
	 */
	public List<String> features() {
		List<String> features = new ArrayList<>();
		if (this.notNull) {
			features.add("NOT NULL");
		}
		if (!(this.defaultValue instanceof DefaultValue.None)) {
			features.add("DEFAULT");
		}
		this.checks.stream().map(TableConstraint::name).sorted().forEach((name) -> features.add("CHECK " + name));
		this.indexes.stream().map(CreateIndex::name).sorted().forEach((name) -> features.add("INDEX " + name));
		return features;
	}

}
