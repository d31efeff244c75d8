package dev.migration.core.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migration.core.dialect.PostgresScanner;
import dev.migration.core.dialect.SqlTokens;
import dev.migration.core.lint.parse.AlterAction;
import dev.migration.core.lint.parse.Column;
import dev.migration.core.lint.parse.Constraint;
import dev.migration.core.lint.parse.FunctionCalls;
import dev.migration.core.lint.parse.IndexKey;
import dev.migration.core.lint.parse.ParsedStatement;
import dev.migration.core.lint.parse.SqlParser;
import dev.migration.core.lint.parse.TableName;

/**
 * The rules over raw SQL: each statement is read by the focused {@link SqlParser}, then the same
 * checks as the op records run on what it read. A statement the parser cannot read is reported
 * as not checked, never passed as judged.
 */
final class SqlRules {

	private static final Set<String> TRANSACTION_COMMANDS = Set.of("BEGIN", "START TRANSACTION", "COMMIT", "END",
			"ROLLBACK", "ABORT");

	private SqlRules() {
	}

	static void check(String statement, Scope scope) {
		check(statement, scope, true);
	}

	/**
	 * Judges one statement.
	 * @param statement the statement
	 * @param scope what the linter knows
	 * @param calls whether to judge the functions it calls: a body's calls are judged once, for the whole body
	 */
	private static void check(String statement, Scope scope, boolean calls) {
		if (PostgresScanner.isCopyWithData(statement)) {
			// rows written out in the file: bounded, as INSERT ... VALUES is
			return;
		}
		ParsedStatement parsed = run(SqlParser.parse(statement));
		if (parsed == null) {
			return;
		}
		if (calls && evaluates(parsed, statement)) {
			calls(FunctionCalls.in(statement), statement, !once(parsed), scope);
		}
		if (parsed instanceof ParsedStatement.Unrecognized unread) {
			scope.hasDdl = true;
			scope.locksExisting = true;
			scope.notChecked(statement, "The linter cannot read it (" + unread.reason() + ").");
		}
		else if (parsed instanceof ParsedStatement.Call call) {
			call(call, statement, scope);
		}
		else if (parsed instanceof ParsedStatement.DoBlock block) {
			// a container: the statements inside count, each as it is
			doBlock(block, statement, scope);
		}
		else if (!data(parsed, statement, scope)) {
			scope.hasDdl = true;
			scope.locksExisting |= locksExisting(parsed, scope);
			ddl(parsed, statement, scope);
		}
	}

	/**
	 * Returns whether the statement evaluates its expressions as it runs: a query or a data change,
	 * or a table or materialized view filled from a query ({@code WITH NO DATA} fills nothing).
	 */
	private static boolean evaluates(ParsedStatement parsed, String statement) {
		if (parsed instanceof ParsedStatement.CreateTable create) {
			return create.asQuery() && !withNoData(statement);
		}
		if (parsed instanceof ParsedStatement.Command command) {
			return command.kind().equals("CREATE MATERIALIZED VIEW") && !withNoData(statement);
		}
		return parsed instanceof ParsedStatement.Select || parsed instanceof ParsedStatement.Insert
				|| parsed instanceof ParsedStatement.Update || parsed instanceof ParsedStatement.Delete
				|| parsed instanceof ParsedStatement.Merge || parsed instanceof ParsedStatement.Copy copy && !copy.in();
	}

	private static boolean withNoData(String statement) {
		List<SqlTokens.Token> tokens = SqlTokens.of(statement);
		int n = tokens.size();
		return n >= 3 && tokens.get(n - 3).isWord("with") && tokens.get(n - 2).isWord("no")
				&& tokens.get(n - 1).isWord("data");
	}

	/** Whether a statement evaluates its expressions once: a query that reads no table, SELECT f(...). */
	private static boolean once(ParsedStatement parsed) {
		return parsed instanceof ParsedStatement.Select select && select.tablesRead().isEmpty();
	}

