package dev.migration.core.op;

import java.util.List;
import java.util.Optional;

/**
 * Where a step commits what it did so far and opens a new transaction, as a {@code COMMIT} in
 * the middle of a SQL file asks; a rerun after a failure continues from the last one.
 */
public record CommitPoint() implements Op {

	/** The downgrade commits at the same place, so what the upgrade kept apart stays apart undone. */
	@Override
	public Optional<List<Op>> reverse() {
		return Optional.of(List.of(this));
	}

}
