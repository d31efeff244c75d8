package dev.migration.core.op;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.ColumnMapRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SingleColumnRowMapper;

import dev.migration.core.MigrationException;
import dev.migration.core.Operations;
import dev.migration.core.schema.Column;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.schema.DefaultValue;
import dev.migration.core.schema.DropOption;
import dev.migration.core.schema.QualifiedName;
import dev.migration.core.schema.TableConstraint;
import dev.migration.core.sink.DatabaseReader;

/**
 * The {@link Operations} a migration sees: each call builds one {@link Op} and hands it on at
 * once, so reads in the same migration see what the earlier operations did.
 */
public final class EmittingOperations implements Operations {

	private final Consumer<Op> emitter;

	private final DatabaseReader reader;

	private final boolean offline;

	/** Whether this records ops for every use, so code asking where it runs cannot be recorded. */
	private final boolean fixedOnly;

	/**
	 * Creates operations that hand every op to {@code emitter}.
	 * @param emitter receives each op as it is built
	 * @param reader reads the database; called only when {@code offline} is false
	 * @param offline whether the ops are written to a script instead of run
	 */
	public EmittingOperations(Consumer<Op> emitter, DatabaseReader reader, boolean offline) {
		this(emitter, reader, offline, false);
	}

	private EmittingOperations(Consumer<Op> emitter, DatabaseReader reader, boolean offline, boolean fixedOnly) {
		this.emitter = Objects.requireNonNull(emitter, "emitter");
		this.reader = Objects.requireNonNull(reader, "reader");
		this.offline = offline;
		this.fixedOnly = fixedOnly;
	}

	/**
	 * Records the ops {@code code} builds when they are the same wherever it runs: it neither
	 * reads the database nor asks whether it runs offline.
	 * @param code migration code, such as {@code migration::upgrade}
	 * @return the ops, in order, or empty when they depend on where the code runs
	 */
	public static Optional<List<Op>> recordFixed(Consumer<Operations> code) {
		List<Op> ops = new ArrayList<>();
		EmittingOperations recording = new EmittingOperations(ops::add, EmittingOperations::neverRead, true, true);
		try {
			code.accept(recording);
		}
		catch (OfflineReadException | DependsOnWhereItRuns ex) {
			return Optional.empty();
		}
		return Optional.of(List.copyOf(ops));
	}

	private static <T> List<T> neverRead(String sql, RowMapper<T> mapper, List<Object> args) {
		// offline operations throw OfflineReadException before they reach the reader
		throw new IllegalStateException("Offline operations never read");
	}

	@Override
	public void execute(String sql) {
		apply(new ExecuteSql(sql, null));
	}

	@Override
	public void execute(String sql, String reverseSql) {
		apply(new ExecuteSql(sql, reverseSql));
	}

	/**
	 * Applies a recorded op as the code that recorded it would have here: an online-only step
	 * runs its code when these operations run online.
	 * @param operation the recorded op
	 */
	public void replay(Op operation) {
		if (operation instanceof OnlineOnlyStep online && online.step() != null && !this.offline) {
			online.step().accept(this);
		}
		else {
			apply(operation);
		}
	}

	@Override
	public void apply(Op operation) {
		this.emitter.accept(Objects.requireNonNull(operation, "operation"));
	}

	@Override
	public void createSchema(String schema) {
		apply(new CreateSchema(schema, false));
	}

	@Override
	public void dropSchema(String schema, DropOption... options) {
		apply(new DropSchema(schema, ifExists(options), cascade(options)));
	}

	@Override
	public void createTable(String table, Consumer<TableSpec> spec) {
		TableBuilder builder = new TableBuilder(QualifiedName.parse(table));
		spec.accept(builder);
		apply(builder.build());
	}

	@Override
	public void dropTable(String table, DropOption... options) {
		apply(new DropTable(QualifiedName.parse(table), ifExists(options), cascade(options)));
	}

