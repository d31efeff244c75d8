package dev.migration.core.execute;

import dev.migration.core.catalog.DeclaredRevision;

/**
 * What a step did, handed to the recorder before the step commits.
 *
 * @param revision the revision
 * @param direction upgrade or downgrade
 * @param transactional whether it ran in one transaction
 * @param statements how many of its statements ran (skipped ones not counted)
 * @param skipped how many statements were skipped because an earlier attempt had run them
 */
public record StepResult(DeclaredRevision revision, Direction direction, boolean transactional, int statements,
		int skipped) {

}
