package dev.migration.core.op;

/**
 * Where a step commits what it did so far and opens a new transaction, as a {@code COMMIT} in
 * the middle of a SQL file asks; a rerun after a failure continues from the last one.
 */
public record CommitPoint() implements Op {

}
