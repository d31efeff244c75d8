package dev.migration.core;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.RowMapper;

import dev.migration.core.op.Op;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.schema.DefaultValue;
import dev.migration.core.schema.DropOption;
import dev.migration.core.schema.IndexElement;
import dev.migration.core.schema.ReferentialAction;
import dev.migration.core.schema.TableConstraint;

/**
 * What a migration uses to describe its change. Every call records one immutable
 * {@link Op}, which the dialect renders to SQL and the runner executes or writes to the
 * offline script.
 *
 * <p>Table, view, sequence and type names may be schema-qualified as {@code "schema.name"}.
 * Options are set in a lambda, so a call is complete when it returns:
 * <pre>{@code
 * op.createTable("account", t -> t
 *     .column("id", ColumnType.BIGINT, c -> c.identity().primaryKey())
 *     .column("email", ColumnType.TEXT, c -> c.notNull()));
 * op.createIndex("ix_account_email", "account", i -> i.on("email").unique().concurrently());
 * }</pre>
 */
public interface Operations {

	/** What {@link #retireColumn} and {@link #retireTable} append to the name of what they retire. */
	String RETIRED_SUFFIX = "_retired";

	/**
	 * Runs SQL written by hand; it has no automatic reverse.
	 * @param sql one or more statements
	 */
	void execute(String sql);

	/**
	 * Runs SQL written by hand, with the SQL that undoes it for the automatic downgrade.
	 * @param sql one or more statements
	 * @param reverseSql the statements that undo them
	 */
	void execute(String sql, String reverseSql);

	/**
	 * Records an operation built directly as a value.
	 * @param operation the operation
	 */
	void apply(Op operation);

	void createSchema(String schema);

	void dropSchema(String schema, DropOption... options);

	void createTable(String table, Consumer<TableSpec> spec);

	void dropTable(String table, DropOption... options);

	void renameTable(String table, String newName);

	void addColumn(String table, String column, ColumnType type);

	void addColumn(String table, String column, ColumnType type, Consumer<ColumnSpec> spec);

	void dropColumn(String table, String column, DropOption... options);

	void renameColumn(String table, String column, String newName);

	void alterColumnType(String table, String column, ColumnType type);

	void alterColumnType(String table, String column, ColumnType type, Consumer<TypeChangeSpec> spec);

	void setNotNull(String table, String column);

	void dropNotNull(String table, String column);

	/**
	 * Sets a literal default; see {@link DefaultValue#of(Object)} for the value types.
	 * @param table the table
	 * @param column the column
	 * @param value the default value
	 */
	void setDefault(String table, String column, Object value);

	void setDefaultExpression(String table, String column, String sql);

	void dropDefault(String table, String column);

	/**
	 * Changes a default and says what it was, so the automatic downgrade can restore it.
	 * @param table the table
	 * @param column the column
	 * @param from the default before, {@link DefaultValue#NONE} for none
	 * @param to the default after, {@link DefaultValue#NONE} to drop it
	 */
	void changeDefault(String table, String column, DefaultValue from, DefaultValue to);

	void commentOnTable(String table, String comment);

	void commentOnColumn(String table, String column, String comment);

	void createIndex(String name, String table, Consumer<IndexSpec> spec);

	void dropIndex(String name, DropOption... options);

	void addPrimaryKey(String name, String table, String... columns);

	void addUnique(String name, String table, String... columns);

	/**
	 * Turns an existing unique index (built {@code CONCURRENTLY}) into a unique constraint,
	 * which takes only a brief lock.
	 * @param name the constraint name
	 * @param table the table
	 * @param index the unique index
	 */
	void addUniqueUsingIndex(String name, String table, String index);

	void addCheck(String name, String table, String expression);

	/**
	 * Adds a check constraint that new rows must pass but existing rows are not scanned for;
	 * follow with {@link #validateConstraint} in a later transaction.
	 * @param name the constraint name
	 * @param table the table
	 * @param expression the boolean expression
	 */
	void addCheckNotValid(String name, String table, String expression);

	void addForeignKey(String name, String table, Consumer<ForeignKeySpec> spec);