	@Override
	public void renameTable(String table, String newName) {
		apply(new RenameTable(QualifiedName.parse(table), newName));
	}

	@Override
	public void addColumn(String table, String column, ColumnType type) {
		apply(new AddColumn(QualifiedName.parse(table), Column.of(column, type), false));
	}

	@Override
	public void addColumn(String table, String column, ColumnType type, Consumer<ColumnSpec> spec) {
		ColumnBuilder builder = new ColumnBuilder(column, type);
		spec.accept(builder);
		apply(new AddColumn(QualifiedName.parse(table), builder.build(), false));
	}

	@Override
	public void dropColumn(String table, String column, DropOption... options) {
		apply(new DropColumn(QualifiedName.parse(table), column, ifExists(options), cascade(options)));
	}

	@Override
	public void renameColumn(String table, String column, String newName) {
		apply(new RenameColumn(QualifiedName.parse(table), column, newName));
	}

	@Override
	public void alterColumnType(String table, String column, ColumnType type) {
		alterColumnType(table, column, type, (change) -> {
		});
	}

	@Override
	public void alterColumnType(String table, String column, ColumnType type, Consumer<TypeChangeSpec> spec) {
		TypeChangeBuilder builder = new TypeChangeBuilder(QualifiedName.parse(table), column, type);
		spec.accept(builder);
		apply(builder.build());
	}

	@Override
	public void setNotNull(String table, String column) {
		apply(new AlterColumnNullability(QualifiedName.parse(table), column, false));
	}

	@Override
	public void dropNotNull(String table, String column) {
		apply(new AlterColumnNullability(QualifiedName.parse(table), column, true));
	}

	@Override
	public void setDefault(String table, String column, Object value) {
		apply(new AlterColumnDefault(QualifiedName.parse(table), column, DefaultValue.of(value), null));
	}

	@Override
	public void setDefaultExpression(String table, String column, String sql) {
		apply(new AlterColumnDefault(QualifiedName.parse(table), column, DefaultValue.expression(sql), null));
	}

	@Override
	public void dropDefault(String table, String column) {
		apply(new AlterColumnDefault(QualifiedName.parse(table), column, DefaultValue.NONE, null));
	}

	@Override
	public void changeDefault(String table, String column, DefaultValue from, DefaultValue to) {
		apply(new AlterColumnDefault(QualifiedName.parse(table), column, to, Objects.requireNonNull(from, "from")));
	}

	@Override
	public void commentOnTable(String table, String comment) {
		apply(new CommentOnTable(QualifiedName.parse(table), comment, null));
	}

	@Override
	public void commentOnColumn(String table, String column, String comment) {
		apply(new CommentOnColumn(QualifiedName.parse(table), column, comment, null));
	}

	@Override
	public void createIndex(String name, String table, Consumer<IndexSpec> spec) {
		IndexBuilder builder = new IndexBuilder(name, QualifiedName.parse(table));
		spec.accept(builder);
		apply(builder.build());
	}

	@Override
	public void dropIndex(String name, DropOption... options) {
		apply(new DropIndex(QualifiedName.parse(name), DropOption.isIn(DropOption.CONCURRENTLY, options),
				ifExists(options), cascade(options)));
	}

	@Override
	public void addPrimaryKey(String name, String table, String... columns) {
		addConstraint(table, new TableConstraint.PrimaryKey(name, List.of(columns), null));
	}

	@Override
	public void addUnique(String name, String table, String... columns) {
		addConstraint(table, new TableConstraint.Unique(name, List.of(columns), null, false));
	}

	@Override
	public void addUniqueUsingIndex(String name, String table, String index) {
		addConstraint(table, new TableConstraint.Unique(name, List.of(), index, false));
	}

	@Override
	public void addCheck(String name, String table, String expression) {
		addConstraint(table, new TableConstraint.Check(name, expression, false));
	}

