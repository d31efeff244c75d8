package dev.migration.core.dialect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import dev.migration.core.MigrationException;
import dev.migration.core.op.AddColumn;
import dev.migration.core.op.AddForeignKeyOnline;
import dev.migration.core.op.AddUniqueOnline;
import dev.migration.core.op.AddConstraint;
import dev.migration.core.op.AddEnumValue;
import dev.migration.core.op.AlterColumnDefault;
import dev.migration.core.op.AlterColumnNullability;
import dev.migration.core.op.AlterColumnType;
import dev.migration.core.op.Backfill;
import dev.migration.core.op.BoundExpression;
import dev.migration.core.op.BulkInsert;
import dev.migration.core.op.CommentOnColumn;
import dev.migration.core.op.ColumnSync;
import dev.migration.core.op.CommentOnTable;
import dev.migration.core.op.CommitPoint;
import dev.migration.core.op.CreateColumnSync;
import dev.migration.core.op.CreateEnumType;
import dev.migration.core.op.CreateIndex;
import dev.migration.core.op.CreateSchema;
import dev.migration.core.op.CreateSequence;
import dev.migration.core.op.CreateTable;
import dev.migration.core.op.CreateView;
import dev.migration.core.op.DropColumn;
import dev.migration.core.op.DeleteRows;
import dev.migration.core.op.DropColumnSync;
import dev.migration.core.op.DropConstraint;
import dev.migration.core.op.DropIndex;
import dev.migration.core.op.DropSchema;
import dev.migration.core.op.DropSequence;
import dev.migration.core.op.DropTable;
import dev.migration.core.op.DropType;
import dev.migration.core.op.DropView;
import dev.migration.core.op.ExecuteSql;
import dev.migration.core.op.FinishRenameColumnOnline;
import dev.migration.core.op.ForgetBackfill;
import dev.migration.core.op.ForgetBackfillProgress;
import dev.migration.core.op.CreateFunction;
import dev.migration.core.op.CreateTrigger;
import dev.migration.core.op.DropFunction;
import dev.migration.core.op.DropTrigger;
import dev.migration.core.op.FunctionDefinition;
import dev.migration.core.op.TriggerDefinition;
import dev.migration.core.op.TouchOnUpdate;
import dev.migration.core.op.DropTouchOnUpdate;
import dev.migration.core.op.OnlineOnlyStep;
import dev.migration.core.op.VerifyColumnShape;
import dev.migration.core.op.Op;
import dev.migration.core.op.RenameColumn;
import dev.migration.core.op.RenameColumnOnline;
import dev.migration.core.op.RenameTable;
import dev.migration.core.op.RowFilter;
import dev.migration.core.op.SetNotNullOnline;
import dev.migration.core.op.UpdateRows;
import dev.migration.core.op.ValidateConstraint;
import dev.migration.core.schema.Column;
import dev.migration.core.schema.DefaultValue;
import dev.migration.core.schema.IndexElement;
import dev.migration.core.schema.QualifiedName;
import dev.migration.core.schema.TableConstraint;
import dev.migration.core.sink.DatabaseReader;

/**
 * Renders operations as PostgreSQL 13+ SQL. Dispatch is one explicit {@code instanceof} chain,
 * so a reader can go from an op straight to the method that writes its SQL.
 */
public class PostgresDialect implements Dialect {

	/** The sync function of a rename: 1 function, 2 and 3 old and new column of NEW, 4 and 5 their names. */
	private static final String COPYING_SYNC = """
			CREATE FUNCTION %1$s() RETURNS trigger LANGUAGE plpgsql AS $sync$
			BEGIN
			    IF TG_OP = 'INSERT' THEN
			        %3$s := coalesce(%3$s, %2$s);
			        %2$s := coalesce(%2$s, %3$s);
			    ELSIF %2$s IS DISTINCT FROM OLD.%4$s THEN
			        %3$s := %2$s;
			    ELSIF %3$s IS DISTINCT FROM OLD.%5$s THEN
			        %2$s := %3$s;
			    END IF;
			    RETURN NEW;
			END
			$sync$""";

