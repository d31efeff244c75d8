package dev.migration.core.op;

import java.util.List;
import java.util.Optional;

import dev.migration.core.MigrationException;
import dev.migration.core.schema.Names;

/**
 * Removes the stored progress of a backfill, so that after its revision is reverted a new
 * upgrade fills the column again instead of finding the backfill already done.
 *
 * @param progressName the name the progress is kept under, see {@link Backfill#progressName()}
 */
public record ForgetBackfill(String progressName) implements Op {

	public ForgetBackfill {
		progressName = Names.requireSql("backfill progress name", progressName);
		if (progressName.contains("$forget$")) {
			throw new MigrationException("A backfill progress name must not contain $forget$.");
		}
	}

	@Override
	public Optional<List<Op>> reverse() {
		// the backfill runs again on the next upgrade anyway
		return Optional.of(List.of());
	}

}
