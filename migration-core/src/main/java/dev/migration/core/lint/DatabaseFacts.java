package dev.migration.core.lint;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import dev.migration.core.MigrationException;

/**
 * What the live database holds before a run, read once from PostgreSQL's catalog for the lint
 * gate: the tables with their estimated rows and column types, the indexes, the columns already
 * NOT NULL (or held so by a validated check), the functions declared volatile, PostgreSQL's own
 * functions and those of the other schemas. Without a database ({@link #NONE}) every table is
 * taken as existing and large, and every function outside the linter's list of PostgreSQL's own
 * as unknown, as the offline linter must.
 */
public final class DatabaseFacts {

	/** Below this many estimated rows a table's locks and scans are over in milliseconds. */
	public static final long DEFAULT_SMALL_TABLE_ROWS = 10_000;

	/** Nothing known: the offline linter's view. */
	public static final DatabaseFacts NONE = new DatabaseFacts(false, Map.of(), Map.of(), Set.of(), Map.of(),
			new Functions(Set.of(), Set.of(), Map.of()), Set.of(), Map.of(), 0);

	/** Schemas that hold no application tables. */
	private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema') "
			+ "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'";

	/** Keeps the schemas bound as a text array, every schema when it is null. */
	private static final String OWNED = " AND n.nspname = ANY (coalesce(?::text[], ARRAY[n.nspname]))";

	/** Puts a history's own schemas on the search path, so its tables win over others of the same name. */
	private static final String SEARCH_OWNED = "SELECT set_config('search_path', "
			+ "(SELECT string_agg(quote_ident(s), ', ') FROM unnest(?::text[]) s), true)";

	/**
	 * A history's own schemas and those of no other history: a schema that holds a state table of the
	 * same name is another's.
	 */
	private static final String SCHEMAS_IN_SCOPE = "SELECT n.nspname FROM pg_namespace n WHERE " + USER_SCHEMAS
			+ " AND (n.nspname = ANY (?::text[]) OR NOT EXISTS (SELECT 1 FROM pg_class h WHERE h.relnamespace = n.oid "
			+ "AND h.relname = ?))";

	// a table visible on the search path is listed last, so it wins over one of the same name elsewhere;
	// reltuples is -1 before the first VACUUM or ANALYZE, when the statistics' live count is the estimate
	private static final String TABLES = "SELECT c.oid, c.relname, greatest(c.reltuples, "
			+ "pg_stat_get_live_tuples(c.oid)::real)::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
			+ "WHERE c.relkind IN ('r', 'p', 'm') AND " + USER_SCHEMAS + OWNED + " ORDER BY pg_table_is_visible(c.oid)";

	private static final String COLUMNS = "SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), "
			+ "a.attnotnull FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n "
			+ "ON n.oid = c.relnamespace WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'm') AND "
			+ USER_SCHEMAS + OWNED;

	private static final String NOT_NULL_CHECKS = "SELECT k.conrelid, pg_get_expr(k.conbin, k.conrelid), "
			+ "k.convalidated, k.conname FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace "
			+ "WHERE k.contype = 'c' AND " + USER_SCHEMAS + OWNED;

	// an equality on the one column of a unique index without a predicate picks one row (indkey[0] is 0 for an
	// expression); the leading column of a wider or partial one can match many
	private static final String INDEXES = "SELECT i.relname, t.relname, x.indisunique, a.attname, "
			+ "x.indnkeyatts = 1 AND x.indpred IS NULL, ARRAY(SELECT k.attname FROM pg_attribute k "
			+ "WHERE k.attrelid = x.indrelid AND k.attnum = ANY (x.indkey) AND k.attnum > 0)::text[] FROM pg_index x "
			+ "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n "
			+ "ON n.oid = i.relnamespace LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[0] "
			+ "WHERE " + USER_SCHEMAS + OWNED + " ORDER BY pg_table_is_visible(i.oid)";

	private static final String VOLATILE_FUNCTIONS = "SELECT DISTINCT lower(proname) FROM pg_proc WHERE provolatile = 'v'";

	private static final String BUILT_IN_FUNCTIONS = "SELECT DISTINCT lower(proname) FROM pg_proc "
			+ "WHERE pronamespace = 'pg_catalog'::regnamespace";

	// a name stands for all its overloads: one volatile makes the name volatile
	private static final String USER_FUNCTIONS = "SELECT lower(p.proname), bool_or(p.provolatile = 'v') FROM pg_proc p "
			+ "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE " + USER_SCHEMAS + " GROUP BY 1";

	private final boolean known;

	private final Map<String, Table> tables;

	private final Map<String, String> indexes;

	private final Set<String> notNull;

	/** Checks {@code column IS NOT NULL} added NOT VALID, by lower-case name: the column each will hold. */
	private final Map<String, String> notValidNotNullChecks;

	private final Functions functions;

	private final Set<String> keyColumns;

	private final Map<String, List<String>> indexColumns;

	private final long smallTableRows;

