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
 * @param squashesToRecord squash revisions that count as applied because the database has
 * every revision they replace, not yet recorded in their place
 */
public record DatabaseState(List<AppliedRevision> applied, Set<String> known, Set<String> unknown,
		Set<String> current, Set<String> squashesToRecord) {

	public DatabaseState {
		applied = List.copyOf(applied);
		known = Set.copyOf(known);
		unknown = Set.copyOf(unknown);
		current = Set.copyOf(current);
		squashesToRecord = Set.copyOf(squashesToRecord);
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
		Set<String> squashes = new LinkedHashSet<>();
		for (AppliedRevision row : applied) {
			String id = row.revision();
			// a repeatable revision's row holds the checksum it last ran with; it has no place in the graph
			if (catalog.isRepeatable(id)) {
				continue;
			}
			if (catalog.graph().find(id).isPresent()) {
				known.add(id);
			}
			else {
				catalog.squashOf(id).ifPresentOrElse(squashes::add, () -> unknown.add(id));
			}
		}
		Set<String> toRecord = squashesToRecord(catalog, applied, known, squashes);
		known.addAll(toRecord);
		try {
			return new DatabaseState(applied, known, unknown, catalog.graph().currentOf(known), toRecord);
		}
		catch (IllegalArgumentException ex) {
			throw new InconsistentHistoryException(ex.getMessage());
		}
	}

	/**
	 * A squash counts as applied where every revision it replaces is; a database with only
	 * some of them is partway through a history the squash cannot finish.
	 */
	private static Set<String> squashesToRecord(MigrationCatalog catalog, List<AppliedRevision> applied,
			Set<String> known, Set<String> squashes) {
		Set<String> ids = applied.stream().map(AppliedRevision::revision).collect(Collectors.toSet());
		Set<String> toRecord = new LinkedHashSet<>();
		for (String squash : squashes) {
			if (known.contains(squash)) {
				continue;
			}
			List<String> missing = catalog.missingForSquash(squash, ids);
			if (!missing.isEmpty()) {
				throw new SquashedHistoryException(squash, missing);
			}
			toRecord.add(squash);
		}
		return toRecord;
	}

	/**
	 * Returns the ids of state rows a recorded squash stands for, to be replaced by its row.
	 * @param catalog the revisions in code
	 * @param squash the squash's id
	 * @return the applied ids the squash replaced
	 */
	List<String> replacedBy(MigrationCatalog catalog, String squash) {
		return this.applied.stream().map(AppliedRevision::revision)
			.filter((id) -> catalog.squashOf(id).filter(squash::equals).isPresent()).toList();
	}

	/**
	 * Returns the state rows by revision id.
	 * @return the rows
	 */
	Map<String, AppliedRevision> byRevision() {
		return this.applied.stream().collect(Collectors.toMap(AppliedRevision::revision, Function.identity()));
	}

}