	/** The sync function of a type change: as {@link #COPYING_SYNC}, 6 and 7 the conversions. */
	private static final String CONVERTING_SYNC = """
			CREATE FUNCTION %1$s() RETURNS trigger LANGUAGE plpgsql AS $sync$
			BEGIN
			    IF TG_OP = 'INSERT' THEN
			        IF %3$s IS NULL THEN
			            %3$s := (SELECT %6$s FROM (SELECT NEW.*) AS sync_row);
			        END IF;
			        IF %2$s IS NULL THEN
			            %2$s := (SELECT %7$s FROM (SELECT NEW.*) AS sync_row);
			        END IF;
			    ELSIF %2$s IS DISTINCT FROM OLD.%4$s THEN
			        %3$s := (SELECT %6$s FROM (SELECT NEW.*) AS sync_row);
			    ELSIF %3$s IS DISTINCT FROM OLD.%5$s THEN
			        %2$s := (SELECT %7$s FROM (SELECT NEW.*) AS sync_row);
			    END IF;
			    RETURN NEW;
			END
			$sync$""";

	/**
	 * The body of the check before a contract step's drop: 1 the table for to_regclass, 2 the
	 * column, 3 the declared features as {@link dev.migration.core.op.ColumnShape#features()}
	 * lists them, 4 the column for the message, 5 the declared features for the message.
	 * Constraint-backed indexes depend on their constraint, not on the column, so each is
	 * listed once, as its constraint.
	 */
	private static final String COLUMN_SHAPE_CHECK = """
			DECLARE
			    actual text;
			BEGIN
			    SELECT concat_ws(', ',
			        CASE WHEN a.attnotnull THEN 'NOT NULL' END,
			        CASE WHEN a.atthasdef THEN 'DEFAULT' END,
			        (SELECT string_agg(CASE c.contype WHEN 'c' THEN 'CHECK ' WHEN 'u' THEN 'UNIQUE '
			                WHEN 'p' THEN 'PRIMARY KEY ' WHEN 'f' THEN 'FOREIGN KEY ' ELSE 'CONSTRAINT ' END || c.conname,
			                ', ' ORDER BY c.contype <> 'c', c.conname::text COLLATE "C")
			            FROM pg_constraint c
			            WHERE c.conrelid = a.attrelid AND a.attnum = ANY (c.conkey) AND c.contype <> 'n'),
			        (SELECT string_agg('INDEX ' || i.name, ', ' ORDER BY i.name COLLATE "C")
			            FROM (SELECT DISTINCT x.relname::text AS name
			                FROM pg_depend d JOIN pg_class x ON x.oid = d.objid
			                WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
			                  AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum AND x.relkind IN ('i', 'I')) i))
			    INTO actual
			    FROM pg_attribute a
			    WHERE a.attrelid = to_regclass(%1$s) AND a.attname = %2$s AND NOT a.attisdropped;
			    IF FOUND AND actual <> %3$s THEN
			        RAISE EXCEPTION 'Column %% has %%, but the contract step that drops it declares %%. Declare exactly '
			            'what it has, so the derived downgrade restores it, or write downgrade() for this revision.',
			            %4$s, coalesce(nullif(actual, ''), 'nothing'), %5$s;
			    END IF;
			END""";

	/** Bind parameters per statement stay well below the protocol's limit of 32767. */
	private static final int MAX_PARAMETERS = 30_000;

	private static final int MAX_ROWS_PER_INSERT = 1_000;

