package dev.migration.core.baseline;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads every row of the tables in scope as {@code INSERT} statements, and every sequence that
 * has moved as a {@code setval}: in a scratch database that only migrations have built, every
 * row is seed or reference data a migration inserted.
 *
 * <p>No value passes through Java as data: the server renders each one as a quoted literal of
 * its text form ({@code quote_nullable(column::text)}) cast back to the column's type, so the
 * text is whatever the value holds (quotes, backslashes, newlines) and reads back to the same
 * value. Generated columns are left for the server to compute again; identity columns are
 * written with {@code OVERRIDING SYSTEM VALUE}. All tables are read in one query, rows in
 * their physical order, and all sequences in another.
 */
final class SeedRows {

	/** Rows per {@code INSERT}, so no statement grows without bound. */
	private static final int ROWS_PER_INSERT = 1000;

	/** Plain and partition tables: a partitioned table holds no rows of its own. */
	private static final String TABLES = """
			SELECT c.qname, string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum),
			        string_agg(format('quote_nullable(%I::text) || %L', a.attname,
			            '::' || format_type(a.atttypid, a.atttypmod)), $$ || ', ' || $$ ORDER BY a.attnum),
			        bool_or(a.attidentity = 'a')
			    FROM rel c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
			    WHERE c.relkind = 'r' AND a.attgenerated = ''
			    GROUP BY c.qname ORDER BY c.qname
			""";

	private static final String SEQUENCES = """
			SELECT c.qname, quote_literal(c.qname), s.seqstart
			    FROM rel c JOIN pg_sequence s ON s.seqrelid = c.oid ORDER BY c.qname
			""";

	private SeedRows() {
	}

	/**
	 * Reads the rows and the sequence values.
	 * @param connection a connection in a {@link ReadingSession}
	 * @param scope what to read
	 * @return the {@code INSERT} statements, then the {@code setval} calls
	 * @throws SQLException when a table or sequence cannot be read
	 */
	static List<Step> read(Connection connection, BaselineScope scope) throws SQLException {
		List<Step> steps = new ArrayList<>(inserts(connection, tables(connection, scope)));
		steps.addAll(sequenceValues(connection, sequences(connection, scope)));
		return steps;
	}

	/**
	 * Counts the rows of the tables in scope, each read no further than the limit, so that a
	 * database in use costs little to refuse.
	 * @param connection a connection to the database
	 * @param scope what a baseline would read
	 * @param limit the count at which to stop
	 * @return the rows counted, at most about the limit
	 * @throws SQLException when a table cannot be read
	 */
	static long rowsUpTo(Connection connection, BaselineScope scope, long limit) throws SQLException {
		long rows = 0;
		for (Table table : tables(connection, scope)) {
			try (Statement statement = connection.createStatement();
					// the name comes from the catalog, quoted by format('%I.%I')
					ResultSet count = statement.executeQuery("SELECT count(*) FROM (SELECT 1 FROM ONLY " + table.name()
							+ " LIMIT " + (limit - rows) + ") AS r")) {
				count.next();
				rows += count.getLong(1);
			}
			if (rows >= limit) {
				break;
			}
		}
		return rows;
	}

	private static List<Table> tables(Connection connection, BaselineScope scope) throws SQLException {
		return CatalogScope.query(connection, scope, TABLES,
				(row) -> new Table(row.getString(1), row.getString(2), row.getString(3), row.getBoolean(4)));
	}

	private static List<Sequence> sequences(Connection connection, BaselineScope scope) throws SQLException {
		return CatalogScope.query(connection, scope, SEQUENCES,
				(row) -> new Sequence(row.getString(1), row.getString(2), row.getLong(3)));
	}

	private static List<Step> inserts(Connection connection, List<Table> tables) throws SQLException {
		if (tables.isEmpty()) {
			return List.of();
		}
		List<String> reads = new ArrayList<>();
		for (int i = 0; i < tables.size(); i++) {
			Table table = tables.get(i);
			reads.add("SELECT " + i + " AS t, ctid AS k, " + table.values() + " AS v FROM ONLY " + table.name());
		}
		List<Step> steps = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(String.join("\nUNION ALL\n", reads) + "\nORDER BY t, k")) {
			Batch batch = null;
			while (rows.next()) {
				Table table = tables.get(rows.getInt(1));
				if (batch == null || batch.table() != table || batch.rows().size() == ROWS_PER_INSERT) {
					addTo(steps, batch);
					batch = new Batch(table, new ArrayList<>());
				}
				batch.rows().add("(" + rows.getString(3) + ")");
			}
			addTo(steps, batch);
		}
		return steps;
	}

	private static void addTo(List<Step> steps, Batch batch) {
		if (batch != null) {
			steps.add(Step.of(batch.insert()));
		}
	}

	/**
	 * A sequence that was never called and stands at its start is as new; any other gets its
	 * value and {@code is_called} back, the restart value of one that was reset included.
	 */
	private static List<Step> sequenceValues(Connection connection, List<Sequence> sequences) throws SQLException {
		if (sequences.isEmpty()) {
			return List.of();
		}
		List<String> reads = new ArrayList<>();
		for (int i = 0; i < sequences.size(); i++) {
			reads.add("SELECT " + i + " AS s, last_value, is_called FROM " + sequences.get(i).name());
		}
		List<Step> steps = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(String.join("\nUNION ALL\n", reads) + "\nORDER BY s")) {
			while (rows.next()) {
				Sequence sequence = sequences.get(rows.getInt(1));
				long value = rows.getLong(2);
				boolean called = rows.getBoolean(3);
				if (called || value != sequence.start()) {
					steps.add(Step.of("SELECT pg_catalog.setval(" + sequence.literal() + ", " + value + ", " + called + ")"));
				}
			}
		}
		return steps;
	}

	/**
	 * A table as its rows are read and written back.
	 *
	 * @param name its quoted, qualified name
	 * @param columns its columns but the generated ones, quoted
	 * @param values the expression that renders their values as a list of literals (an operator
	 * chain, since a function takes at most 100 arguments and a table up to 1,600 columns)
	 * @param overriding whether a column is {@code GENERATED ALWAYS AS IDENTITY}
	 */
	private record Table(String name, String columns, String values, boolean overriding) {

	}

	/**
	 * A sequence as its value is read.
	 *
	 * @param name its quoted, qualified name
	 * @param literal that name as a string literal
	 * @param start its start value
	 */
	private record Sequence(String name, String literal, long start) {

	}

	/** Consecutive rows of one table, written as one statement. */
	private record Batch(Table table, List<String> rows) {

		String insert() {
			return "INSERT INTO " + this.table.name() + " (" + this.table.columns() + ")"
					+ (this.table.overriding() ? " OVERRIDING SYSTEM VALUE" : "") + " VALUES\n"
					+ this.rows.stream().collect(Collectors.joining(",\n"));
		}

	}

}