	void addConstraint(String table, TableConstraint constraint);

	void validateConstraint(String name, String table);

	void dropConstraint(String name, String table, DropOption... options);

	/**
	 * Makes an existing column NOT NULL without a long lock or a scan under one: a CHECK ...
	 * NOT VALID, its VALIDATE in a transaction of its own, then SET NOT NULL (no scan, thanks to
	 * the valid check) and the check dropped. Reversible.
	 * @param table the table
	 * @param column the column
	 */
	void setNotNullOnline(String table, String column);

	/**
	 * Adds a foreign key NOT VALID, then validates it in a transaction of its own, so neither
	 * step holds a lock that queues traffic while existing rows are checked. Reversible.
	 * @param name the constraint name
	 * @param table the referencing table
	 * @param spec the columns and the referenced table
	 */
	void addForeignKeyOnline(String name, String table, Consumer<ForeignKeySpec> spec);

	/**
	 * Builds a unique index CONCURRENTLY (outside a transaction) and promotes it to a unique
	 * constraint, which takes only a brief lock. Reversible.
	 * @param name the constraint name; the index is named after it with {@code _idx}
	 * @param table the table
	 * @param columns the key columns
	 */
	void addUniqueOnline(String name, String table, String... columns);

	/**
	 * Fills a column of an existing table in batches along its key, each batch its own short
	 * transaction, throttled and resumable after a crash; it ends at the largest key that
	 * existed when it started. Give the assignment and the condition of rows still to fill:
	 * <pre>{@code
	 * op.backfill("orders", b -> b.set("total_cents = round(total * 100)").where("total_cents IS NULL"));
	 * }</pre>
	 * @param table the table
	 * @param spec the assignment, condition, key and pacing
	 */
	void backfill(String table, Consumer<BackfillSpec> spec);

	/**
	 * Forgets the progress of every backfill that fills one of these columns of the table, so
	 * the next backfill of them walks the whole table again, up to its largest key at that
	 * time. A derived downgrade forgets its backfill's progress by itself, and progress left by
	 * a column or table since created anew is never resumed; call this to fill a column again
	 * whose values a hand-written downgrade reset, or rows added after an earlier backfill
	 * ended. Reversible (its reverse does nothing).
	 * @param table the table
	 * @param columns the filled columns
	 */
	void forgetBackfillProgress(String table, String... columns);

	/**
	 * Renames a column without breaking running code, expand step: adds the new column, a
	 * trigger copying writes of either column into the other, and a batched backfill. Finish
	 * it with {@link #finishRenameColumnOnline} in a later revision, once no instance reads the
	 * old name. Reversible.
	 * @param table the table
	 * @param column the current name
	 * @param newName the new name
	 * @param type the column's type
	 */
	void renameColumnOnline(String table, String column, String newName, ColumnType type);

	/**
	 * Renames a column without breaking running code, expand step, on a table whose key is not
	 * {@code id}: as {@link #renameColumnOnline(String, String, String, ColumnType)}, the backfill
	 * walking {@code key}, any unique, not-null column of an ordered type ({@code uuid},
	 * {@code text}, a timestamp, a number).
	 * @param table the table
	 * @param column the current name
	 * @param newName the new name
	 * @param type the column's type
	 * @param key the key column the backfill walks
	 */
	void renameColumnOnline(String table, String column, String newName, ColumnType type, String key);

	/**
	 * Renames a column without breaking running code, contract step: drops the sync trigger
	 * and the old column. It says nothing about the old column's NOT NULL, default, checks and
	 * indexes, so it has no derived downgrade: use the overload that declares them, or write
	 * {@code downgrade()}.
	 * @param table the table
	 * @param column the old name
	 * @param newName the new name
	 * @param type the column's type
	 */
	void finishRenameColumnOnline(String table, String column, String newName, ColumnType type);

