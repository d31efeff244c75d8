/**
 * The trace engine: runs a revision's statements on a scratch database and records what
 * PostgreSQL really did, the ground truth against which the linter's predictions can be
 * checked.
 *
 * <p>{@link dev.migration.core.trace.StatementTracer#trace(String, java.util.List)} gives a
 * {@link dev.migration.core.trace.TraceReport} of
 * {@link dev.migration.core.trace.StatementTrace}s: per statement the locks it took on user
 * relations (from {@code pg_locks}, read by a second session), the relations whose storage it
 * replaced ({@code relfilenode}), the tables it scanned (statistics counters), the relations it
 * made and dropped, and how long each lock that blocks reads or writes was held, to the end of
 * its transaction. {@link dev.migration.core.trace.TraceSeeder} fills empty tables first, since
 * an empty table hides scans and rewrites.
 *
 * <p>Statements run in one transaction, as a revision does; one that cannot run in a
 * transaction block ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}) commits what came
 * before, runs on its own while its locks are sampled, and a new transaction follows. A third
 * session, the gate, holds a snapshot and ACCESS SHARE locks meanwhile, so that such a
 * statement waits where its locks can be seen; the gate opens once a sample sees it wait.
 */
package dev.migration.core.trace;