	/**
	 * Judges the functions a statement or body calls: PostgreSQL's own pass as the statement does,
	 * a volatile one the linted SQL created in SQL or PL/pgSQL is judged by its body where it is
	 * called, and any other that may write is not checked.
	 * @param perRow whether the call may run once per row the statement reads
	 */
	private static void calls(List<TableName> calls, String statement, boolean perRow, Scope scope) {
		for (TableName call : calls) {
			if (CalledFunctions.isBuiltIn(call, scope)) {
				continue;
			}
			ParsedStatement.CreateFunction created = scope.schema.function(call.name());
			if (created != null && created.volatility() == ParsedStatement.CreateFunction.Volatility.VOLATILE
					&& CalledFunctions.readable(created)) {
				calledBody(call, created, statement, perRow, scope);
				continue;
			}
			String unseen = CalledFunctions.unseen(call, scope);
			if (unseen != null) {
				scope.hasDdl = true;
				scope.locksExisting = true;
				scope.notChecked(statement, unseen);
			}
		}
	}

	/** Judges the body of a function the linted SQL created where a statement calls it; a recursive one once. */
	private static void calledBody(TableName call, ParsedStatement.CreateFunction created, String statement,
			boolean perRow, Scope scope) {
		String key = Scope.key(call.name());
		if (scope.judging.add(key)) {
			procedural(new Body("It calls " + call + "(), whose body", "the body of " + call + "()", created.language(),
					created.body(), created.tables(), perRow), statement, scope);
			scope.judging.remove(key);
		}
	}

	/**
	 * A procedure may change rows or the schema of any table, and commit in the middle of the
	 * revision: of unknown reach, as a statement not read is.
	 */
	private static void call(ParsedStatement.Call call, String statement, Scope scope) {
		scope.hasDdl = true;
		scope.locksExisting = true;
		scope.notChecked(statement, "CALL runs the procedure " + call.procedure() + ", whose body the linter does not "
				+ "read: it may change rows or the schema, or commit. Review what it does, then accept it with "
				+ "'-- allow-unsafe: not-checked <reason>' (in Java, @AllowUnsafe(rule = \"not-checked\", ...)).");
	}

	/**
	 * Returns what a statement runs: {@code EXPLAIN ANALYZE} runs the statement it explains, with
	 * its locks and writes, and a plain {@code EXPLAIN} runs nothing ({@code null}).
	 */
	private static ParsedStatement run(ParsedStatement parsed) {
		if (parsed instanceof ParsedStatement.Explain explain) {
			return explain.analyze() ? explain.statement() : null;
		}
		return parsed;
	}

	/** Notes a statement that reads or changes rows; returns whether it was one. */
	private static boolean data(ParsedStatement parsed, String statement, Scope scope) {
		TableName written = changedTable(parsed);
		if (written != null || parsed instanceof ParsedStatement.Copy copy && copy.in()) {
			scope.filledTables.add(Scope.key(((written != null) ? written : ((ParsedStatement.Copy) parsed).table()).toString()));
		}
		if (parsed instanceof ParsedStatement.Update update) {
			dataChange(existing(update.table(), update.tablesRead(), scope), update.where(), statement, scope);
		}
		else if (parsed instanceof ParsedStatement.Delete delete) {
			dataChange(existing(delete.table(), delete.tablesRead(), scope), delete.where(), statement, scope);
		}
		else if (parsed instanceof ParsedStatement.Insert insert) {
			// INSERT ... VALUES is bounded; INSERT ... SELECT may copy a whole table
			if (insert.fromQuery()) {
				dataChange(existing(insert.table(), insert.tablesRead(), scope), null, statement, scope);
			}
		}
		else if (parsed instanceof ParsedStatement.Merge merge) {
			dataChange(merge.table(), null, statement, scope);
		}
		else if (parsed instanceof ParsedStatement.Copy copy) {
			if (copy.in()) {
				dataChange(copy.table(), null, statement, scope);
			}
		}
		else if (parsed instanceof ParsedStatement.Select select) {
			// a data-modifying WITH (WITH d AS (DELETE ...) SELECT ...) changes rows as a DELETE does;
			// SELECT ... FOR UPDATE only locks the rows it reads
			for (TableName changed : select.tablesChanged()) {
				scope.dataChange(changed.toString(), statement,
						"A data-modifying WITH changes rows as its statement does.");
			}
		}
		else {
			return false;
		}
		return true;
	}

