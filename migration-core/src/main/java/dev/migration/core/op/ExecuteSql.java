package dev.migration.core.op;

import java.util.List;
import java.util.Optional;

import dev.migration.core.schema.Names;

/**
 * Raw SQL written by the migration author; reversible when the author also gives the SQL
 * that undoes it.
 *
 * @param sql the SQL, one or more statements
 * @param reverseSql the SQL that undoes it, or {@code null}
 */
public record ExecuteSql(String sql, String reverseSql) implements Op {

	public ExecuteSql {
		sql = Names.requireSql("SQL", sql);
		reverseSql = (reverseSql != null) ? Names.requireSql("reverse SQL", reverseSql) : null;
	}

	@Override
	public Optional<List<Op>> reverse() {
		if (this.reverseSql == null) {
			return Optional.empty();
		}
		return Optional.of(List.of(new ExecuteSql(this.reverseSql, this.sql)));
	}

}