	/**
	 * Renames a column without breaking running code, contract step: drops the sync trigger
	 * and the old column, after checking that the old column has exactly the NOT NULL, default,
	 * checks and indexes declared (the step fails, dropping nothing, when it has others). Its
	 * downgrade brings the column back, refilled, with all of them, and the sync trigger:
	 * <pre>{@code
	 * op.finishRenameColumnOnline("customer", "name", "full_name", ColumnType.TEXT,
	 *     old -> old.notNull().check("customer_name_not_blank", "name <> ''").index("ix_customer_name"));
	 * }</pre>
	 * Declare {@code old -> { }} for a column with none of them. Reversible.
	 * @param table the table
	 * @param column the old name
	 * @param newName the new name
	 * @param type the column's type, for the downgrade
	 * @param old what the old column has besides its type
	 */
	void finishRenameColumnOnline(String table, String column, String newName, ColumnType type,
			Consumer<OldColumnSpec> old);

	/**
	 * Changes a column's type without breaking running code, expand step: adds a column of the
	 * new type beside the old one, a trigger converting every write to either into the other,
	 * and a batched backfill of the new column. Each conversion is one SQL expression over the
	 * row's columns:
	 * <pre>{@code
	 * op.changeColumnTypeOnline("orders", "total", "total_cents", ColumnType.BIGINT,
	 *     "round(total * 100)", "total_cents / 100.0");
	 * }</pre>
	 * Finish it with {@link #finishChangeColumnTypeOnline} in a later revision, once no
	 * instance reads the old column. Reversible.
	 * @param table the table
	 * @param column the old column
	 * @param newName the new column
	 * @param type the new column's type
	 * @param forward SQL computing the new column from a row
	 * @param backward SQL computing the old column from a row
	 */
	void changeColumnTypeOnline(String table, String column, String newName, ColumnType type, String forward,
			String backward);

	/**
	 * Changes a column's type without breaking running code, expand step, on a table whose key is
	 * not {@code id}: as {@link #changeColumnTypeOnline(String, String, String, ColumnType, String,
	 * String)}, the backfill walking {@code key}.
	 * @param table the table
	 * @param column the old column
	 * @param newName the new column
	 * @param type the new column's type
	 * @param forward SQL computing the new column from a row
	 * @param backward SQL computing the old column from a row
	 * @param key the key column the backfill walks
	 */
	void changeColumnTypeOnline(String table, String column, String newName, ColumnType type, String forward,
			String backward, String key);

	/**
	 * Changes a column's type without breaking running code, contract step: drops the
	 * converting trigger and the old column. It says nothing about the old column's NOT NULL,
	 * default, checks and indexes, so it has no derived downgrade: use the overload that
	 * declares them, or write {@code downgrade()}.
	 * @param table the table
	 * @param column the old column
	 * @param newName the new column
	 * @param type the old column's type
	 * @param forward SQL computing the new column from a row
	 * @param backward SQL computing the old column from a row
	 */
	void finishChangeColumnTypeOnline(String table, String column, String newName, ColumnType type, String forward,
			String backward);

	/**
	 * Changes a column's type without breaking running code, contract step: drops the
	 * converting trigger and the old column, after checking that the old column has exactly
	 * the NOT NULL, default, checks and indexes declared. Its downgrade brings both back, the
	 * old column refilled through {@code backward} and given all of them, as
	 * {@link #finishRenameColumnOnline(String, String, String, ColumnType, Consumer)} does.
	 * Reversible.
	 * @param table the table
	 * @param column the old column
	 * @param newName the new column
	 * @param type the old column's type, for the downgrade
	 * @param forward SQL computing the new column from a row, for the downgrade's trigger
	 * @param backward SQL computing the old column from a row
	 * @param old what the old column has besides its type
	 */
	void finishChangeColumnTypeOnline(String table, String column, String newName, ColumnType type, String forward,
			String backward, Consumer<OldColumnSpec> old);

	/**
	 * Retires a column the code no longer uses by renaming it to {@code <column>_retired}, so
	 * its data stays as a backup; the downgrade renames it back. Drop it later, in a revision
	 * of its own, with {@link #purgeRetiredColumn}. The linter still flags the rename: accept it
	 * with {@code @AllowUnsafe} once no running code reads the column.
	 * @param table the table
	 * @param column the column
	 */
	void retireColumn(String table, String column);