	/** Whether the statement locks a table the run did not create; a command of unknown reach may. */
	private static boolean locksExisting(ParsedStatement parsed, Scope scope) {
		List<TableName> tables;
		if (parsed instanceof ParsedStatement.AlterTable alter) {
			List<TableName> locked = new java.util.ArrayList<>(List.of(alter.table()));
			for (AlterAction action : alter.actions()) {
				if (action instanceof AlterAction.AddConstraint add) {
					locked.addAll(referenced(List.of(add.constraint())));
				}
				else if (action instanceof AlterAction.AddColumn add) {
					locked.addAll(referenced(add.column().constraints()));
				}
			}
			tables = locked;
		}
		else if (parsed instanceof ParsedStatement.CreateTable create) {
			// a foreign key to an existing table locks that table against writes to the end of the transaction
			List<Constraint> constraints = new java.util.ArrayList<>(create.constraints());
			create.columns().forEach((column) -> constraints.addAll(column.constraints()));
			tables = referenced(constraints);
		}
		else if (parsed instanceof ParsedStatement.CreateIndex create) {
			tables = create.concurrently() ? List.of() : List.of(create.table());
		}
		else if (parsed instanceof ParsedStatement.CreateFunction) {
			tables = List.of();
		}
		else if (parsed instanceof ParsedStatement.Drop drop) {
			if (drop.kind().equals("INDEX")) {
				return !drop.concurrently() && drop.names().stream().anyMatch((name) -> !scope.isNewIndex(name.toString()));
			}
			tables = drop.names();
		}
		else if (parsed instanceof ParsedStatement.Truncate truncate) {
			tables = truncate.tables();
		}
		else if (parsed instanceof ParsedStatement.CreateTrigger trigger) {
			tables = List.of(trigger.table());
		}
		else if (parsed instanceof ParsedStatement.Lock lock) {
			tables = lock.tables();
		}
		else {
			return !(parsed instanceof ParsedStatement.Command);
		}
		return tables.stream().anyMatch((table) -> !scope.isNew(table.toString()));
	}

	private static List<TableName> referenced(List<Constraint> constraints) {
		return constraints.stream()
			.filter((constraint) -> constraint.kind() == Constraint.Kind.FOREIGN_KEY && constraint.references() != null)
			.map(Constraint::references)
			.toList();
	}

	/** Filling a new table still reads the existing ones it selects from, under the DDL's locks. */
	private static TableName existing(TableName target, List<TableName> read, Scope scope) {
		if (!scope.isNew(target.toString())) {
			return target;
		}
		return read.stream().filter((table) -> !scope.isNew(table.toString())).findFirst().orElse(target);
	}

	private static void ddl(ParsedStatement parsed, String statement, Scope scope) {
		if (parsed instanceof ParsedStatement.CreateTable create) {
			createTable(create, statement, scope);
		}
		else if (parsed instanceof ParsedStatement.CreateIndex create) {
			String table = create.table().toString();
			if (create.name() != null) {
				scope.createdIndexes.add(Scope.key(create.name()));
				scope.schema.indexColumns.put(Scope.key(create.name()),
						create.keys().stream().map(IndexKey::column).filter(java.util.Objects::nonNull).toList());
			}
			if (!create.concurrently() && !scope.isNew(table)) {
				scope.report(Rule.INDEX_NOT_CONCURRENT, table, statement, "On " + Scope.key(table) + ".");
			}
		}
		else if (parsed instanceof ParsedStatement.Drop drop) {
			drop(drop, statement, scope);
		}
		else if (parsed instanceof ParsedStatement.Truncate truncate) {
			for (TableName table : truncate.tables()) {
				if (!scope.isNew(table.toString())) {
					scope.report(Rule.TRUNCATE, statement, "Table " + table + ".");
				}
			}
		}
		else if (parsed instanceof ParsedStatement.AlterTable alter) {
			for (AlterAction action : alter.actions()) {
				alter(alter.table().toString(), action, statement, scope);
			}
		}
		else if (!maintenance(parsed, statement, scope)
				&& parsed instanceof ParsedStatement.CreateFunction function) {
			scope.schema.noteFunction(function);
		}
		else if (parsed instanceof ParsedStatement.Command command && command.kind().equals("CREATE TYPE")) {
			// CREATE TYPE [schema.]name ...
			List<SqlTokens.Token> tokens = SqlTokens.of(statement);
			int name = (tokens.size() > 4 && tokens.get(3).isSymbol(".")) ? 4 : 2;
			if (tokens.size() > name && tokens.get(name).identifier() != null) {
				scope.createdType(tokens.get(name).identifier());
			}
		}
		else if (parsed instanceof ParsedStatement.Command command && TRANSACTION_COMMANDS.contains(command.kind())) {
			scope.notChecked(statement, "A revision already runs in a transaction (unless transactional = false): "
					+ command.kind() + " in its SQL ends or nests it, so the history row no longer commits with the "
					+ "change. In a SQL file it is a commit point; from Java, split the work into revisions.");
		}
	}

