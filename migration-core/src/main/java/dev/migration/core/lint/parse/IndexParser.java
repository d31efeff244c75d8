package dev.migration.core.lint.parse;

import java.util.ArrayList;
import java.util.List;

import dev.migration.core.dialect.SqlTokens.Token;
import dev.migration.core.lint.parse.ParsedStatement.CreateIndex;

/** Reads {@code CREATE INDEX}. */
final class IndexParser {

	private IndexParser() {
	}

	/** Reads what follows {@code CREATE [UNIQUE]}. */
	static CreateIndex createIndex(Cursor cursor, boolean unique) {
		cursor.expect("index");
		boolean concurrently = cursor.accept("concurrently");
		boolean ifNotExists = cursor.accept("if", "not", "exists");
		String name = cursor.is("on") ? null : cursor.identifier();
		cursor.expect("on");
		boolean only = cursor.accept("only");
		TableName table = cursor.name();
		cursor.accept("*");
		String method = cursor.accept("using") ? cursor.identifier() : null;
		List<IndexKey> keys = keys(cursor);
		List<String> include = cursor.accept("include") ? cursor.nameList() : List.of();
		boolean nullsNotDistinct = cursor.accept("nulls", "not", "distinct");
		if (!nullsNotDistinct) {
			cursor.accept("nulls", "distinct");
		}
		String with = cursor.accept("with") ? cursor.parenthesized() : null;
		if (cursor.accept("tablespace")) {
			cursor.identifier();
		}
		String where = cursor.accept("where") ? predicate(cursor) : null;
		cursor.expectEnd();
		return new CreateIndex(name, unique, concurrently, ifNotExists, only, table, method, keys, include,
				nullsNotDistinct, with, where);
	}

	private static List<IndexKey> keys(Cursor cursor) {
		cursor.expect("(");
		List<IndexKey> keys = new ArrayList<>();
		do {
			int from = cursor.position();
			String sql = cursor.expression(Cursor.Stop.NEVER);
			keys.add(new IndexKey(sql, column(cursor, from)));
		}
		while (cursor.accept(","));
		cursor.expect(")");
		return keys;
	}

	/** Returns the column of a key that is a plain column (with collation, operator class or order), or {@code null}. */
	private static String column(Cursor cursor, int from) {
		int end = cursor.position();
		cursor.reset(from);
		Token first = cursor.next();
		Token second = cursor.peek();
		boolean plain = first.identifier() != null
				&& (cursor.position() == end || second.identifier() != null && !second.isWord("is"));
		cursor.reset(end);
		return plain ? first.identifier() : null;
	}

	/** Reads a partial index's predicate, which runs to the end of the statement. */
	private static String predicate(Cursor cursor) {
		String where = cursor.expression((at) -> at.is("nulls", "not", "distinct") || at.is("nulls", "distinct"));
		if (!cursor.atEnd()) {
			// PostgreSQL takes it only before WITH, TABLESPACE and WHERE: read as part of the predicate it would mislead
			throw cursor.fail("NULLS [NOT] DISTINCT must come before WHERE");
		}
		return where;
	}

}