	/**
	 * Drops a column retired by {@link #retireColumn}; destructive, so it has no reverse.
	 * @param table the table
	 * @param column the column's name before it was retired
	 */
	void purgeRetiredColumn(String table, String column);

	/**
	 * Retires a table by renaming it to {@code <table>_retired}; the downgrade renames it back.
	 * @param table the table
	 */
	void retireTable(String table);

	/**
	 * Drops a table retired by {@link #retireTable}; destructive, so it has no reverse.
	 * @param table the table's name before it was retired
	 */
	void purgeRetiredTable(String table);

	void createView(String view, String query);

	void createOrReplaceView(String view, String query);

	void createMaterializedView(String view, String query);

	void dropView(String view, DropOption... options);

	void dropMaterializedView(String view, DropOption... options);

	void createSequence(String sequence);

	void createSequence(String sequence, Consumer<SequenceSpec> spec);

	void dropSequence(String sequence, DropOption... options);

	void createEnumType(String type, String... labels);

	void addEnumValue(String type, String label);

	void addEnumValueBefore(String type, String label, String before);

	void addEnumValueAfter(String type, String label, String after);

	void dropType(String type, DropOption... options);

	/**
	 * Creates a function; the body is SQL written by hand, in plpgsql unless another language
	 * is named. Reversible: the downgrade drops it.
	 * <pre>{@code
	 * op.createFunction("audit_order", f -> f.returnsTrigger().body("""
	 *     BEGIN
	 *         INSERT INTO order_audit (order_id, status) VALUES (NEW.id, NEW.status);
	 *         RETURN NEW;
	 *     END"""));
	 * }</pre>
	 * @param name the function, possibly schema-qualified
	 * @param spec the arguments, result type, language and body
	 */
	void createFunction(String name, Consumer<FunctionSpec> spec);

	/**
	 * Drops a function; it has no automatic reverse, since its body is unknown.
	 * @param name the function
	 * @param argumentTypes the types of its arguments, which with the name identify it
	 */
	void dropFunction(String name, ColumnType... argumentTypes);

	/**
	 * Drops a function and says what it was, so the automatic downgrade creates it again.
	 * @param name the function
	 * @param previous the function as {@link #createFunction} made it
	 */
	void dropFunction(String name, Consumer<FunctionSpec> previous);

	/**
	 * Creates a trigger that runs a function. Reversible: the downgrade drops it.
	 * <pre>{@code
	 * op.createTrigger("orders_audit", "orders", t -> t.after().onInsert().onUpdateOf("status")
	 *     .forEachRow().when("OLD.status IS DISTINCT FROM NEW.status").execute("audit_order"));
	 * }</pre>
	 * @param name the trigger, unique on its table
	 * @param table the table
	 * @param spec when it fires and what it runs
	 */
	void createTrigger(String name, String table, Consumer<TriggerSpec> spec);

	/**
	 * Drops a trigger; it has no automatic reverse.
	 * @param name the trigger
	 * @param table its table
	 * @param options {@link DropOption#IF_EXISTS}
	 */
	void dropTrigger(String name, String table, DropOption... options);

	/**
	 * Drops a trigger and says what it was, so the automatic downgrade creates it again.
	 * @param name the trigger
	 * @param table its table
	 * @param previous the trigger as {@link #createTrigger} made it
	 */
	void dropTrigger(String name, String table, Consumer<TriggerSpec> previous);

	/**
	 * Sets a timestamp column to {@code now()} whenever a row is updated without setting it
	 * itself, as SQLAlchemy's {@code onupdate} does, but for every writer: a trigger named
	 * {@code <table>_touch_<column>} and its function of the same name. Reversible.
	 * <pre>{@code
	 * op.touchOnUpdate("orders", "updated_at");
	 * }</pre>
	 * @param table the table
	 * @param column the timestamp column
	 */
	void touchOnUpdate(String table, String column);