	/** Judges the statements that rebuild, lock or refresh what exists; returns whether it was one. */
	private static boolean maintenance(ParsedStatement parsed, String statement, Scope scope) {
		if (parsed instanceof ParsedStatement.Reindex reindex) {
			if (!reindex.concurrently()) {
				reindex(reindex, statement, scope);
			}
		}
		else if (parsed instanceof ParsedStatement.Vacuum vacuum) {
			if (vacuum.full()) {
				onExisting(vacuum.tables(), Rule.VACUUM_FULL, statement, scope);
			}
		}
		else if (parsed instanceof ParsedStatement.Cluster cluster) {
			onExisting((cluster.table() != null) ? List.of(cluster.table()) : List.of(), Rule.CLUSTER, statement,
					scope);
		}
		else if (parsed instanceof ParsedStatement.Lock lock) {
			if (!lock.mode().equals("ACCESS SHARE") && !lock.mode().equals("ROW SHARE")
					&& !lock.mode().equals("SHARE UPDATE EXCLUSIVE") && !lock.mode().equals("ROW EXCLUSIVE")) {
				onExisting(lock.tables(), Rule.LOCK_TABLE, statement, scope);
			}
		}
		else if (parsed instanceof ParsedStatement.RefreshMaterializedView refresh) {
			if (!refresh.concurrently()) {
				onExisting(List.of(refresh.name()), Rule.REFRESH_NOT_CONCURRENT, statement, scope);
			}
		}
		else if (parsed instanceof ParsedStatement.CreateTrigger trigger) {
			onExisting(List.of(trigger.table()), Rule.TRIGGER_ON_EXISTING_TABLE, statement, scope);
		}
		else if (parsed instanceof ParsedStatement.AlterType type) {
			if (type.change() == ParsedStatement.AlterType.Change.RENAME_VALUE && !scope.isNewType(type.type().toString())) {
				scope.report(Rule.ENUM_RENAME_VALUE, statement, "Label " + type.value() + " of " + type.type()
						+ " to " + type.newName() + ".");
			}
		}
		else {
			return false;
		}
		return true;
	}

	private static void reindex(ParsedStatement.Reindex reindex, String statement, Scope scope) {
		String name = (reindex.name() != null) ? reindex.name().toString() : null;
		if (reindex.kind().equals("INDEX")) {
			if (!scope.isNewIndex(name)) {
				scope.report(Rule.REINDEX_NOT_CONCURRENT, scope.schema.facts.indexTable(name).orElse(null), statement,
						"Index " + name + ".");
			}
		}
		else if (reindex.kind().equals("TABLE")) {
			onExisting(List.of(reindex.name()), Rule.REINDEX_NOT_CONCURRENT, statement, scope);
		}
		else {
			scope.report(Rule.REINDEX_NOT_CONCURRENT, statement, "Every index of the "
					+ reindex.kind().toLowerCase(Locale.ROOT) + ((name != null) ? " " + name : "") + ".");
		}
	}

	/** Reports the rule once per table that existed before the run, naming it. */
	private static void onExisting(List<TableName> tables, Rule rule, String statement, Scope scope) {
		if (tables.isEmpty()) {
			// a VACUUM FULL or CLUSTER of the whole database: every table
			scope.report(rule, statement, "Every table of the database.");
		}
		for (TableName table : tables) {
			if (!scope.isNew(table.toString())) {
				scope.report(rule, table.toString(), statement, "On " + table + ".");
			}
		}
	}

