/**
 * The zero-downtime linter: rules over a revision's op records and over the raw SQL it passes
 * to {@code execute(...)}, each finding naming the rule, the revision, the statement, why it is
 * unsafe and the safe way ({@link dev.migration.core.lint.Linter},
 * {@link dev.migration.core.lint.LintReport}, {@link dev.migration.core.lint.LintReportRenderer}).
 *
 * <p>Raw SQL is split by {@code PostgresScanner} and each statement parsed by JSqlParser
 * (maintained, on Maven Central, pure Java). It understands most PostgreSQL DDL and DML but not
 * a few PostgreSQL-only clauses that matter most here: {@code CONCURRENTLY} of an index,
 * {@code NOT VALID} and a key constraint's {@code USING INDEX}. A token-level pre-pass
 * ({@code PostgresClauses}, over a lexer that knows quotes, comments and dollar quoting) notes
 * those clauses and takes them out, so the parser sees standard DDL and the rules still know
 * they were there. jOOQ's open-source parser was rejected because it understands fewer of
 * these statements; a regex matcher because it cannot tell a keyword from the same word in a
 * string or comment. Whatever the parser still rejects ({@code CREATE TYPE ... AS ENUM},
 * {@code DO} blocks, functions, {@code VACUUM}) is reported as not checked, never passed.
 *
 * <p>Tables, columns and indexes created earlier in the same revision are exempt from the rules
 * whose risk needs existing rows. Names are compared without schema, lower-case. Only upgrades
 * are linted.
 */
package dev.migration.core.lint;
