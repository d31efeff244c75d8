package dev.migration.core.op;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.RowMapper;

import dev.migration.core.Operations;

/** Records the ops a piece of migration code builds, without a database. */
public final class RecordedOps {

	private RecordedOps() {
	}

	public static List<Op> of(Consumer<Operations> migration) {
		List<Op> ops = new ArrayList<>();
		migration.accept(new EmittingOperations(ops::add, RecordedOps::noReads, false));
		return ops;
	}

	private static <T> List<T> noReads(String sql, RowMapper<T> mapper, List<Object> args) {
		throw new AssertionError("This test records ops without a database, so it cannot run: " + sql);
	}

}