	private static void createTable(ParsedStatement.CreateTable create, String statement, Scope scope) {
		String table = create.table().toString();
		// CREATE TABLE IF NOT EXISTS of a table the database holds creates nothing
		if (!create.ifNotExists() || !scope.schema.facts.known() || scope.schema.facts.lacksTable(table)) {
			scope.createdTables.add(Scope.key(table));
		}
		for (Column column : create.columns()) {
			if (column.required()) {
				scope.schema.validatedNotNull.add(Scope.column(table, column.name()));
			}
			TypeName type = TypeName.parse(column.type());
			scope.schema.columnTypes.put(Scope.column(table, column.name()), type);
			scope.checkStyle(type, statement, column.name());
		}
	}

	/** A DO block runs its body once, where it stands. */
	private static void doBlock(ParsedStatement.DoBlock block, String statement, Scope scope) {
		procedural(new Body("A DO block", "a DO block", block.language(), body(statement), block.tables(), false),
				statement, scope);
	}

	/**
	 * Judges a procedural body where it runs, a DO block's or a called function's: the functions it
	 * calls, and the statements it runs on tables that exist before it as if they stood alone. SQL
	 * it builds at run time, or code in another language, nobody can judge, unless the tables its
	 * text names are new or, when it names none, no table existed before the run.
	 */
	private static void procedural(Body code, String statement, Scope scope) {
		List<String> existing = code.tables()
			.stream()
			.map(TableName::toString)
			.filter((table) -> !scope.isNew(table))
			.toList();
		boolean readable = code.language() == null || code.language().equals("plpgsql") || code.language().equals("sql");
		ProceduralBody body = readable ? ProceduralBody.read(code.text()) : null;
		// what SQL built at run time touches is known only from the tables its text names, if it names any
		boolean mayTouchExisting = !existing.isEmpty() || code.tables().isEmpty() && !scope.nothingExisted();
		if ((body == null || body.dynamic()) && mayTouchExisting) {
			scope.hasDdl = true;
			scope.locksExisting = true;
			String unread = (body == null) ? "code in " + code.language() : "SQL it builds at run time";
			scope.notChecked(statement, existing.isEmpty()
					? code.what() + " runs " + unread + " on tables the linter cannot name, so it cannot judge it."
					: code.what() + " touches " + String.join(", ", existing) + ", which exist before it runs, with "
							+ unread + " that the linter cannot judge.");
		}
		if (body == null) {
			return;
		}
		List<TableName> called = new ArrayList<>(FunctionCalls.in(body.rest()));
		for (String inner : body.statements()) {
			if (evaluates(run(SqlParser.parse(inner)), inner)) {
				called.addAll(FunctionCalls.in(inner));
			}
		}
		calls(called.stream().distinct().toList(), statement, body.loops() || code.perRow(), scope);
		if (existing.isEmpty()) {
			return;
		}
		for (String inner : body.statements()) {
			TableName changed = changedTable(run(SqlParser.parse(inner)));
			if ((body.loops() || code.perRow()) && changed != null) {
				scope.dataChange(changed.toString(), inner, "In " + code.where() + (body.loops() ? " with a loop"
						: ", called for each row the statement reads") + ", it may run once per row.");
			}
			else {
				check(inner, scope, false);
			}
		}
	}

	/**
	 * A procedural body and where it runs.
	 *
	 * @param what how a detail names it first: a DO block, or the body of a function a statement calls
	 * @param where how a detail names it after "in"
	 * @param language its language in lower case, {@code null} for SQL
	 * @param text its text
	 * @param tables the tables its text names as changed
	 * @param perRow whether it runs once per row of a query
	 */
	private record Body(String what, String where, String language, String text, List<TableName> tables,
			boolean perRow) {

	}

	private static String body(String statement) {
		List<SqlTokens.Token> tokens = SqlTokens.of(statement);
		for (int i = 0; i < tokens.size(); i++) {
			if (tokens.get(i).kind() == SqlTokens.Kind.LITERAL && (i == 0 || !tokens.get(i - 1).isWord("language"))) {
				return SqlParser.literalText(tokens.get(i).text());
			}
		}
		return "";
	}

	private static TableName changedTable(ParsedStatement parsed) {
		if (parsed instanceof ParsedStatement.Insert insert) {
			return insert.table();
		}
		if (parsed instanceof ParsedStatement.Update update) {
			return update.table();
		}
		if (parsed instanceof ParsedStatement.Delete delete) {
			return delete.table();
		}
		return (parsed instanceof ParsedStatement.Merge merge) ? merge.table() : null;
	}