	@Override
	public void addCheckNotValid(String name, String table, String expression) {
		addConstraint(table, new TableConstraint.Check(name, expression, true));
	}

	@Override
	public void addForeignKey(String name, String table, Consumer<ForeignKeySpec> spec) {
		ForeignKeyBuilder builder = new ForeignKeyBuilder(name);
		spec.accept(builder);
		addConstraint(table, builder.build());
	}

	@Override
	public void addConstraint(String table, TableConstraint constraint) {
		apply(new AddConstraint(QualifiedName.parse(table), constraint));
	}

	@Override
	public void validateConstraint(String name, String table) {
		apply(new ValidateConstraint(QualifiedName.parse(table), name));
	}

	@Override
	public void dropConstraint(String name, String table, DropOption... options) {
		apply(new DropConstraint(QualifiedName.parse(table), name, ifExists(options), cascade(options)));
	}

	@Override
	public void setNotNullOnline(String table, String column) {
		apply(new SetNotNullOnline(QualifiedName.parse(table), column));
	}

	@Override
	public void addForeignKeyOnline(String name, String table, Consumer<ForeignKeySpec> spec) {
		ForeignKeyBuilder builder = new ForeignKeyBuilder(name);
		spec.accept(builder);
		apply(new AddForeignKeyOnline(QualifiedName.parse(table), builder.build()));
	}

	@Override
	public void addUniqueOnline(String name, String table, String... columns) {
		apply(new AddUniqueOnline(name, QualifiedName.parse(table), List.of(columns)));
	}

	@Override
	public void backfill(String table, Consumer<BackfillSpec> spec) {
		BackfillBuilder builder = new BackfillBuilder(QualifiedName.parse(table));
		spec.accept(builder);
		apply(builder.build());
	}

	@Override
	public void forgetBackfillProgress(String table, String... columns) {
		apply(new ForgetBackfillProgress(QualifiedName.parse(table), List.of(columns)));
	}

	@Override
	public void renameColumnOnline(String table, String column, String newName, ColumnType type) {
		renameColumnOnline(table, column, newName, type, "id");
	}

	@Override
	public void renameColumnOnline(String table, String column, String newName, ColumnType type, String key) {
		apply(new RenameColumnOnline(new ColumnSync(QualifiedName.parse(table), column, newName), type, key));
	}

	@Override
	public void finishRenameColumnOnline(String table, String column, String newName, ColumnType type) {
		apply(new FinishRenameColumnOnline(new ColumnSync(QualifiedName.parse(table), column, newName), type, "id"));
	}

	@Override
	public void finishRenameColumnOnline(String table, String column, String newName, ColumnType type,
			Consumer<OldColumnSpec> old) {
		ColumnSync sync = new ColumnSync(QualifiedName.parse(table), column, newName);
		apply(new FinishRenameColumnOnline(sync, type, "id", oldColumn(sync, old)));
	}

	private static ColumnShape oldColumn(ColumnSync sync, Consumer<OldColumnSpec> spec) {
		OldColumnBuilder builder = new OldColumnBuilder(sync.table(), sync.column());
		spec.accept(builder);
		return builder.build();
	}

	@Override
	public void changeColumnTypeOnline(String table, String column, String newName, ColumnType type, String forward,
			String backward) {
		changeColumnTypeOnline(table, column, newName, type, forward, backward, "id");
	}

	@Override
	public void changeColumnTypeOnline(String table, String column, String newName, ColumnType type, String forward,
			String backward, String key) {
		apply(new RenameColumnOnline(new ColumnSync(QualifiedName.parse(table), column, newName, forward, backward),
				type, key));
	}

	@Override
	public void finishChangeColumnTypeOnline(String table, String column, String newName, ColumnType type,
			String forward, String backward) {
		apply(new FinishRenameColumnOnline(
				new ColumnSync(QualifiedName.parse(table), column, newName, forward, backward), type, "id"));
	}