	/**
	 * Drops what {@link #touchOnUpdate} made. Reversible.
	 * @param table the table
	 * @param column the timestamp column
	 */
	void dropTouchOnUpdate(String table, String column);

	/**
	 * Inserts literal rows, for reference data; values are bound, never concatenated.
	 * @param table the table
	 * @param columns the columns each row gives values for
	 * @param rows the rows
	 */
	void bulkInsert(String table, List<String> columns, List<List<Object>> rows);

	/**
	 * Inserts one row; every value is bound, never written into the SQL:
	 * <pre>{@code
	 * op.insert("country", r -> r.value("code", "CI").value("name", "Côte d'Ivoire"));
	 * }</pre>
	 * It has no automatic reverse.
	 * @param table the table
	 * @param row the columns and their values
	 */
	void insert(String table, Consumer<InsertSpec> row);

	/**
	 * Updates the rows a data migration names; values are bound, never written into the SQL,
	 * and the rows are named by {@code where} or, to change every row, by {@code allRows()}:
	 * <pre>{@code
	 * op.update("orders", u -> u.set("status", "shipped").setExpression("updated_at", "now()")
	 *     .where("status = ? AND shipped_on < ?", "sent", cutoff));
	 * }</pre>
	 * It has no automatic reverse. For a large table, use {@link #backfill} instead.
	 * @param table the table
	 * @param spec the new values and the rows
	 */
	void update(String table, Consumer<UpdateSpec> spec);

	/**
	 * Deletes the rows a data migration names; values are bound, never written into the SQL:
	 * <pre>{@code
	 * op.delete("session", d -> d.where("expires_at < ?", cutoff));
	 * }</pre>
	 * It has no automatic reverse.
	 * @param table the table
	 * @param spec the rows
	 */
	void delete(String table, Consumer<DeleteSpec> spec);

	/**
	 * Runs a data step that only an online run can do, because it reads the database or runs
	 * Java code to decide what to write. Online, {@code step} runs at once with these same
	 * operations, in the migration's transaction. The offline script cannot hold it, so there
	 * it stands as the comment {@code -- online-only step: <description>, not in this script}
	 * and {@code step} is not called:
	 * <pre>{@code
	 * op.onlineOnly("give each customer a referral code", online -> {
	 *     for (Long id : online.query("SELECT id FROM customer WHERE code IS NULL", (rs, n) -> rs.getLong(1))) {
	 *         online.update("customer", u -> u.set("code", Codes.next()).where("id = ?", id));
	 *     }
	 * });
	 * }</pre>
	 * Without it, a read in an offline run fails with {@link dev.migration.core.op.OfflineReadException}.
	 * @param description what the step does, one line
	 * @param step the step, given these operations
	 */
	void onlineOnly(String description, Consumer<Operations> step);

	/**
	 * Reads rows on the migration's own connection, seeing what earlier operations of this
	 * migration did. Not available while writing the offline script: check {@link #offline()}.
	 * @param <T> the row type
	 * @param sql the query, with {@code ?} placeholders
	 * @param mapper maps each row
	 * @param args the bound values
	 * @return the rows
	 */
	<T> List<T> query(String sql, RowMapper<T> mapper, Object... args);

	List<Map<String, Object>> queryForList(String sql, Object... args);

	<T> T queryForObject(String sql, Class<T> type, Object... args);

	/**
	 * Returns whether the operations are written to an offline script instead of run, in
	 * which case the database cannot be read.
	 * @return whether this is an offline run
	 */
	boolean offline();

	/** Options of a new table. */
	interface TableSpec {

		TableSpec column(String name, ColumnType type);

		TableSpec column(String name, ColumnType type, Consumer<ColumnSpec> spec);

		/** A primary key over one or more columns, named by PostgreSQL. */
		TableSpec primaryKey(String... columns);

		TableSpec primaryKeyNamed(String name, String... columns);

		TableSpec unique(String name, String... columns);

		TableSpec check(String name, String expression);

		TableSpec foreignKey(String name, Consumer<ForeignKeySpec> spec);

		TableSpec constraint(TableConstraint constraint);

		TableSpec ifNotExists();

		TableSpec comment(String comment);

	}