	private static void drop(ParsedStatement.Drop drop, String statement, Scope scope) {
		for (TableName name : drop.names()) {
			String key = name.toString();
			String indexTable = drop.kind().equals("INDEX") ? scope.schema.facts.indexTable(key).orElse(null) : null;
			boolean gone = indexTable != null && scope.schema.droppedTables.contains(Scope.key(indexTable));
			if (drop.kind().equals("TABLE")) {
				scope.schema.droppedTables.add(Scope.key(key));
			}
			if (drop.kind().equals("INDEX") && !drop.concurrently() && !scope.isNewIndex(key) && !gone) {
				scope.report(Rule.DROP_INDEX_NOT_CONCURRENT, scope.schema.facts.indexTable(key).orElse(null),
						statement, "Index " + name + ".");
			}
			else if (drop.kind().equals("TABLE") && !scope.isNew(key)) {
				scope.report(Rule.DROP_TABLE, statement, "Table " + name + ".");
			}
		}
	}

	private static void alter(String table, AlterAction action, String statement, Scope scope) {
		if (action instanceof AlterAction.AddColumn add) {
			addColumn(table, add.column(), statement, scope);
		}
		else if (action instanceof AlterAction.AddConstraint add) {
			addConstraint(table, add.constraint(), null, statement, scope);
		}
		else if (action instanceof AlterAction.AlterColumnType change) {
			TypeName target = TypeName.parse(change.type());
			scope.checkStyle(target, statement, change.column());
			scope.checkTypeChange(table, change.column(), target, null, change.usingSql() != null, statement);
		}
		else if (action instanceof AlterAction.SetNotNull set) {
			scope.checkSetNotNull(table, set.column(), statement);
			scope.schema.validatedNotNull.add(Scope.column(table, set.column()));
		}
		else if (action instanceof AlterAction.ValidateConstraint validate) {
			scope.checkValidate(validate.name(), statement);
		}
		else if (action instanceof AlterAction.RenameColumn rename && !scope.isNew(table)) {
			scope.report(Rule.RENAME_COLUMN, statement, "Column " + rename.column() + " of " + Scope.key(table) + " to "
					+ rename.newName() + ".");
		}
		else if (action instanceof AlterAction.RenameTable rename) {
			if (!scope.isNew(table)) {
				scope.report(Rule.RENAME_TABLE, statement, "Table " + Scope.key(table) + " to " + rename.newName() + ".");
			}
			scope.renamed(table, rename.newName());
		}
		else if (isRewrite(action) && !scope.isNew(table)) {
			scope.report(Rule.TABLE_REWRITE, table, statement, "Table " + Scope.key(table) + ".");
		}
		else if (action instanceof AlterAction.AttachPartition attach
				&& !scope.isNew(attach.partition().toString())) {
			scope.report(Rule.ATTACH_PARTITION_SCAN, attach.partition().toString(), statement,
					"Partition " + attach.partition() + " of " + Scope.key(table) + ".");
		}
		else if (action instanceof AlterAction.DetachPartition detach && !detach.concurrently()
				&& !scope.isNew(table)) {
			scope.report(Rule.DETACH_PARTITION_NOT_CONCURRENT, table, statement,
					"Partition " + detach.partition() + " of " + Scope.key(table) + ".");
		}
		else if (action instanceof AlterAction.DropColumn drop && !scope.isNew(table)
				&& !scope.addedColumns.contains(Scope.column(table, drop.column()))) {
			scope.report(Rule.DROP_COLUMN, statement, "Column " + drop.column() + " of " + Scope.key(table) + ".");
		}
	}

	private static boolean isRewrite(AlterAction action) {
		return action instanceof AlterAction.SetLogged || action instanceof AlterAction.SetTablespace
				|| action instanceof AlterAction.SetAccessMethod;
	}