	@Override
	public void finishChangeColumnTypeOnline(String table, String column, String newName, ColumnType type,
			String forward, String backward, Consumer<OldColumnSpec> old) {
		ColumnSync sync = new ColumnSync(QualifiedName.parse(table), column, newName, forward, backward);
		apply(new FinishRenameColumnOnline(sync, type, "id", oldColumn(sync, old)));
	}

	@Override
	public void retireColumn(String table, String column) {
		renameColumn(table, column, retired(column));
	}

	@Override
	public void purgeRetiredColumn(String table, String column) {
		dropColumn(table, retired(column));
	}

	@Override
	public void retireTable(String table) {
		QualifiedName name = QualifiedName.parse(table);
		renameTable(table, retired(name.name()));
	}

	@Override
	public void purgeRetiredTable(String table) {
		QualifiedName name = QualifiedName.parse(table);
		apply(new DropTable(name.sibling(retired(name.name())), false, false));
	}

	private static String retired(String name) {
		return name + RETIRED_SUFFIX;
	}

	@Override
	public void createView(String view, String query) {
		apply(new CreateView(QualifiedName.parse(view), query, false, false));
	}

	@Override
	public void createOrReplaceView(String view, String query) {
		apply(new CreateView(QualifiedName.parse(view), query, true, false));
	}

	@Override
	public void createMaterializedView(String view, String query) {
		apply(new CreateView(QualifiedName.parse(view), query, false, true));
	}

	@Override
	public void dropView(String view, DropOption... options) {
		apply(new DropView(QualifiedName.parse(view), false, ifExists(options), cascade(options)));
	}

	@Override
	public void dropMaterializedView(String view, DropOption... options) {
		apply(new DropView(QualifiedName.parse(view), true, ifExists(options), cascade(options)));
	}

	@Override
	public void createSequence(String sequence) {
		apply(CreateSequence.of(QualifiedName.parse(sequence)));
	}

	@Override
	public void createSequence(String sequence, Consumer<SequenceSpec> spec) {
		SequenceBuilder builder = new SequenceBuilder(QualifiedName.parse(sequence));
		spec.accept(builder);
		apply(builder.build());
	}

	@Override
	public void dropSequence(String sequence, DropOption... options) {
		apply(new DropSequence(QualifiedName.parse(sequence), ifExists(options), cascade(options)));
	}

	@Override
	public void createEnumType(String type, String... labels) {
		apply(new CreateEnumType(QualifiedName.parse(type), Arrays.asList(labels)));
	}

	@Override
	public void addEnumValue(String type, String label) {
		apply(new AddEnumValue(QualifiedName.parse(type), label, null, null, false));
	}

	@Override
	public void addEnumValueBefore(String type, String label, String before) {
		apply(new AddEnumValue(QualifiedName.parse(type), label, before, null, false));
	}

	@Override
	public void addEnumValueAfter(String type, String label, String after) {
		apply(new AddEnumValue(QualifiedName.parse(type), label, null, after, false));
	}

	@Override
	public void dropType(String type, DropOption... options) {
		apply(new DropType(QualifiedName.parse(type), ifExists(options), cascade(options)));
	}

	@Override
	public void createFunction(String name, Consumer<FunctionSpec> spec) {
		apply(new CreateFunction(function(name, spec), false));
	}

	@Override
	public void dropFunction(String name, ColumnType... argumentTypes) {
		apply(new DropFunction(QualifiedName.parse(name), Arrays.asList(argumentTypes), false, false, null));
	}

	@Override
	public void dropFunction(String name, Consumer<FunctionSpec> previous) {
		FunctionDefinition function = function(name, previous);
		apply(new DropFunction(function.name(), function.argumentTypes(), false, false, function));
	}

