/**
 * The trace engine: runs a revision's statements on a scratch database and records what
 * PostgreSQL really did (locks taken and how long they were held, relations rewritten, tables
 * scanned), the ground truth against which the linter's predictions can be checked.
 */
package dev.migration.core.trace;
