/**
 * A parser of single PostgreSQL statements for the linter's rules ({@link dev.migration.core.lint.parse.SqlParser}),
 * built on the project's lexer: it reads what lock and rewrite safety depends on
 * ({@code CONCURRENTLY}, {@code NOT VALID}, {@code USING INDEX}, {@code ONLY}, {@code IF EXISTS},
 * column types and defaults) into the records of {@link dev.migration.core.lint.parse.ParsedStatement}
 * and {@link dev.migration.core.lint.parse.AlterAction}, and reports what it cannot read as
 * {@code Unrecognized} rather than guessing.
 */
package dev.migration.core.lint.parse;