	private static FunctionDefinition function(String name, Consumer<FunctionSpec> spec) {
		FunctionBuilder builder = new FunctionBuilder(QualifiedName.parse(name));
		spec.accept(builder);
		return builder.build();
	}

	@Override
	public void createTrigger(String name, String table, Consumer<TriggerSpec> spec) {
		apply(new CreateTrigger(trigger(name, table, spec)));
	}

	@Override
	public void dropTrigger(String name, String table, DropOption... options) {
		apply(new DropTrigger(name, QualifiedName.parse(table), ifExists(options), null));
	}

	@Override
	public void dropTrigger(String name, String table, Consumer<TriggerSpec> previous) {
		apply(new DropTrigger(name, QualifiedName.parse(table), false, trigger(name, table, previous)));
	}

	private static TriggerDefinition trigger(String name, String table, Consumer<TriggerSpec> spec) {
		TriggerBuilder builder = new TriggerBuilder(name, QualifiedName.parse(table));
		spec.accept(builder);
		return builder.build();
	}

	@Override
	public void touchOnUpdate(String table, String column) {
		apply(new TouchOnUpdate(QualifiedName.parse(table), column));
	}

	@Override
	public void dropTouchOnUpdate(String table, String column) {
		apply(new DropTouchOnUpdate(QualifiedName.parse(table), column));
	}

	@Override
	public void bulkInsert(String table, List<String> columns, List<List<Object>> rows) {
		apply(new BulkInsert(QualifiedName.parse(table), columns, rows));
	}

	@Override
	public void insert(String table, Consumer<InsertSpec> row) {
		InsertBuilder builder = new InsertBuilder(QualifiedName.parse(table));
		row.accept(builder);
		apply(builder.build());
	}

	@Override
	public void update(String table, Consumer<UpdateSpec> spec) {
		UpdateBuilder builder = new UpdateBuilder(QualifiedName.parse(table));
		spec.accept(builder);
		apply(builder.build());
	}

	@Override
	public void delete(String table, Consumer<DeleteSpec> spec) {
		DeleteBuilder builder = new DeleteBuilder(QualifiedName.parse(table));
		spec.accept(builder);
		apply(builder.build());
	}

	@Override
	public void onlineOnly(String description, Consumer<Operations> step) {
		OnlineOnlyStep marker = new OnlineOnlyStep(description, Objects.requireNonNull(step, "step"));
		if (this.offline) {
			// a recording keeps the code with the marker, for an online run that replays it
			apply(marker);
		}
		else {
			step.accept(this);
		}
	}

	@Override
	public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
		if (this.offline) {
			throw new OfflineReadException(sql);
		}
		return this.reader.query(sql, mapper, Arrays.asList(args));
	}

	@Override
	public List<Map<String, Object>> queryForList(String sql, Object... args) {
		return query(sql, new ColumnMapRowMapper(), args);
	}

	@Override
	public <T> T queryForObject(String sql, Class<T> type, Object... args) {
		List<T> rows = query(sql, new SingleColumnRowMapper<>(type), args);
		if (rows.size() != 1) {
			throw new MigrationException("Expected exactly one row from '" + sql + "' but got " + rows.size() + ".");
		}
		return rows.get(0);
	}

	@Override
	public boolean offline() {
		if (this.fixedOnly) {
			// code that branches on it builds other ops online than offline: no one recording serves both
			throw new DependsOnWhereItRuns();
		}
		return this.offline;
	}

	private static boolean ifExists(DropOption[] options) {
		return DropOption.isIn(DropOption.IF_EXISTS, options);
	}

	private static boolean cascade(DropOption[] options) {
		return DropOption.isIn(DropOption.CASCADE, options);
	}

	/** Thrown out of code that asks whether it runs offline while its ops are recorded for every use. */
	private static final class DependsOnWhereItRuns extends RuntimeException {

		private static final long serialVersionUID = 1L;

		DependsOnWhereItRuns() {
			super(null, null, false, false);
		}

	}

}
