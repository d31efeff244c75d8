/**
 * A parser of single PostgreSQL statements for the linter's rules, built on the project's lexer:
 * {@link dev.migration.core.lint.parse.SqlParser#parse} turns one statement, as
 * {@code PostgresScanner.split} returns it, into a {@link dev.migration.core.lint.parse.ParsedStatement}
 * and never throws.
 *
 * <p>It reads in full what lock and rewrite safety depends on: {@code CREATE TABLE},
 * {@code ALTER TABLE} (each action a {@link dev.migration.core.lint.parse.AlterAction}),
 * {@code CREATE INDEX}, {@code DROP}, {@code REINDEX}, {@code VACUUM}, {@code CLUSTER},
 * {@code LOCK}, {@code REFRESH MATERIALIZED VIEW}, {@code TRUNCATE}, {@code ALTER TYPE}, functions,
 * triggers, {@code DO} blocks and the statements that read and write rows, keeping the clauses
 * that change the lock or the work ({@code CONCURRENTLY}, {@code NOT VALID}, {@code USING INDEX},
 * {@code ONLY}, {@code IF [NOT] EXISTS}, column types, defaults, {@code WHERE}). Statements the
 * rules need not look inside are a {@code Command} named by their leading words. Whatever it
 * cannot read, one {@code ALTER TABLE} action included, makes the statement {@code Unrecognized}
 * with the reason and the place, never a partial result.
 *
 * <p>Names are {@link dev.migration.core.lint.parse.TableName}s: unquoted parts lower-cased as
 * PostgreSQL folds them, quoted ones as written, a Flyway placeholder ({@code ${schema}}) a name
 * like any other. Types, defaults, conditions and {@code USING} expressions are kept as their SQL
 * text, comments left out, for the rules to read with the lexer.
 */
package dev.migration.core.lint.parse;
