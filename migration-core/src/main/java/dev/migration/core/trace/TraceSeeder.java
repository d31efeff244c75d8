package dev.migration.core.trace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.migration.core.trace.SeedCatalog.ForeignKey;

/**
 * Puts rows into empty tables before a revision is traced, so that its rewrites, scans and
 * validations show: an empty table can hide them.
 *
 * <p>Best effort: values come from each column's type (whole numbers far from 1, so that a
 * later data migration's keys do not collide), or from the first literal of a check on the
 * column alone; foreign keys take keys of the parent's rows, parents seeded first; a table
 * whose insert fails (a check over several columns, a trigger, a type the seeder does not know)
 * is tried with fewer columns and rows, then skipped with the reason. Identifiers are quoted,
 * values made by SQL expressions or bound. {@link #unseed} takes the rows out again.
 */
public final class TraceSeeder {

	/** The rows a table gets unless told otherwise. */
	public static final int DEFAULT_ROWS = 1000;

	private final int rows;

	/**
	 * Makes a seeder.
	 * @param rows the rows each empty table gets
	 */
	public TraceSeeder(int rows) {
		if (rows < 1) {
			throw new IllegalArgumentException("rows must be at least 1, not " + rows);
		}
		this.rows = rows;
	}

	/**
	 * Seeds the empty tables whose name the statements mention, and the empty tables those
	 * point at with foreign keys.
	 * @param connection a session of the scratch database, not in a transaction
	 * @param statements the statements about to be traced
	 * @return what was seeded and what was skipped
	 */
	public SeedReport seed(Connection connection, Collection<String> statements) throws SQLException {
		String text = String.join("\n", statements).toLowerCase(Locale.ROOT);
		return seed(connection, (table) -> mentions(text, table.name()));
	}

	/**
	 * Seeds every empty user table.
	 * @param connection a session of the scratch database, not in a transaction
	 * @return what was seeded and what was skipped
	 */
	public SeedReport seedAll(Connection connection) throws SQLException {
		return seed(connection, (table) -> true);
	}

	/**
	 * Deletes the rows earlier seedings put in, newest first, so that a revision that fails on
	 * seeded rows (a column made {@code NOT NULL} with no value for old rows) can be traced again
	 * without them while the rows the migrations wrote stay. Rows are found by the table's
	 * primary key, or its first unique index, as it was when seeded; a table with neither loses
	 * all its rows. Tables dropped since are passed over.
	 * @param connection a session of the scratch database, not in a transaction
	 * @param seedings the reports of earlier seedings, in the order they ran
	 * @return each table whose rows could not be deleted, with the server's message
	 */
	public Map<TracedRelation, String> unseed(Connection connection, List<SeedReport> seedings) throws SQLException {
		List<SeededRows> batches = new ArrayList<>();
		seedings.forEach((report) -> batches.addAll(report.rows()));
		Collections.reverse(batches);
		Map<TracedRelation, String> problems = new LinkedHashMap<>();
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try {
			Map<Long, TracedRelation> tables = SeedCatalog.tables(connection);
			List<SeededRows> left = new ArrayList<>(batches);
			left.removeIf((batch) -> !tables.containsKey(batch.table().oid()));
			int before;
			do {
				// a foreign key a migration added since may want another order than the seeding's
				before = left.size();
				problems.clear();
				for (SeededRows batch : List.copyOf(left)) {
					TracedRelation table = tables.get(batch.table().oid());
					String error = delete(connection, table, batch);
					if (error == null) {
						left.remove(batch);
					}
					else {
						problems.put(table, error);
					}
				}
			}
			while (!left.isEmpty() && left.size() < before);
			connection.commit();
			return problems;
		}
		catch (SQLException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	private static String delete(Connection connection, TracedRelation table, SeededRows batch) throws SQLException {
		String sql = "DELETE FROM " + quote(table);
		if (!batch.keyColumns().isEmpty()) {
			sql += " WHERE " + rowOf(batch.keyColumns()) + " = ANY (?)";
		}
		Savepoint savepoint = connection.setSavepoint();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			if (!batch.keyColumns().isEmpty()) {
				statement.setArray(1, connection.createArrayOf("text", batch.keys().toArray()));
			}
			statement.executeUpdate();
			connection.releaseSavepoint(savepoint);
			return null;
		}
		catch (SQLException ex) {
			connection.rollback(savepoint);
			return ex.getMessage();
		}
	}

	/** The text of a row of the key columns, which stays the same while their types do. */
	private static String rowOf(List<String> columns) {
		return "ROW(" + columns.stream().map(TraceSeeder::quote).collect(Collectors.joining(", ")) + ")::text";
	}

	private static SeededRows seededRows(Connection connection, TracedRelation table) throws SQLException {
		List<String> columns = SeedCatalog.keyColumns(connection, table);
		List<String> keys = new ArrayList<>();
		if (!columns.isEmpty()) {
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT " + rowOf(columns) + " FROM " + quote(table))) {
				while (rows.next()) {
					keys.add(rows.getString(1));
				}
			}
		}
		return new SeededRows(table, columns, keys);
	}

