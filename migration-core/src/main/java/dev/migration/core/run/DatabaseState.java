package dev.migration.core.run;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.history.AppliedRevision;

/**
 * The applied revisions as the state table holds them, split into those the code declares
 * and those it does not, with the current revisions derived from the known ones.
 *
 * @param applied every state row, oldest first, repeatable revisions included
 * @param known the ids of applied revisions of the graph the code declares
 * @param unknown the ids of applied revisions the code does not declare
 * @param current the applied revisions nothing applied revises
 */
public record DatabaseState(List<AppliedRevision> applied, Set<String> known, Set<String> unknown,
		Set<String> current) {

	public DatabaseState {
		applied = List.copyOf(applied);
		known = Set.copyOf(known);
		unknown = Set.copyOf(unknown);
		current = Set.copyOf(current);
	}

	/**
	 * Reads the state rows against the catalog.
	 * @param catalog the revisions in code
	 * @param applied the state rows
	 * @return the state
	 * @throws InconsistentHistoryException when a revision is marked applied without its parent
	 */
	static DatabaseState of(MigrationCatalog catalog, List<AppliedRevision> applied) {
		Set<String> known = new LinkedHashSet<>();
		Set<String> unknown = new LinkedHashSet<>();
		for (AppliedRevision row : applied) {
			// a repeatable revision's row holds the checksum it last ran with; it has no place in the graph
			if (!catalog.isRepeatable(row.revision())) {
				(catalog.graph().find(row.revision()).isPresent() ? known : unknown).add(row.revision());
			}
		}
		try {
			return new DatabaseState(applied, known, unknown, catalog.graph().currentOf(known));
		}
		catch (IllegalArgumentException ex) {
			throw new InconsistentHistoryException(ex.getMessage());
		}
	}

	/**
	 * Returns the state rows by revision id.
	 * @return the rows
	 */
	Map<String, AppliedRevision> byRevision() {
		return this.applied.stream().collect(Collectors.toMap(AppliedRevision::revision, Function.identity()));
	}

}