	private static void addColumn(String table, Column column, String statement, Scope scope) {
		if (column.required()) {
			scope.schema.validatedNotNull.add(Scope.column(table, column.name()));
		}
		TypeName type = TypeName.parse(column.type());
		boolean computed = column.generatedSql() != null || column.identity() != null;
		scope.checkAddColumn(table, column.name(), type, column.required() && !computed, column.defaultSql() != null,
				column.defaultSql(), statement);
		if (scope.isNew(table)) {
			return;
		}
		if (computed) {
			scope.report(Rule.VOLATILE_DEFAULT, table, statement, "Column " + column.name() + " is "
					+ ((column.identity() != null) ? "an identity column, numbered" : "generated, computed")
					+ " for every existing row.");
		}
		for (Constraint constraint : column.constraints()) {
			// a new column without a default is NULL in every row: PostgreSQL checks no row against its
			// foreign key (the trace shows no scan), so only a default gives it rows to check
			if (constraint.kind() != Constraint.Kind.FOREIGN_KEY || column.defaultSql() != null) {
				addConstraint(table, constraint, column.name(), statement, scope);
			}
		}
	}

	private static void addConstraint(String table, Constraint constraint, String column, String statement,
			Scope scope) {
		if (constraint.name() != null) {
			scope.addedConstraints.add(Scope.key(constraint.name()));
		}
		Constraint.Kind kind = constraint.kind();
		if (kind == Constraint.Kind.CHECK) {
			scope.noteCheck(table, constraint.name(), constraint.expression(), constraint.notValid());
		}
		if (scope.isNew(table)) {
			foreignKeyOnNewTable(table, constraint, statement, scope);
			return;
		}
		String what = describe(constraint, column, table);
		if ((kind == Constraint.Kind.CHECK || kind == Constraint.Kind.FOREIGN_KEY) && !constraint.notValid()) {
			scope.report(Rule.CONSTRAINT_NOT_VALID, table, statement, what);
		}
		else if ((kind == Constraint.Kind.PRIMARY_KEY || kind == Constraint.Kind.UNIQUE)
				&& constraint.usingIndex() == null) {
			scope.report(Rule.UNIQUE_WITHOUT_INDEX, table, statement, what);
		}
		else if (kind == Constraint.Kind.PRIMARY_KEY) {
			scope.checkPrimaryKeyUsingIndex(table, constraint.usingIndex(), statement);
		}
		else if (kind == Constraint.Kind.EXCLUDE) {
			scope.report(Rule.EXCLUSION_CONSTRAINT, table, statement, what);
		}
	}

	/**
	 * A foreign key added to a table made in the same run and filled with rows is validated by a
	 * query that may read the whole referenced table, which stays locked against writes meanwhile
	 * (the trace shows it; on an empty table it reads nothing); declared in the CREATE TABLE
	 * itself, or NOT VALID, it is not validated.
	 */
	private static void foreignKeyOnNewTable(String table, Constraint constraint, String statement, Scope scope) {
		if (constraint.kind() == Constraint.Kind.FOREIGN_KEY && !constraint.notValid() && constraint.references() != null
				&& scope.filledTables.contains(Scope.key(table)) && !scope.isNew(constraint.references().toString())) {
			String referenced = constraint.references().toString();
			scope.report(Rule.CONSTRAINT_NOT_VALID, referenced, statement, describe(constraint, null, table)
					+ " Validating it reads " + Scope.key(referenced) + ", whose writes wait meanwhile; declare it in "
					+ "the CREATE TABLE, or add it NOT VALID.");
		}
	}

	private static String describe(Constraint constraint, String column, String table) {
		String kind = constraint.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
		String name = (constraint.name() != null) ? " " + constraint.name() : "";
		List<String> on = (constraint.columns().isEmpty() && column != null) ? List.of(column) : constraint.columns();
		String columns = on.isEmpty() ? "" : " (" + String.join(", ", on) + ")";
		return "The " + kind + name + columns + " on " + Scope.key(table) + ".";
	}

	/** Notes an UPDATE or DELETE (or INSERT ... SELECT) unless its WHERE picks rows by key. */
	private static void dataChange(TableName table, String where, String statement, Scope scope) {
		String name = (table != null) ? table.toString() : null;
		if (!Expressions.boundedByKey(where, (column) -> name == null || scope.schema.facts.isKey(name, column))) {
			scope.dataChange((table != null) ? table.toString() : null, statement,
					"The statement is not bounded to a few rows by an equality or IN list.");
		}
	}

}