	private SeedReport seed(Connection connection, Predicate<TracedRelation> wanted)
			throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try {
			Map<Long, TracedRelation> tables = SeedCatalog.tables(connection);
			Map<Long, List<ForeignKey>> keys = SeedCatalog.foreignKeys(connection);
			Map<TracedRelation, Long> seeded = new LinkedHashMap<>();
			Map<TracedRelation, String> skipped = new LinkedHashMap<>();
			List<SeededRows> batches = new ArrayList<>();
			for (TracedRelation table : order(withParents(tables, keys, wanted), tables, keys)) {
				if (!SeedCatalog.isEmpty(connection, table)) {
					continue;
				}
				String error = fill(connection, table, tables, keys.getOrDefault(table.oid(), List.of()), seeded);
				if (error != null) {
					skipped.put(table, error);
				}
				else {
					batches.add(seededRows(connection, table));
				}
			}
			for (TracedRelation table : seeded.keySet()) {
				execute(connection, "ANALYZE " + quote(table));
			}
			connection.commit();
			return new SeedReport(seeded, skipped, batches);
		}
		catch (SQLException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	/**
	 * Tries all rows, then one; all columns, then only those that need a value; whole numbers
	 * far from 1, then from 1 for a check that wants them small; a check's literal, then a
	 * made-up value. Returns the last error.
	 */
	private String fill(Connection connection, TracedRelation table, Map<Long, TracedRelation> tables,
			List<ForeignKey> keys, Map<TracedRelation, Long> seeded) throws SQLException {
		List<SeedColumn> columns = SeedCatalog.columns(connection, table);
		boolean[] checks = columns.stream().anyMatch((column) -> column.checkLiteral() != null)
				? new boolean[] { true, false } : new boolean[] { false };
		String error = null;
		for (int count : (this.rows > 1) ? new int[] { this.rows, 1 } : new int[] { 1 }) {
			for (boolean requiredOnly : new boolean[] { false, true }) {
				for (boolean far : new boolean[] { true, false }) {
					for (boolean checked : checks) {
						Insert insert = insert(table, columns, tables, keys, new Shape(requiredOnly, far, checked));
						Attempt attempt = tryInsert(connection, insert, count);
						if (attempt.error() == null) {
							seeded.put(table, attempt.inserted());
							return null;
						}
						error = attempt.error();
					}
				}
			}
		}
		return error;
	}

	/** Runs an insert under a savepoint. */
	private static Attempt tryInsert(Connection connection, Insert insert, int count) throws SQLException {
		Savepoint savepoint = connection.setSavepoint();
		try (PreparedStatement statement = connection.prepareStatement(insert.sql())) {
			int parameter = 1;
			for (String value : insert.values()) {
				statement.setString(parameter++, value);
			}
			statement.setInt(parameter, count);
			long inserted = statement.executeUpdate();
			connection.releaseSavepoint(savepoint);
			return new Attempt(inserted, null);
		}
		catch (SQLException ex) {
			connection.rollback(savepoint);
			return new Attempt(0, ex.getMessage());
		}
	}

	/**
	 * Builds {@code INSERT INTO t (cols) OVERRIDING SYSTEM VALUE SELECT values FROM
	 * generate_series(1, ?) g(n)}, each foreign key's columns taken from the parent's rows
	 * numbered and reused in turn. Identity and serial columns get values of their own, far from
	 * the ones their sequence gives, so a data migration after the seeding takes no seeded key.
	 */
	static Insert insert(TracedRelation table, List<SeedColumn> columns, Map<Long, TracedRelation> tables,
			List<ForeignKey> keys, Shape shape) {
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, String> bound = new LinkedHashMap<>();
		StringBuilder joins = new StringBuilder();
		int k = 0;
		for (ForeignKey key : keys) {
			TracedRelation parent = tables.get(key.parent());
			boolean required = key.columns().stream()
				.anyMatch((name) -> columns.stream().anyMatch((c) -> c.name().equals(name) && c.notNull()));
			// a table cannot point at its own rows before it has any
			if (parent == null || parent.equals(table) || shape.requiredOnly() && !required
					|| key.columns().stream().anyMatch(values::containsKey)) {
				continue;
			}
			String alias = "f" + k++;
			joins.append(" LEFT JOIN (SELECT ")
				.append(key.parentColumns().stream().map((c) -> "p." + quote(c)).collect(Collectors.joining(", ")))
				.append(", row_number() OVER () AS rn FROM ").append(quote(parent)).append(" p) AS ").append(alias)
				.append(" ON ").append(alias).append(".rn = (g.n - 1) % (SELECT greatest(count(*), 1) FROM ")
				.append(quote(parent)).append(") + 1");
			for (int i = 0; i < key.columns().size(); i++) {
				values.put(key.columns().get(i), alias + "." + quote(key.parentColumns().get(i)));
			}
		}
		for (SeedColumn column : columns) {
			boolean wanted = column.numbered() ? shape.far()
					: !column.hasDefault() && (column.notNull() || !shape.requiredOnly());
			if (column.generated() || values.containsKey(column.name()) || !wanted) {
				continue;
			}
			if (shape.checked() && column.checkLiteral() != null) {
				// the literal comes from the catalog's text of the check: bound, never spliced in
				values.put(column.name(), "(?::text)::" + column.type());
				bound.put(column.name(), column.checkLiteral());
				continue;
			}
			String value = column.value(shape.far());
			if (value != null) {
				values.put(column.name(), value);
			}
		}
		List<String> names = columns.stream().map(SeedColumn::name).filter(values::containsKey).toList();
		return new Insert("INSERT INTO " + quote(table) + " ("
				+ names.stream().map(TraceSeeder::quote).collect(Collectors.joining(", "))
				+ ") OVERRIDING SYSTEM VALUE SELECT " + names.stream().map(values::get).collect(Collectors.joining(", "))
				+ " FROM pg_catalog.generate_series(1, ?) AS g(n)" + joins,
				names.stream().filter(bound::containsKey).map(bound::get).toList());
	}

	/** The wanted tables and, transitively, the tables their foreign keys point at. */
	private static Set<TracedRelation> withParents(Map<Long, TracedRelation> tables, Map<Long, List<ForeignKey>> keys,
			Predicate<TracedRelation> wanted) {
		Set<TracedRelation> chosen = new LinkedHashSet<>();
		List<TracedRelation> todo = new ArrayList<>(tables.values().stream().filter(wanted).toList());
		while (!todo.isEmpty()) {
			TracedRelation table = todo.remove(todo.size() - 1);
			if (chosen.add(table)) {
				keys.getOrDefault(table.oid(), List.of()).stream()
					.map((key) -> tables.get(key.parent()))
					.filter((parent) -> parent != null)
					.forEach(todo::add);
			}
		}
		return chosen;
	}

	/** Parents before children; the tables of a cycle of foreign keys in name order. */
	private static List<TracedRelation> order(Set<TracedRelation> chosen, Map<Long, TracedRelation> tables,
			Map<Long, List<ForeignKey>> keys) {
		List<TracedRelation> ordered = new ArrayList<>();
		List<TracedRelation> left = tables.values().stream().filter(chosen::contains).collect(Collectors.toList());
		while (!left.isEmpty()) {
			TracedRelation next = left.stream()
				.filter((table) -> keys.getOrDefault(table.oid(), List.of()).stream()
					.noneMatch((key) -> key.parent() != table.oid() && left.stream().anyMatch((t) -> t.oid() == key.parent())))
				.findFirst()
				.orElse(left.get(0));
			ordered.add(next);
			left.remove(next);
		}
		return ordered;
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** Whether a name stands in the text as a word of its own, quoted or not. */
	private static boolean mentions(String text, String name) {
		return Pattern.compile("(?<![\\w$])" + Pattern.quote(name.toLowerCase(Locale.ROOT)) + "(?![\\w$])")
			.matcher(text)
			.find();
	}

	static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	static String quote(TracedRelation relation) {
		return quote(relation.schema()) + "." + quote(relation.name());
	}

	/**
	 * The rows one table got, so they can be deleted again.
	 *
	 * @param table the table
	 * @param keyColumns the columns of its primary key or first unique index; empty when it had none
	 * @param keys each row's key columns as the text of a row value
	 */
	public record SeededRows(TracedRelation table, List<String> keyColumns, List<String> keys) {

		public SeededRows {
			keyColumns = List.copyOf(keyColumns);
			keys = List.copyOf(keys);
		}

	}

	/**
	 * Which columns an insert fills, and how.
	 *
	 * @param requiredOnly only the {@code NOT NULL} columns without a default
	 * @param far whole numbers far from 1, identity and serial columns filled too
	 * @param checked a column with a check constraint of its own takes the check's first literal
	 */
	record Shape(boolean requiredOnly, boolean far, boolean checked) {
	}

	/**
	 * An insert and the values to bind before the row count.
	 *
	 * @param sql the statement
	 * @param values the literals to bind, in order
	 */
	record Insert(String sql, List<String> values) {
	}

	/**
	 * How one insert went.
	 *
	 * @param inserted the rows it inserted
	 * @param error the server's message when it failed, else {@code null}
	 */
	private record Attempt(long inserted, String error) {
	}

}