	/** Options of a new column. */
	interface ColumnSpec {

		ColumnSpec notNull();

		ColumnSpec defaultValue(Object value);

		ColumnSpec defaultExpression(String sql);

		/** {@code GENERATED BY DEFAULT AS IDENTITY}, the modern replacement for serial. */
		ColumnSpec identity();

		ColumnSpec identityAlways();

		/** {@code GENERATED ALWAYS AS (expression) STORED}. */
		ColumnSpec generatedAs(String expression);

		ColumnSpec primaryKey();

		ColumnSpec unique();

		ColumnSpec collation(String collation);

		ColumnSpec comment(String comment);

	}

	/** Options of a new index. */
	interface IndexSpec {

		IndexSpec on(String... columns);

		IndexSpec onExpression(String sql);

		IndexSpec key(IndexElement element);

		IndexSpec unique();

		/** Builds the index without blocking writes; the migration then runs outside a transaction. */
		IndexSpec concurrently();

		IndexSpec ifNotExists();

		IndexSpec using(String method);

		IndexSpec include(String... columns);

		IndexSpec where(String predicate);

	}

	/** Options of a new foreign key. */
	interface ForeignKeySpec {

		ForeignKeySpec columns(String... columns);

		ForeignKeySpec references(String table, String... columns);

		ForeignKeySpec onDelete(ReferentialAction action);

		ForeignKeySpec onUpdate(ReferentialAction action);

		ForeignKeySpec deferrable();

		ForeignKeySpec initiallyDeferred();

		/** Skips the scan of existing rows; follow with {@link Operations#validateConstraint}. */
		ForeignKeySpec notValid();

	}

	/** Options of a column type change. */
	interface TypeChangeSpec {

		TypeChangeSpec using(String expression);

		/** The type before the change, which makes the change reversible. */
		TypeChangeSpec from(ColumnType previousType);

		TypeChangeSpec reverseUsing(String expression);

	}

	/** What a backfill writes and how fast. */
	interface BackfillSpec {

		/** The SET clause, such as {@code total_cents = round(total * 100)}. */
		BackfillSpec set(String assignment);

		/**
		 * The condition of rows still to fill, such as {@code total_cents IS NULL}; with
		 * {@link #from} it joins too, such as {@code o.customer_id = c.id AND o.customer_uuid IS NULL}.
		 * Rows it matches must stop matching once filled: the backfill ends by checking that none
		 * up to its end key still does.
		 */
		BackfillSpec where(String pending);

		/**
		 * The name the table goes by in {@code set}, {@code from} and {@code where}, such as {@code o};
		 * without one, its columns are qualified by the table's own name.
		 */
		BackfillSpec as(String alias);

		/**
		 * Other tables the assignment reads, as the FROM list of an {@code UPDATE ... FROM}, such as
		 * {@code customers c}; join them to the table in {@link #where}:
		 * <pre>{@code
		 * op.backfill("orders", b -> b.as("o").from("customers c")
		 *     .set("customer_uuid = c.uuid")
		 *     .where("o.customer_id = c.id AND o.customer_uuid IS NULL"));
		 * }</pre>
		 * A row without a joined row is not pending: it has nothing to be filled from.
		 */
		BackfillSpec from(String fromList);

		/** The unique, not-null key column to walk, of any type a btree orders (bigint, uuid, text, timestamps); {@code id} by default. */
		BackfillSpec key(String column);

		/** Rows per batch at the start; 1000 by default. */
		BackfillSpec batchSize(int rows);

		/** The duration a batch aims at, so its size adapts to the table; 100 ms by default, zero to keep the size. */
		BackfillSpec targetBatchDuration(java.time.Duration duration);

		/** The pause between batches, leaving room for the application's writes; 10 ms by default. */
		BackfillSpec pause(java.time.Duration duration);

	}

	/**
	 * What a contract step's old column has besides its type, declared because nothing in the
	 * database remembers it once the column is dropped; the step checks it against the live
	 * column before the drop, by kind and name.
	 */
	interface OldColumnSpec {

		OldColumnSpec notNull();