	@Override
	public List<SqlStatement> render(Op op) {
		if (op instanceof CreateSchema o) {
			return one("CREATE SCHEMA " + (o.ifNotExists() ? "IF NOT EXISTS " : "") + quote(o.name()));
		}
		if (op instanceof DropSchema o) {
			return one(drop("SCHEMA", quote(o.name()), o.ifExists(), o.cascade()));
		}
		if (op instanceof CreateTable o) {
			return createTable(o);
		}
		if (op instanceof DropTable o) {
			return one(drop("TABLE", name(o.table()), o.ifExists(), o.cascade()));
		}
		if (op instanceof RenameTable o) {
			return one(alterTable(o.table()) + "RENAME TO " + quote(o.newName()));
		}
		if (op instanceof AddColumn o) {
			return addColumn(o);
		}
		if (op instanceof DropColumn o) {
			return one(alterTable(o.table()) + "DROP COLUMN " + (o.ifExists() ? "IF EXISTS " : "") + quote(o.column())
					+ (o.cascade() ? " CASCADE" : ""));
		}
		if (op instanceof RenameColumn o) {
			return one(alterTable(o.table()) + "RENAME COLUMN " + quote(o.column()) + " TO " + quote(o.newName()));
		}
		if (op instanceof AlterColumnType o) {
			return one(alterColumn(o.table(), o.column()) + "TYPE " + PostgresDefinitions.type(o.type())
					+ ((o.using() != null) ? " USING " + o.using() : ""));
		}
		if (op instanceof AlterColumnNullability o) {
			return one(alterColumn(o.table(), o.column()) + (o.nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
		}
		if (op instanceof AlterColumnDefault o) {
			return one(alterColumn(o.table(), o.column()) + ((o.value() instanceof DefaultValue.None) ? "DROP DEFAULT"
					: "SET DEFAULT " + PostgresDefinitions.defaultValue(o.value())));
		}
		if (op instanceof CreateIndex o) {
			return List.of(createIndex(o));
		}
		if (op instanceof DropIndex o) {
			String sql = drop("INDEX" + (o.concurrently() ? " CONCURRENTLY" : ""), name(o.index()), o.ifExists(),
					o.cascade());
			return List.of(o.concurrently() ? SqlStatement.nonTransactional(sql).nonBlocking() : SqlStatement.of(sql));
		}
		if (op instanceof AddConstraint o) {
			return one(alterTable(o.table()) + "ADD " + PostgresDefinitions.constraint(o.constraint(), true));
		}
		if (op instanceof DropConstraint o) {
			return one(alterTable(o.table()) + "DROP CONSTRAINT " + (o.ifExists() ? "IF EXISTS " : "") + quote(o.name())
					+ (o.cascade() ? " CASCADE" : ""));
		}
		if (op instanceof ValidateConstraint o) {
			// VALIDATE takes SHARE UPDATE EXCLUSIVE, which reads and writes do not wait for
			return List.of(SqlStatement.of(alterTable(o.table()) + "VALIDATE CONSTRAINT " + quote(o.name())).nonBlocking());
		}
		if (op instanceof CreateView o) {
			return one("CREATE " + (o.orReplace() ? "OR REPLACE " : "") + (o.materialized() ? "MATERIALIZED " : "")
					+ "VIEW " + name(o.view()) + " AS " + o.query());
		}
		if (op instanceof DropView o) {
			return one(drop(o.materialized() ? "MATERIALIZED VIEW" : "VIEW", name(o.view()), o.ifExists(), o.cascade()));
		}
		if (op instanceof CreateSequence o) {
			return one(createSequence(o));
		}
		if (op instanceof DropSequence o) {
			return one(drop("SEQUENCE", name(o.sequence()), o.ifExists(), o.cascade()));
		}
		if (op instanceof CreateEnumType o) {
			return one(createEnumType(o));
		}
		if (op instanceof AddEnumValue o) {
			return one(addEnumValue(o));
		}
		if (op instanceof DropType o) {
			return one(drop("TYPE", name(o.type()), o.ifExists(), o.cascade()));
		}
		if (op instanceof CommentOnTable o) {
			return one(commentOnTable(o.table(), o.comment()));
		}
		if (op instanceof CommentOnColumn o) {
			return one(commentOnColumn(o.table(), o.column(), o.comment()));
		}
		if (op instanceof ExecuteSql o) {
			return rawSql(o.sql());
		}
		if (op instanceof CommitPoint) {
			return List.of(SqlStatement.COMMIT_POINT);
		}
		if (op instanceof BulkInsert o) {
			return bulkInsert(o);
		}
		if (op instanceof UpdateRows o) {
			return List.of(update(o));
		}
		if (op instanceof DeleteRows o) {
			return List.of(delete(o));
		}
		if (op instanceof CreateFunction o) {
			return one(createFunction(o.function(), o.orReplace()));
		}
		if (op instanceof DropFunction o) {
			return one(drop("FUNCTION", name(o.name()) + PostgresDefinitions.typeList(o.argumentTypes()), o.ifExists(),
					o.cascade()));
		}
		if (op instanceof CreateTrigger o) {
			return one(createTrigger(o.trigger()));
		}
		if (op instanceof DropTrigger o) {
			return one(drop("TRIGGER", quote(o.name()) + " ON " + name(o.table()), o.ifExists(), false));
		}
		if (op instanceof TouchOnUpdate o) {
			return touchOnUpdate(o);
		}
		if (op instanceof DropTouchOnUpdate o) {
			TouchOnUpdate touch = o.touch();
			List<SqlStatement> statements = new ArrayList<>(render(new DropTrigger(touch.name(), touch.table(), false, null)));
			statements.addAll(render(new DropFunction(touch.function(), List.of(), false, false, null)));
			return statements;
		}
		if (op instanceof OnlineOnlyStep o) {
			// only offline recordings hold it: the script says what it leaves out
			return one("-- online-only step: " + o.description() + ", not in this script");
		}
		if (op instanceof VerifyColumnShape o) {
			return one(verifyColumnShape(o));
		}
		if (op instanceof SetNotNullOnline o) {
			return setNotNullOnline(o);
		}
		if (op instanceof AddForeignKeyOnline o) {
			return addForeignKeyOnline(o);
		}
		if (op instanceof AddUniqueOnline o) {
			return addUniqueOnline(o);
		}
		if (op instanceof Backfill o) {
			return PostgresBackfill.render(o);
		}
		if (op instanceof ForgetBackfill o) {
			return PostgresBackfill.forget(o);
		}
		if (op instanceof ForgetBackfillProgress o) {
			return PostgresBackfill.forget(o);
		}
		if (op instanceof CreateColumnSync o) {
			return createColumnSync(o.sync());
		}
		if (op instanceof DropColumnSync o) {
			String sync = quote(o.sync().name());
			return List.of(SqlStatement.of("DROP TRIGGER " + sync + " ON " + name(o.sync().table())),
					SqlStatement.of("DROP FUNCTION " + name(o.sync().table().sibling(o.sync().name())) + "()"));
		}
		if (op instanceof RenameColumnOnline o) {
			return o.steps().stream().flatMap((step) -> render(step).stream()).toList();
		}
		if (op instanceof FinishRenameColumnOnline o) {
			return o.steps().stream().flatMap((step) -> render(step).stream()).toList();
		}
		throw new IllegalArgumentException("PostgresDialect cannot render " + op);
	}

	@Override
	public String quote(String identifier) {
		return PostgresIdentifiers.quote(identifier);
	}

	@Override
	public String quote(QualifiedName name) {
		return PostgresIdentifiers.quote(name);
	}

	@Override
	public String literal(Object value) {
		return PostgresLiterals.literal(value);
	}

	@Override
	public ResumeCheck resumeCheck(SqlStatement statement, boolean startedBefore, DatabaseReader reader) {
		return PostgresResumeChecks.check(statement, startedBefore, reader);
	}

	@Override
	public boolean changesSession(SqlStatement statement) {
		String first = PostgresScanner.firstWord(statement.sql());
		return first.equals("set") || first.equals("reset")
				|| first.equals("select") && statement.sql().toLowerCase(Locale.ROOT).contains("set_config");
	}

	@Override
	public boolean managesTransactions(SqlStatement statement) {
		String first = PostgresScanner.firstWord(statement.sql());
		return first.equals("do") || first.equals("call");
	}

	@Override
	public List<SqlStatement> prepareSession(int majorVersion) {
		// the run's session holds the migration lock: a DBA's idle timeouts must not end it while
		// it waits between lock retries, or another runner would take the lock halfway through
		List<SqlStatement> statements = new ArrayList<>(
				List.of(SqlStatement.setting("SET idle_in_transaction_session_timeout = 0")));
		if (majorVersion >= 14) {
			statements.add(SqlStatement.setting("SET idle_session_timeout = 0"));
			// the server checks during long statements whether the client is gone, so the
			// statement of a killed runner stops instead of holding its locks until it ends
			statements.add(SqlStatement.setting("SET client_connection_check_interval = '1s'"));
		}
		return statements;
	}

	@Override
	public List<SqlStatement> resetSession(int majorVersion) {
		List<SqlStatement> statements = new ArrayList<>(
				List.of(SqlStatement.setting("RESET idle_in_transaction_session_timeout")));
		if (majorVersion >= 14) {
			statements.add(SqlStatement.setting("RESET idle_session_timeout"));
			statements.add(SqlStatement.setting("RESET client_connection_check_interval"));
		}
		return statements;
	}

	@Override
	public List<SqlStatement> deferCommitFlush() {
		return List.of(SqlStatement.setting("SET synchronous_commit = off"));
	}

	@Override
	public List<SqlStatement> restoreCommitFlush() {
		return List.of(SqlStatement.setting("RESET synchronous_commit"));
	}

	@Override
	public SqlStatement setLockTimeout(Duration timeout, boolean transactionLocal) {
		return SqlStatement.setting("SET " + (transactionLocal ? "LOCAL " : "") + "lock_timeout = "
				+ PostgresLiterals.duration(timeout));
	}

	@Override
	public SqlStatement resetLockTimeout() {
		return SqlStatement.setting("RESET lock_timeout");
	}

	/**
	 * Renders a possibly schema-qualified name.
	 * @param name the name
	 * @return the quoted name
	 */
	protected String name(QualifiedName name) {
		return PostgresIdentifiers.quote(name);
	}

	private List<SqlStatement> createTable(CreateTable table) {
		StringJoiner body = new StringJoiner(",\n    ", " (\n    ", "\n)");
		table.columns().forEach((column) -> body.add(PostgresDefinitions.column(column)));
		table.constraints().forEach((constraint) -> body.add(PostgresDefinitions.constraint(constraint, false)));
		List<SqlStatement> statements = new ArrayList<>();
		statements.add(SqlStatement
			.of("CREATE TABLE " + (table.ifNotExists() ? "IF NOT EXISTS " : "") + name(table.table()) + body));
		if (table.comment() != null) {
			statements.add(SqlStatement.of(commentOnTable(table.table(), table.comment())));
		}
		statements.addAll(columnComments(table.table(), table.columns()));
		return statements;
	}

	private List<SqlStatement> addColumn(AddColumn add) {
		List<SqlStatement> statements = new ArrayList<>();
		statements.add(SqlStatement.of(alterTable(add.table()) + "ADD COLUMN " + (add.ifNotExists() ? "IF NOT EXISTS " : "")
				+ PostgresDefinitions.column(add.column())));
		statements.addAll(columnComments(add.table(), List.of(add.column())));
		return statements;
	}

	private List<SqlStatement> columnComments(QualifiedName table, List<Column> columns) {
		return columns.stream()
			.filter((column) -> column.comment() != null)
			.map((column) -> SqlStatement.of(commentOnColumn(table, column.name(), column.comment())))
			.toList();
	}

	private SqlStatement createIndex(CreateIndex index) {
		StringBuilder sql = new StringBuilder("CREATE ").append(index.unique() ? "UNIQUE " : "").append("INDEX ");
		sql.append(index.concurrently() ? "CONCURRENTLY " : "").append(index.ifNotExists() ? "IF NOT EXISTS " : "");
		sql.append(quote(index.name())).append(" ON ").append(name(index.table()));
		if (index.method() != null) {
			sql.append(" USING ").append(quote(index.method()));
		}
		StringJoiner keys = new StringJoiner(", ", " (", ")");
		index.elements().forEach((element) -> keys.add(PostgresDefinitions.indexElement(element)));
		sql.append(keys);
		if (!index.include().isEmpty()) {
			sql.append(" INCLUDE ").append(PostgresDefinitions.columns(index.include()));
		}
		if (index.where() != null) {
			sql.append(" WHERE ").append(index.where());
		}
		return index.concurrently() ? SqlStatement.nonTransactional(sql.toString()).nonBlocking()
				: SqlStatement.of(sql.toString());
	}

	private String createSequence(CreateSequence sequence) {
		StringBuilder sql = new StringBuilder("CREATE SEQUENCE ").append(sequence.ifNotExists() ? "IF NOT EXISTS " : "")
			.append(name(sequence.sequence()));
		if (sequence.dataType() != null) {
			sql.append(" AS ").append(PostgresDefinitions.type(sequence.dataType()));
		}
		appendOption(sql, " INCREMENT BY ", sequence.incrementBy());
		appendOption(sql, " MINVALUE ", sequence.minValue());
		appendOption(sql, " MAXVALUE ", sequence.maxValue());
		appendOption(sql, " START WITH ", sequence.startWith());
		appendOption(sql, " CACHE ", sequence.cache());
		if (sequence.cycle()) {
			sql.append(" CYCLE");
		}
		if (sequence.ownedByTable() != null) {
			sql.append(" OWNED BY ").append(name(sequence.ownedByTable())).append('.')
				.append(quote(sequence.ownedByColumn()));
		}
		return sql.toString();
	}

	private static void appendOption(StringBuilder sql, String keyword, Long value) {
		if (value != null) {
			sql.append(keyword).append(value);
		}
	}

	private String createEnumType(CreateEnumType type) {
		StringJoiner labels = new StringJoiner(", ", " AS ENUM (", ")");
		type.values().forEach((label) -> labels.add(PostgresLiterals.string(label)));
		return "CREATE TYPE " + name(type.type()) + labels;
	}

	private String addEnumValue(AddEnumValue add) {
		String sql = "ALTER TYPE " + name(add.type()) + " ADD VALUE " + (add.ifNotExists() ? "IF NOT EXISTS " : "")
				+ PostgresLiterals.string(add.value());
		if (add.before() != null) {
			return sql + " BEFORE " + PostgresLiterals.string(add.before());
		}
		return (add.after() != null) ? sql + " AFTER " + PostgresLiterals.string(add.after()) : sql;
	}

	private String commentOnTable(QualifiedName table, String comment) {
		return "COMMENT ON TABLE " + name(table) + " IS " + comment(comment);
	}

	private String commentOnColumn(QualifiedName table, String column, String comment) {
		return "COMMENT ON COLUMN " + name(table) + "." + quote(column) + " IS " + comment(comment);
	}

	private static String comment(String comment) {
		return (comment != null) ? PostgresLiterals.string(comment) : "NULL";
	}

	/**
	 * A trigger copying writes of either column into the other, so old and new code agree;
	 * with conversions, each is an expression over the row being written.
	 */
	private List<SqlStatement> createColumnSync(ColumnSync sync) {
		String function = name(sync.table().sibling(sync.name()));
		String body = (sync.converts() ? CONVERTING_SYNC : COPYING_SYNC).formatted(function,
				"NEW." + quote(sync.column()), "NEW." + quote(sync.newName()), quote(sync.column()),
				quote(sync.newName()), sync.forwardSql(), sync.backwardSql());
		return List.of(SqlStatement.of(body), SqlStatement.of("CREATE TRIGGER " + quote(sync.name())
				+ " BEFORE INSERT OR UPDATE ON " + name(sync.table()) + " FOR EACH ROW EXECUTE FUNCTION " + function + "()"));
	}

	private List<SqlStatement> setNotNullOnline(SetNotNullOnline op) {
		List<SqlStatement> statements = new ArrayList<>(render(new AddConstraint(op.table(),
				new TableConstraint.Check(op.checkName(), quote(op.column()) + " IS NOT NULL", true))));
		statements.add(SqlStatement.COMMIT_POINT);
		statements.addAll(render(new ValidateConstraint(op.table(), op.checkName())));
		statements.add(SqlStatement.COMMIT_POINT);
		statements.addAll(render(new AlterColumnNullability(op.table(), op.column(), false)));
		statements.addAll(render(new DropConstraint(op.table(), op.checkName(), false, false)));
		return statements;
	}

	private List<SqlStatement> addForeignKeyOnline(AddForeignKeyOnline op) {
		TableConstraint.ForeignKey key = op.foreignKey();
		TableConstraint.ForeignKey notValid = new TableConstraint.ForeignKey(key.name(), key.columns(),
				key.referencedTable(), key.referencedColumns(), key.onDelete(), key.onUpdate(), key.deferrable(),
				key.initiallyDeferred(), true);
		List<SqlStatement> statements = new ArrayList<>(render(new AddConstraint(op.table(), notValid)));
		statements.add(SqlStatement.COMMIT_POINT);
		statements.addAll(render(new ValidateConstraint(op.table(), key.name())));
		return statements;
	}

	private List<SqlStatement> addUniqueOnline(AddUniqueOnline op) {
		// the commit point lets the concurrent build follow transactional work in the same revision
		List<SqlStatement> statements = new ArrayList<>(List.of(SqlStatement.COMMIT_POINT));
		statements.addAll(render(uniqueIndex(op)));
		statements.addAll(render(new AddConstraint(op.table(),
				new TableConstraint.Unique(op.name(), List.of(), op.indexName(), false))));
		return statements;
	}

	private static CreateIndex uniqueIndex(AddUniqueOnline op) {
		return new CreateIndex(op.indexName(), op.table(), op.columns().stream().map(IndexElement::column).toList(),
				true, true, false, null, List.of(), null);
	}

	/**
	 * Splits hand-written SQL into statements, so one that cannot run in a transaction
	 * (detected by its leading words) is sent alone and runs outside one.
	 */
	private static List<SqlStatement> rawSql(String sql) {
		return PostgresScanner.split(sql)
			.stream()
			.map(PostgresDialect::rawStatement)
			.toList();
	}

	private static SqlStatement rawStatement(String sql) {
		if (PostgresScanner.isCopyWithData(sql)) {
			return SqlStatement.copyIn(sql);
		}
		if (!PostgresScanner.requiresNoTransaction(sql)) {
			return SqlStatement.of(sql);
		}
		SqlStatement statement = SqlStatement.nonTransactional(sql);
		return PostgresScanner.isConcurrent(sql) ? statement.nonBlocking() : statement;
	}

	private List<SqlStatement> bulkInsert(BulkInsert insert) {
		int rowsPerStatement = Math.max(1,
				Math.min(MAX_ROWS_PER_INSERT, MAX_PARAMETERS / insert.columns().size()));
		String head = "INSERT INTO " + name(insert.table()) + " " + PostgresDefinitions.columns(insert.columns())
				+ " VALUES\n    (";
		List<SqlStatement> statements = new ArrayList<>();
		for (int from = 0; from < insert.rows().size(); from += rowsPerStatement) {
			List<List<Object>> rows = insert.rows().subList(from, Math.min(insert.rows().size(), from + rowsPerStatement));
			statements.add(insertStatement(head, rows));
		}
		return statements;
	}

	private static SqlStatement insertStatement(String head, List<List<Object>> rows) {
		List<String> fragments = new ArrayList<>();
		List<Object> parameters = new ArrayList<>();
		StringBuilder text = new StringBuilder(head);
		for (int row = 0; row < rows.size(); row++) {
			if (row > 0) {
				text.append("),\n    (");
			}
			for (int column = 0; column < rows.get(row).size(); column++) {
				if (column > 0) {
					text.append(", ");
				}
				fragments.add(text.toString());
				text.setLength(0);
				parameters.add(rows.get(row).get(column));
			}
		}
		fragments.add(text.append(")").toString());
		return new SqlStatement(fragments, parameters, true);
	}

	private String createFunction(FunctionDefinition function, boolean orReplace) {
		StringJoiner arguments = new StringJoiner(", ", "(", ")");
		for (FunctionDefinition.Argument argument : function.arguments()) {
			arguments.add(((argument.name() != null) ? quote(argument.name()) + " " : "")
					+ PostgresDefinitions.type(argument.type()));
		}
		return "CREATE " + (orReplace ? "OR REPLACE " : "") + "FUNCTION " + name(function.name()) + arguments
				+ " RETURNS " + PostgresDefinitions.type(function.returns()) + " LANGUAGE " + quote(function.language())
				+ ((function.volatility() != FunctionDefinition.Volatility.VOLATILE)
						? " " + function.volatility().name() : "")
				+ " AS " + PostgresDefinitions.dollarQuoted(function.body(), "function");
	}

	/**
	 * The function leaves a value the UPDATE set itself, as {@code onupdate} does; an UPDATE
	 * that sets the column to the value it had is taken as not setting it.
	 */
	private List<SqlStatement> touchOnUpdate(TouchOnUpdate touch) {
		String column = "NEW." + quote(touch.column());
		String body = """
				BEGIN
				    IF %1$s IS NOT DISTINCT FROM OLD.%2$s THEN
				        %1$s := now();
				    END IF;
				    RETURN NEW;
				END""".formatted(column, quote(touch.column()));
		List<SqlStatement> statements = new ArrayList<>(render(new CreateFunction(new FunctionDefinition(touch.function(),
				List.of(), FunctionDefinition.TRIGGER, "plpgsql", body, FunctionDefinition.Volatility.VOLATILE), false)));
		statements.addAll(render(new CreateTrigger(touch.trigger())));
		return statements;
	}

	private String verifyColumnShape(VerifyColumnShape verify) {
		String declared = String.join(", ", verify.shape().features());
		String body = COLUMN_SHAPE_CHECK.formatted(PostgresLiterals.string(name(verify.table())),
				PostgresLiterals.string(verify.column()), PostgresLiterals.string(declared),
				PostgresLiterals.string(verify.table() + "." + verify.column()),
				PostgresLiterals.string(declared.isEmpty() ? "nothing" : declared));
		return "DO " + PostgresDefinitions.dollarQuoted(body, "verify");
	}

	private String createTrigger(TriggerDefinition trigger) {
		StringJoiner events = new StringJoiner(" OR ");
		for (TriggerDefinition.Event event : trigger.events()) {
			boolean columns = event == TriggerDefinition.Event.UPDATE && !trigger.updateColumns().isEmpty();
			events.add(event.name() + (columns ? " OF " + String.join(", ",
					trigger.updateColumns().stream().map(this::quote).toList()) : ""));
		}
		StringJoiner arguments = new StringJoiner(", ", "(", ")");
		trigger.arguments().forEach((argument) -> arguments.add(PostgresLiterals.string(argument)));
		return "CREATE TRIGGER " + quote(trigger.name()) + " " + trigger.timing().sql() + " " + events + " ON "
				+ name(trigger.table()) + " FOR EACH " + trigger.level().name()
				+ ((trigger.when() != null) ? " WHEN (" + trigger.when() + ")" : "") + " EXECUTE FUNCTION "
				+ name(trigger.function()) + arguments;
	}

	private SqlStatement update(UpdateRows update) {
		BoundText sql = new BoundText("UPDATE " + name(update.table()) + " SET ");
		String separator = "";
		for (UpdateRows.Assignment assignment : update.assignments()) {
			sql.text(separator + quote(assignment.column()) + " = ");
			sql.bound(assignment.value(), "value of " + update.table() + "." + assignment.column());
			separator = ", ";
		}
		where(sql, update.rows(), "update of " + update.table());
		return expecting(sql.statement(), update.expectedRows());
	}

	private SqlStatement delete(DeleteRows delete) {
		BoundText sql = new BoundText("DELETE FROM " + name(delete.table()));
		where(sql, delete.rows(), "delete from " + delete.table());
		return expecting(sql.statement(), delete.expectedRows());
	}

	private static void where(BoundText sql, RowFilter rows, String what) {
		boolean several = rows.conditions().size() > 1;
		String separator = " WHERE ";
		for (BoundExpression condition : rows.conditions()) {
			sql.text(separator + (several ? "(" : ""));
			sql.bound(condition, "condition of the " + what);
			sql.text(several ? ")" : "");
			separator = " AND ";
		}
	}

	private static SqlStatement expecting(SqlStatement statement, Integer rows) {
		return (rows != null) ? statement.expectingRows(rows) : statement;
	}

	private String alterTable(QualifiedName table) {
		return "ALTER TABLE " + name(table) + " ";
	}

	private String alterColumn(QualifiedName table, String column) {
		return alterTable(table) + "ALTER COLUMN " + quote(column) + " ";
	}

	private static String drop(String kind, String name, boolean ifExists, boolean cascade) {
		return "DROP " + kind + " " + (ifExists ? "IF EXISTS " : "") + name + (cascade ? " CASCADE" : "");
	}

	private static List<SqlStatement> one(String sql) {
		return List.of(SqlStatement.of(sql));
	}

	/** Statement text built piece by piece, each bound value kept apart from the text around it. */
	private static final class BoundText {

		private final List<String> fragments = new ArrayList<>();

		private final List<Object> parameters = new ArrayList<>();

		private final StringBuilder current;

		BoundText(String start) {
			this.current = new StringBuilder(start);
		}

		void text(String text) {
			this.current.append(text);
		}

		/** Appends an expression written with {@code ?} placeholders, its values as parameters. */
		void bound(BoundExpression expression, String what) {
			if (PostgresScanner.split(expression.sql()).size() > 1) {
				throw new MigrationException("The " + what + " must be one SQL expression, without ';', but was: "
						+ expression.sql());
			}
			List<String> pieces = PostgresScanner.splitAtPlaceholders(expression.sql());
			if (pieces.size() - 1 != expression.values().size()) {
				throw new MigrationException("The " + what + " has " + (pieces.size() - 1) + " '?' placeholder(s) but "
						+ expression.values().size() + " value(s): " + expression.sql());
			}
			this.current.append(pieces.get(0));
			for (int i = 0; i < expression.values().size(); i++) {
				this.fragments.add(this.current.toString());
				this.current.setLength(0);
				this.parameters.add(expression.values().get(i));
				this.current.append(pieces.get(i + 1));
			}
		}

		SqlStatement statement() {
			List<String> all = new ArrayList<>(this.fragments);
			all.add(this.current.toString());
			return new SqlStatement(all, this.parameters, true);
		}

	}

}
