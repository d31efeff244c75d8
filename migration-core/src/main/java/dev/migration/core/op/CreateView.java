package dev.migration.core.op;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.MigrationException;
import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * {@code CREATE [OR REPLACE] [MATERIALIZED] VIEW ... AS query}; a replacement has no reverse,
 * since the old definition is unknown.
 *
 * @param view the view
 * @param query the defining query
 * @param orReplace whether an existing view is replaced
 * @param materialized whether the view is materialized
 */
public record CreateView(QualifiedName view, String query, boolean orReplace, boolean materialized) implements Op {

	public CreateView {
		Objects.requireNonNull(view, "view");
		query = Names.requireSql("view query", query);
		if (orReplace && materialized) {
			throw new MigrationException("Materialized view " + view
					+ " cannot be created OR REPLACE; drop it and create it again.");
		}
	}

	@Override
	public Optional<List<Op>> reverse() {
		if (this.orReplace) {
			return Optional.empty();
		}
		return Optional.of(List.of(new DropView(this.view, this.materialized, false, false)));
	}

}
