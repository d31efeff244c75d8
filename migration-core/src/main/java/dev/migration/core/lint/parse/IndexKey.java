package dev.migration.core.lint.parse;

/**
 * One key of an index.
 *
 * @param sql the key as written, with its collation, operator class and ordering
 * @param column the column when the key is a plain column, or {@code null} for an expression
 */
public record IndexKey(String sql, String column) {
}
