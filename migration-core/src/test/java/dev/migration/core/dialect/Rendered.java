package dev.migration.core.dialect;

import java.util.List;
import java.util.function.Consumer;

import dev.migration.core.Operations;
import dev.migration.core.op.Op;
import dev.migration.core.op.RecordedOps;

/** Records operations without a database and renders them with the PostgreSQL dialect. */
final class Rendered {

	static final PostgresDialect DIALECT = new PostgresDialect();

	private Rendered() {
	}

	static List<Op> ops(Consumer<Operations> migration) {
		return RecordedOps.of(migration);
	}

	static List<SqlStatement> statements(Consumer<Operations> migration) {
		return ops(migration).stream().flatMap((op) -> DIALECT.render(op).stream()).toList();
	}

	/** Every statement with its values inlined, as the offline script shows it. */
	static List<String> sql(Consumer<Operations> migration) {
		return statements(migration).stream().map(DIALECT::inline).toList();
	}

	static String single(Consumer<Operations> migration) {
		List<String> sql = sql(migration);
		if (sql.size() != 1) {
			throw new AssertionError("Expected one statement but got " + sql);
		}
		return sql.get(0);
	}

}