		/** A literal default; see {@link DefaultValue#of(Object)}. */
		OldColumnSpec defaultValue(Object value);

		OldColumnSpec defaultExpression(String sql);

		/** A check constraint that involves the column, as it was written. */
		OldColumnSpec check(String name, String expression);

		/** A plain index on the column alone. */
		OldColumnSpec index(String name);

		/** Any other index that involves the column; the downgrade builds it concurrently. */
		OldColumnSpec index(String name, Consumer<IndexSpec> spec);

	}

	/** The signature, result and body of a function. */
	interface FunctionSpec {

		/** An argument, in order; {@code name} may be {@code null}. */
		FunctionSpec argument(String name, ColumnType type);

		FunctionSpec returns(ColumnType type);

		/** Makes this a trigger function, which takes no declared arguments. */
		FunctionSpec returnsTrigger();

		/** The language of the body; {@code plpgsql} by default. */
		FunctionSpec language(String language);

		/** The body, SQL written by hand, placed as it is inside a dollar quote. */
		FunctionSpec body(String body);

		FunctionSpec stable();

		FunctionSpec immutable();

	}

	/** When a trigger fires and what it runs. */
	interface TriggerSpec {

		TriggerSpec before();

		TriggerSpec after();

		/** Fires instead of the event, on a view; only for each row. */
		TriggerSpec insteadOf();

		TriggerSpec onInsert();

		TriggerSpec onUpdate();

		/** Fires on updates that name one of these columns in their SET list. */
		TriggerSpec onUpdateOf(String... columns);

		TriggerSpec onDelete();

		TriggerSpec onTruncate();

		TriggerSpec forEachRow();

		TriggerSpec forEachStatement();

		/** A condition over {@code OLD} and {@code NEW}, SQL written by hand, such as {@code OLD.status <> NEW.status}. */
		TriggerSpec when(String condition);

		/** The trigger function, and text arguments it reads from {@code TG_ARGV}. */
		TriggerSpec execute(String function, String... arguments);

	}

	/** The values of an inserted row. */
	interface InsertSpec {

		/** A column and its value, bound as a parameter; {@code null} for SQL NULL. */
		InsertSpec value(String column, Object value);

	}

	/** The values and rows of an update. */
	interface UpdateSpec {

		/** A column and its new value, bound as a parameter; {@code null} for SQL NULL. */
		UpdateSpec set(String column, Object value);

		/**
		 * A column and an SQL expression computing its new value, with a {@code ?} for each
		 * bound value, such as {@code setExpression("price", "price * ?", factor)}.
		 */
		UpdateSpec setExpression(String column, String sql, Object... values);

		/**
		 * A condition the rows must meet, with a {@code ?} for each bound value; several
		 * conditions must all hold. The jsonb operators written with {@code ?} cannot be used
		 * here: write {@code jsonb_exists(doc, ?)} instead.
		 */
		UpdateSpec where(String condition, Object... values);

		/** Updates every row of the table, which must be said, since a forgotten where would do the same. */
		UpdateSpec allRows();

		/** How many rows the update must change; any other count fails the step and rolls it back. */
		UpdateSpec expectRows(int rows);

	}

	/** The rows of a delete. */
	interface DeleteSpec {

		/** A condition the rows must meet, with a {@code ?} for each bound value; several must all hold. */
		DeleteSpec where(String condition, Object... values);

		/** Deletes every row of the table, which must be said, since a forgotten where would do the same. */
		DeleteSpec allRows();

		/** How many rows the delete must remove; any other count fails the step and rolls it back. */
		DeleteSpec expectRows(int rows);

	}

	/** Options of a new sequence. */
	interface SequenceSpec {

		SequenceSpec type(ColumnType type);

		SequenceSpec startWith(long value);

		SequenceSpec incrementBy(long value);

		SequenceSpec minValue(long value);

		SequenceSpec maxValue(long value);

		SequenceSpec cache(long values);

		SequenceSpec cycle();

		SequenceSpec ownedBy(String table, String column);

		SequenceSpec ifNotExists();

	}

}