	private DatabaseFacts(boolean known, Map<String, Table> tables, Map<String, String> indexes, Set<String> notNull,
			Map<String, String> notValidNotNullChecks, Functions functions, Set<String> keyColumns,
			Map<String, List<String>> indexColumns, long smallTableRows) {
		this.notValidNotNullChecks = notValidNotNullChecks;
		this.keyColumns = keyColumns;
		this.indexColumns = indexColumns;
		this.known = known;
		this.tables = tables;
		this.indexes = indexes;
		this.notNull = notNull;
		this.functions = functions;
		this.smallTableRows = smallTableRows;
	}

	/**
	 * Reads the facts from the database, in queries that take no lock on any table.
	 * @param dataSource the database
	 * @param smallTableRows tables estimated below this many rows count as small
	 * @return the facts
	 */
	public static DatabaseFacts read(DataSource dataSource, long smallTableRows) {
		return read(dataSource, smallTableRows, SchemaScope.ALL);
	}

	/**
	 * Reads the facts one history's revisions are judged by: its own schemas first, other
	 * histories' schemas (other tenants) left out.
	 * @param dataSource the database
	 * @param smallTableRows tables estimated below this many rows count as small
	 * @param scope the schemas to read
	 * @return the facts
	 */
	public static DatabaseFacts read(DataSource dataSource, long smallTableRows, SchemaScope scope) {
		try (Connection connection = dataSource.getConnection()) {
			// one snapshot for every query: a table made meanwhile by another session must not show in one query and
			// be missing from the next
			boolean autoCommit = connection.getAutoCommit();
			int isolation = connection.getTransactionIsolation();
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			try {
				return read(connection, smallTableRows, schemasInScope(connection, scope));
			}
			finally {
				connection.rollback();
				connection.setTransactionIsolation(isolation);
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("The lint gate could not read the database's catalog (tables, indexes, "
					+ "functions) to judge the revisions to apply: " + ex.getMessage(), ex);
		}
	}

	private static DatabaseFacts read(Connection connection, long smallTableRows, Array schemas) throws SQLException {
		Map<Long, String> names = new HashMap<>();
		Map<String, Table> tables = new HashMap<>();
		try (ResultSet rows = query(connection, TABLES, schemas)) {
			while (rows.next()) {
				String name = rows.getString(2);
				names.put(rows.getLong(1), name);
				tables.put(Scope.key(name), new Table(name, Math.max(0, rows.getLong(3)), new HashMap<>()));
			}
		}
		Set<String> notNull = new HashSet<>();
		try (ResultSet rows = query(connection, COLUMNS, schemas)) {
			while (rows.next()) {
				String table = names.get(rows.getLong(1));
				String column = Scope.column(table, rows.getString(2));
				tables.get(Scope.key(table)).columnTypes().put(column, TypeName.parse(rows.getString(3)));
				if (rows.getBoolean(4)) {
					notNull.add(column);
				}
			}
		}
		Map<String, String> notValidNotNullChecks = new HashMap<>();
		try (ResultSet rows = query(connection, NOT_NULL_CHECKS, schemas)) {
			while (rows.next()) {
				String column = Expressions.notNullColumn(rows.getString(2));
				if (column != null && rows.getBoolean(3)) {
					notNull.add(Scope.column(names.get(rows.getLong(1)), column));
				}
				else if (column != null) {
					// validated by a later revision, it lets SET NOT NULL skip its scan as well
					notValidNotNullChecks.put(Scope.key(rows.getString(4)), Scope.column(names.get(rows.getLong(1)),
							column));
				}
			}
		}
		Map<String, String> indexes = new HashMap<>();
		Set<String> keyColumns = new HashSet<>();
		Map<String, List<String>> indexColumns = new HashMap<>();
		try (ResultSet rows = query(connection, INDEXES, schemas)) {
			while (rows.next()) {
				indexes.put(Scope.key(rows.getString(1)), rows.getString(2));
				indexColumns.put(Scope.key(rows.getString(1)), List.of((String[]) rows.getArray(6).getArray()));
				if (rows.getBoolean(3) && rows.getString(4) != null && rows.getBoolean(5)) {
					keyColumns.add(Scope.column(rows.getString(2), rows.getString(4)));
				}
			}
		}
		try (Statement statement = connection.createStatement()) {
			return new DatabaseFacts(true, tables, indexes, notNull, notValidNotNullChecks, functions(statement),
					keyColumns, indexColumns, smallTableRows);
		}
	}

	/** Prefers the history's own schemas and returns those to read, or {@code null} for every one. */
	private static Array schemasInScope(Connection connection, SchemaScope scope) throws SQLException {
		if (scope.owned().isEmpty() || scope.historyState() == null) {
			return null;
		}
		Array owned = connection.createArrayOf("text", scope.owned().toArray());
		try (PreparedStatement search = connection.prepareStatement(SEARCH_OWNED)) {
			search.setArray(1, owned);
			search.execute();
		}
		List<String> schemas = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(SCHEMAS_IN_SCOPE)) {
			statement.setArray(1, owned);
			statement.setString(2, scope.historyState());
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					schemas.add(rows.getString(1));
				}
			}
		}
		return connection.createArrayOf("text", schemas.toArray());
	}

	/** Runs a query of the given schemas (every one for {@code null}); the statement closes with its result set. */
	private static ResultSet query(Connection connection, String sql, Array schemas) throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql);
		statement.closeOnCompletion();
		if (schemas != null) {
			statement.setArray(1, schemas);
		}
		else {
			statement.setNull(1, java.sql.Types.ARRAY);
		}
		return statement.executeQuery();
	}

	/**
	 * Returns whether these facts come from a database.
	 * @return whether anything is known
	 */
	boolean known() {
		return this.known;
	}

	/** Returns the table of that name as it was before the run, if the database is known to have it. */
	Optional<Table> table(String name) {
		return Optional.ofNullable(this.tables.get(Scope.key(name)));
	}

	/** Returns whether the database is known not to hold this table before the run. */
	/**
	 * Returns whether an equality on the column picks few rows: it is the one column of a unique
	 * index without a predicate; without
	 * a database, or for a table the database does not hold, nothing says otherwise.
	 */
	boolean isKey(String table, String column) {
		return !this.known || !this.tables.containsKey(Scope.key(table))
				|| this.keyColumns.contains(Scope.column(table, column));
	}

	boolean lacksTable(String name) {
		return this.known && !this.tables.containsKey(Scope.key(name));
	}

	/** Returns whether the database is known not to hold this index before the run. */
	boolean lacksIndex(String name) {
		return this.known && !this.indexes.containsKey(Scope.key(name));
	}

	/** Returns the checks {@code column IS NOT NULL} added NOT VALID, by name, with the column each holds. */
	Map<String, String> notValidNotNullChecks() {
		return this.notValidNotNullChecks;
	}

	/** Returns the columns of an index, or empty when it is unknown or has only expressions. */
	List<String> indexColumns(String name) {
		return this.indexColumns.getOrDefault(Scope.key(name), List.of());
	}

	/** Returns the table an index is on, if known. */
	Optional<String> indexTable(String name) {
		return Optional.ofNullable(this.indexes.get(Scope.key(name)));
	}

	/** Returns the estimated rows of a table known to be small, or empty when it is large or unknown. */
	Optional<Long> smallTableRows(String table) {
		return table(table).map(Table::estimatedRows).filter((rows) -> rows < this.smallTableRows);
	}

	long smallTableLimit() {
		return this.smallTableRows;
	}

	/** Returns the column's type before the run, if known. */
	Optional<TypeName> columnType(String table, String column) {
		return table(table).map((facts) -> facts.columnTypes().get(Scope.column(table, column)));
	}

	/** Returns whether a column already is NOT NULL, or held so by a validated check, before the run. */
	boolean isNotNull(String table, String column) {
		return this.notNull.contains(Scope.column(table, column));
	}

	private static Functions functions(Statement statement) throws SQLException {
		Set<String> volatileFunctions = new HashSet<>();
		try (ResultSet rows = statement.executeQuery(VOLATILE_FUNCTIONS)) {
			while (rows.next()) {
				volatileFunctions.add(rows.getString(1));
			}
		}
		Set<String> builtIn = new HashSet<>();
		try (ResultSet rows = statement.executeQuery(BUILT_IN_FUNCTIONS)) {
			while (rows.next()) {
				builtIn.add(rows.getString(1));
			}
		}
		Map<String, Boolean> user = new HashMap<>();
		try (ResultSet rows = statement.executeQuery(USER_FUNCTIONS)) {
			while (rows.next()) {
				user.put(rows.getString(1), rows.getBoolean(2));
			}
		}
		return new Functions(volatileFunctions, builtIn, user);
	}

	/** Returns whether the database declares a function of this name volatile. */
	boolean isVolatile(String function) {
		return this.functions.volatileNames().contains(function.toLowerCase(Locale.ROOT));
	}

	/** Returns whether the database holds a function of this name in pg_catalog: PostgreSQL's own. */
	boolean isBuiltIn(String function) {
		return this.functions.builtIn().contains(function.toLowerCase(Locale.ROOT));
	}

	/**
	 * Returns whether the database declares a function of this name, in a schema of its own,
	 * volatile (in one of its overloads at least), or empty when it holds none.
	 */
	Optional<Boolean> declaresVolatile(String function) {
		return Optional.ofNullable(this.functions.user().get(function.toLowerCase(Locale.ROOT)));
	}

	/** Returns whether the database is known to hold no table at all, as before a first run. */
	boolean holdsNoTable() {
		return this.known && this.tables.isEmpty();
	}

	/**
	 * The functions of the database, by lower-case name.
	 *
	 * @param volatileNames the names of the volatile ones, wherever they are
	 * @param builtIn the names in pg_catalog
	 * @param user whether each name of the other schemas is volatile in one of its overloads
	 */
	private record Functions(Set<String> volatileNames, Set<String> builtIn, Map<String, Boolean> user) {

	}

	/**
	 * One table before the run.
	 *
	 * @param name its name
	 * @param estimatedRows its rows, as the catalog estimates them
	 * @param columnTypes the type of each column, by {@link Scope#column} key
	 */
	record Table(String name, long estimatedRows, Map<String, TypeName> columnTypes) {

	}

}
