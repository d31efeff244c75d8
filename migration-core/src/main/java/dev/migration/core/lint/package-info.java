/**
 * The zero-downtime linter: rules over a revision's op records and over the raw SQL it passes
 * to {@code execute(...)}, each finding naming the rule, the revision, the statement, why it is
 * unsafe and the safe way ({@link dev.migration.core.lint.Linter},
 * {@link dev.migration.core.lint.LintReport}, {@link dev.migration.core.lint.LintReportRenderer}).
 *
 * <p>Raw SQL is split by {@code PostgresScanner} as psql splits it and each statement read by
 * the focused parser of {@link dev.migration.core.lint.parse}, written for PostgreSQL's DDL on
 * the project's own lexer. It was chosen by measurement over JSqlParser 5.3 and 5.4 and
 * ShardingSphere's ANTLR grammar (see {@code docs/PARSERS.md}): it reads every statement of the
 * real histories the tests walk, keeps the clauses the rules need ({@code CONCURRENTLY},
 * {@code NOT VALID}, {@code USING INDEX}) and adds no dependency. What it cannot read is
 * reported as not checked, never passed as judged.
 *
 * <p>Tables, columns and indexes created earlier in the same revision, or, at the gate before a
 * run, absent from the database or small in it, are exempt from the rules whose risk needs
 * existing rows. Names are compared without schema, lower-case. Only upgrades
 * are linted.
 */
package dev.migration.core.lint;
