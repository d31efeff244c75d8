package dev.migration.core.lint.parse;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migration.core.lint.parse.AlterAction.AddColumn;
import dev.migration.core.lint.parse.AlterAction.AddConstraint;
import dev.migration.core.lint.parse.AlterAction.AlterColumnType;
import dev.migration.core.lint.parse.AlterAction.AttachPartition;
import dev.migration.core.lint.parse.AlterAction.ChangeIdentity;
import dev.migration.core.lint.parse.AlterAction.DetachPartition;
import dev.migration.core.lint.parse.AlterAction.DropColumn;
import dev.migration.core.lint.parse.AlterAction.DropConstraint;
import dev.migration.core.lint.parse.AlterAction.DropDefault;
import dev.migration.core.lint.parse.AlterAction.DropNotNull;
import dev.migration.core.lint.parse.AlterAction.OtherAction;
import dev.migration.core.lint.parse.AlterAction.RenameColumn;
import dev.migration.core.lint.parse.AlterAction.RenameConstraint;
import dev.migration.core.lint.parse.AlterAction.RenameTable;
import dev.migration.core.lint.parse.AlterAction.SetAccessMethod;
import dev.migration.core.lint.parse.AlterAction.SetColumnOption;
import dev.migration.core.lint.parse.AlterAction.SetDefault;
import dev.migration.core.lint.parse.AlterAction.SetLogged;
import dev.migration.core.lint.parse.AlterAction.SetNotNull;
import dev.migration.core.lint.parse.AlterAction.SetSchema;
import dev.migration.core.lint.parse.AlterAction.SetTablespace;
import dev.migration.core.lint.parse.AlterAction.ValidateConstraint;
import dev.migration.core.lint.parse.ParsedStatement.AlterTable;
import dev.migration.core.lint.parse.ParsedStatement.AlterType;
import dev.migration.core.lint.parse.ParsedStatement.Call;
import dev.migration.core.lint.parse.ParsedStatement.Cluster;
import dev.migration.core.lint.parse.ParsedStatement.Command;
import dev.migration.core.lint.parse.ParsedStatement.Copy;
import dev.migration.core.lint.parse.ParsedStatement.CreateFunction;
import dev.migration.core.lint.parse.ParsedStatement.CreateFunction.Volatility;
import dev.migration.core.lint.parse.ParsedStatement.CreateIndex;
import dev.migration.core.lint.parse.ParsedStatement.CreateTable;
import dev.migration.core.lint.parse.ParsedStatement.CreateTrigger;
import dev.migration.core.lint.parse.ParsedStatement.Delete;
import dev.migration.core.lint.parse.ParsedStatement.DoBlock;
import dev.migration.core.lint.parse.ParsedStatement.Drop;
import dev.migration.core.lint.parse.ParsedStatement.Explain;
import dev.migration.core.lint.parse.ParsedStatement.Insert;
import dev.migration.core.lint.parse.ParsedStatement.Lock;
import dev.migration.core.lint.parse.ParsedStatement.Merge;
import dev.migration.core.lint.parse.ParsedStatement.RefreshMaterializedView;
import dev.migration.core.lint.parse.ParsedStatement.Reindex;
import dev.migration.core.lint.parse.ParsedStatement.Select;
import dev.migration.core.lint.parse.ParsedStatement.Truncate;
import dev.migration.core.lint.parse.ParsedStatement.Unrecognized;
import dev.migration.core.lint.parse.ParsedStatement.Update;
import dev.migration.core.lint.parse.ParsedStatement.Vacuum;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading single PostgreSQL statements into the records the lock and rewrite rules judge. */
class SqlParserTests {

	// CREATE TABLE

	@Test
	void aTableKeepsItsColumnsTypesDefaultsAndConstraints() {
		CreateTable table = parse("CREATE TABLE IF NOT EXISTS shop.\"Order\" (id bigint GENERATED ALWAYS AS IDENTITY "
				+ "PRIMARY KEY, customer_id int NOT NULL REFERENCES customer (id) ON DELETE CASCADE, "
				+ "placed timestamp(3) with time zone DEFAULT now() NOT NULL, total numeric(10, 2) CHECK (total > 0), "
				+ "tags text[], CONSTRAINT order_total_uq UNIQUE (customer_id, placed))", CreateTable.class);
		assertThat(table.table()).isEqualTo(new TableName("shop", "Order"));
		assertThat(table.ifNotExists()).isTrue();
		assertThat(table.columns()).extracting(Column::name)
			.containsExactly("id", "customer_id", "placed", "total", "tags");
		assertThat(table.columns()).extracting(Column::type)
			.containsExactly("bigint", "int", "timestamp(3) with time zone", "numeric(10, 2)", "text[]");
		Column id = table.columns().get(0);
		assertThat(id.identity()).isEqualTo(Column.Identity.ALWAYS);
		assertThat(id.required()).isTrue();
		assertThat(id.notNull()).isFalse();
		Column customer = table.columns().get(1);
		assertThat(customer.notNull()).isTrue();
		assertThat(customer.constraints()).singleElement().satisfies((constraint) -> {
			assertThat(constraint.kind()).isEqualTo(Constraint.Kind.FOREIGN_KEY);
			assertThat(constraint.references()).isEqualTo(TableName.of("customer"));
			assertThat(constraint.referencedColumns()).containsExactly("id");
			assertThat(constraint.sql()).isEqualTo("REFERENCES customer (id) ON DELETE CASCADE");
		});
		assertThat(table.columns().get(2).defaultSql()).isEqualTo("now()");
		assertThat(table.columns().get(2).notNull()).isTrue();
		assertThat(table.columns().get(3).constraints()).singleElement()
			.satisfies((check) -> assertThat(check.expression()).isEqualTo("total > 0"));
		assertThat(table.constraints()).singleElement().satisfies((unique) -> {
			assertThat(unique.name()).isEqualTo("order_total_uq");
			assertThat(unique.kind()).isEqualTo(Constraint.Kind.UNIQUE);
			assertThat(unique.columns()).containsExactly("customer_id", "placed");
		});
	}

	@Test
	void columnsMayBeNamedAfterNonReservedKeywords() {
		CreateTable table = parse("create table setting (key varchar(64) primary key, value jsonb not null, "
				+ "type text, exclude boolean default false)", CreateTable.class);
		assertThat(table.columns()).extracting(Column::name).containsExactly("key", "value", "type", "exclude");
		assertThat(table.columns().get(3).defaultSql()).isEqualTo("false");
		assertThat(table.constraints()).isEmpty();
	}

	@Test
	void aDefaultWithNestedParenthesesAndCastsEndsAtTheNextClause() {
		CreateTable table = parse("CREATE TABLE t (a text DEFAULT (coalesce(current_setting('app.x', true), "
				+ "'none'))::text COLLATE \"C\" NOT NULL, b int DEFAULT NULL CHECK ((b > 0) AND (b < (10 * 2))), "
				+ "c boolean DEFAULT (x IS NOT NULL) NULL)", CreateTable.class);
		assertThat(table.columns().get(0).defaultSql())
			.isEqualTo("(coalesce(current_setting('app.x', true), 'none'))::text");
		assertThat(table.columns().get(0).notNull()).isTrue();
		assertThat(table.columns().get(1).defaultSql()).isEqualTo("NULL");
		assertThat(table.columns().get(1).constraints().get(0).expression()).isEqualTo("(b > 0) AND (b < (10 * 2))");
		assertThat(table.columns().get(2).defaultSql()).isEqualTo("(x IS NOT NULL)");
		assertThat(table.columns().get(2).notNull()).isFalse();
	}

	@Test
	void aGeneratedColumnKeepsItsExpression() {
		CreateTable table = parse("CREATE TABLE t (a int, g int GENERATED ALWAYS AS (a * 2) STORED, "
				+ "h bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 10))", CreateTable.class);
		assertThat(table.columns().get(1).generatedSql()).isEqualTo("a * 2");
		assertThat(table.columns().get(2).identity()).isEqualTo(Column.Identity.BY_DEFAULT);
	}

	@Test
	void partitionsLikeAndQueriesAreNoted() {
		CreateTable partition = parse("CREATE TABLE m_2024 PARTITION OF measurement (peak NOT NULL) "
				+ "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')", CreateTable.class);
		assertThat(partition.partitionOf()).isEqualTo(TableName.of("measurement"));
		assertThat(partition.columns()).singleElement().satisfies((column) -> {
			assertThat(column.type()).isNull();
			assertThat(column.notNull()).isTrue();
		});
		CreateTable parent = parse("CREATE UNLOGGED TABLE measurement (id int, at date, LIKE template INCLUDING ALL) "
				+ "PARTITION BY RANGE (at) WITH (fillfactor = 70)", CreateTable.class);
		assertThat(parent.unlogged()).isTrue();
		assertThat(parent.likes()).containsExactly(TableName.of("template"));
		assertThat(parent.partitionBy()).isEqualTo("PARTITION BY RANGE (at)");
		CreateTable copy = parse("CREATE TEMP TABLE snapshot AS SELECT * FROM account WITH NO DATA", CreateTable.class);
		assertThat(copy.temporary()).isTrue();
		assertThat(copy.asQuery()).isTrue();
		CreateTable child = parse("CREATE TABLE c () INHERITS (p)", CreateTable.class);
		assertThat(child.inherits()).containsExactly(TableName.of("p"));
	}

	@Test
	void tableConstraintsOfEveryKind() {
		CreateTable table = parse("CREATE TABLE booking (id int, room int, during tstzrange, "
				+ "PRIMARY KEY (id) INCLUDE (room), FOREIGN KEY (room) REFERENCES room MATCH FULL ON UPDATE SET NULL (room) "
				+ "DEFERRABLE INITIALLY DEFERRED, EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (room > 0), "
				+ "CONSTRAINT positive CHECK (id > 0) NO INHERIT, UNIQUE NULLS NOT DISTINCT (room, during))",
				CreateTable.class);
		assertThat(table.constraints()).extracting(Constraint::kind)
			.containsExactly(Constraint.Kind.PRIMARY_KEY, Constraint.Kind.FOREIGN_KEY, Constraint.Kind.EXCLUDE,
					Constraint.Kind.CHECK, Constraint.Kind.UNIQUE);
		assertThat(table.constraints().get(1).references()).isEqualTo(TableName.of("room"));
		assertThat(table.constraints().get(1).referencedColumns()).isEmpty();
		assertThat(table.constraints().get(2).expression()).isEqualTo("room WITH =, during WITH &&");
		assertThat(table.constraints().get(3).name()).isEqualTo("positive");
	}

	// ALTER TABLE

	@Test
	void aTypeChangeKeepsItsUsing() {
		AlterTable alter = parse("ALTER TABLE t ALTER COLUMN c SET DATA TYPE bigint USING c::bigint", AlterTable.class);
		assertThat(alter.actions()).containsExactly(new AlterColumnType("c", "bigint", "c::bigint"));
		assertThat(parse("ALTER TABLE t ALTER c TYPE character varying(40) COLLATE \"C\"", AlterTable.class).actions())
			.containsExactly(new AlterColumnType("c", "character varying(40)", null));
	}

	@Test
	void anAddedColumnKeepsItsInlineConstraints() {
		AlterTable alter = parse("ALTER TABLE t ADD COLUMN x int UNIQUE REFERENCES o(id)", AlterTable.class);
		AddColumn add = (AddColumn) alter.actions().get(0);
		assertThat(add.column().type()).isEqualTo("int");
		assertThat(add.column().constraints()).extracting(Constraint::kind)
			.containsExactly(Constraint.Kind.UNIQUE, Constraint.Kind.FOREIGN_KEY);
		assertThat(add.column().constraints().get(1).references()).isEqualTo(TableName.of("o"));
	}

	@Test
	void anAddedGeneratedColumnKeepsItsExpression() {
		AlterTable alter = parse("ALTER TABLE t ADD COLUMN g int GENERATED ALWAYS AS (a*2) STORED", AlterTable.class);
		AddColumn add = (AddColumn) alter.actions().get(0);
		assertThat(add.column().generatedSql()).isEqualTo("a*2");
		assertThat(add.column().defaultSql()).isNull();
	}

	@Test
	void anAddedColumnWithIfNotExistsAndADefault() {
		AlterTable alter = parse("ALTER TABLE IF EXISTS ONLY public.account ADD IF NOT EXISTS created_at timestamptz "
				+ "DEFAULT clock_timestamp() NOT NULL", AlterTable.class);
		assertThat(alter.ifExists()).isTrue();
		assertThat(alter.only()).isTrue();
		assertThat(alter.table()).isEqualTo(new TableName("public", "account"));
		AddColumn add = (AddColumn) alter.actions().get(0);
		assertThat(add.ifNotExists()).isTrue();
		assertThat(add.column().defaultSql()).isEqualTo("clock_timestamp()");
		assertThat(add.column().notNull()).isTrue();
	}

	@Test
	void aForeignKeyAddedNotValid() {
		AlterTable alter = parse("ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES o NOT VALID", AlterTable.class);
		Constraint constraint = ((AddConstraint) alter.actions().get(0)).constraint();
		assertThat(constraint.name()).isNull();
		assertThat(constraint.kind()).isEqualTo(Constraint.Kind.FOREIGN_KEY);
		assertThat(constraint.columns()).containsExactly("a");
		assertThat(constraint.references()).isEqualTo(TableName.of("o"));
		assertThat(constraint.notValid()).isTrue();
	}

	@Test
	void aPrimaryKeyUsingAnExistingIndex() {
		AlterTable alter = parse("ALTER TABLE t ADD CONSTRAINT p PRIMARY KEY USING INDEX i", AlterTable.class);
		Constraint constraint = ((AddConstraint) alter.actions().get(0)).constraint();
		assertThat(constraint.name()).isEqualTo("p");
		assertThat(constraint.kind()).isEqualTo(Constraint.Kind.PRIMARY_KEY);
		assertThat(constraint.usingIndex()).isEqualTo("i");
		assertThat(constraint.columns()).isEmpty();
		Constraint unique = ((AddConstraint) parse("ALTER TABLE t ADD CONSTRAINT u UNIQUE (a, b) DEFERRABLE",
				AlterTable.class).actions().get(0)).constraint();
		assertThat(unique.usingIndex()).isNull();
		assertThat(unique.columns()).containsExactly("a", "b");
	}

	@Test
	void checksAndExclusionsAreAddedWithTheirExpressions() {
		AlterTable alter = parse("ALTER TABLE t ADD CONSTRAINT c CHECK (a IS NOT NULL AND (b > (1))) NOT VALID, "
				+ "ADD EXCLUDE USING gist (r WITH &&)", AlterTable.class);
		Constraint check = ((AddConstraint) alter.actions().get(0)).constraint();
		assertThat(check.expression()).isEqualTo("a IS NOT NULL AND (b > (1))");
		assertThat(check.notValid()).isTrue();
		assertThat(((AddConstraint) alter.actions().get(1)).constraint().kind()).isEqualTo(Constraint.Kind.EXCLUDE);
	}

	@Test
	void severalActionsInOneStatement() {
		AlterTable alter = parse("ALTER TABLE t ADD COLUMN a int, DROP COLUMN IF EXISTS b CASCADE, "
				+ "ALTER COLUMN c SET DEFAULT (1 + (2)), ALTER d DROP DEFAULT, ALTER COLUMN e SET NOT NULL, "
				+ "ALTER COLUMN f DROP NOT NULL, VALIDATE CONSTRAINT v, DROP CONSTRAINT IF EXISTS w, DROP x",
				AlterTable.class);
		assertThat(alter.actions()).containsExactly(
				new AddColumn(new Column("a", "int", false, null, null, null, List.of()), false),
				new DropColumn("b", true, true), new SetDefault("c", "(1 + (2))"), new DropDefault("d"),
				new SetNotNull("e"), new DropNotNull("f"), new ValidateConstraint("v"),
				new DropConstraint("w", true, false), new DropColumn("x", false, false));
	}

	@Test
	void renamesAndMoves() {
		assertThat(parse("ALTER TABLE t RENAME COLUMN a TO b", AlterTable.class).actions())
			.containsExactly(new RenameColumn("a", "b"));
		assertThat(parse("ALTER TABLE t RENAME a TO \"B\"", AlterTable.class).actions())
			.containsExactly(new RenameColumn("a", "B"));
		assertThat(parse("ALTER TABLE t RENAME TO u", AlterTable.class).actions()).containsExactly(new RenameTable("u"));
		assertThat(parse("ALTER TABLE t RENAME CONSTRAINT a TO b", AlterTable.class).actions())
			.containsExactly(new RenameConstraint("a", "b"));
		assertThat(parse("ALTER TABLE t SET SCHEMA archive", AlterTable.class).actions())
			.containsExactly(new SetSchema("archive"));
		assertThat(parse("ALTER TABLE t SET TABLESPACE fast NOWAIT, SET UNLOGGED, SET ACCESS METHOD heap2",
				AlterTable.class).actions())
			.containsExactly(new SetTablespace("fast"), new SetLogged(false), new SetAccessMethod("heap2"));
	}

	@Test
	void partitionsAttachedAndDetached() {
		assertThat(parse("ALTER TABLE m ATTACH PARTITION m_2024 FOR VALUES IN (2024)", AlterTable.class).actions())
			.containsExactly(new AttachPartition(TableName.of("m_2024"), "FOR VALUES IN (2024)"));
		assertThat(parse("ALTER TABLE m ATTACH PARTITION s.m_other DEFAULT", AlterTable.class).actions())
			.containsExactly(new AttachPartition(new TableName("s", "m_other"), "DEFAULT"));
		assertThat(parse("ALTER TABLE m DETACH PARTITION m_2024 CONCURRENTLY", AlterTable.class).actions())
			.containsExactly(new DetachPartition(TableName.of("m_2024"), true, false));
		assertThat(parse("ALTER TABLE m DETACH PARTITION m_2024 FINALIZE", AlterTable.class).actions())
			.containsExactly(new DetachPartition(TableName.of("m_2024"), false, true));
	}

	@Test
	void columnOptionsAndIdentityChanges() {
		AlterTable alter = parse("ALTER TABLE t ALTER COLUMN a SET STATISTICS 500, ALTER b SET STORAGE EXTERNAL, "
				+ "ALTER c SET COMPRESSION lz4, ALTER d SET (n_distinct = -1), ALTER e RESET (n_distinct), "
				+ "ALTER f ADD GENERATED BY DEFAULT AS IDENTITY (START WITH 100), "
				+ "ALTER g SET GENERATED ALWAYS RESTART WITH 5, ALTER h DROP IDENTITY IF EXISTS, "
				+ "ALTER i DROP EXPRESSION", AlterTable.class);
		assertThat(alter.actions()).containsExactly(new SetColumnOption("a", "STATISTICS", "500"),
				new SetColumnOption("b", "STORAGE", "EXTERNAL"), new SetColumnOption("c", "COMPRESSION", "lz4"),
				new SetColumnOption("d", "SET", "n_distinct = -1"), new SetColumnOption("e", "RESET", "n_distinct"),
				new ChangeIdentity("f", "ADD GENERATED BY DEFAULT AS IDENTITY (START WITH 100)"),
				new ChangeIdentity("g", "SET GENERATED ALWAYS RESTART WITH 5"),
				new ChangeIdentity("h", "DROP IDENTITY IF EXISTS"), new ChangeIdentity("i", "DROP EXPRESSION"));
	}

	@Test
	void actionsThatTouchNoColumnAreKeptWithTheirKind() {
		AlterTable alter = parse("ALTER TABLE t ENABLE ROW LEVEL SECURITY, DISABLE TRIGGER ALL, "
				+ "ENABLE REPLICA RULE r, OWNER TO ${owner}, SET (fillfactor = 70), RESET (fillfactor), "
				+ "REPLICA IDENTITY USING INDEX t_pk, CLUSTER ON t_pk, SET WITHOUT CLUSTER, INHERIT p, NO INHERIT q, "
				+ "NO FORCE ROW LEVEL SECURITY, ALTER CONSTRAINT fk DEFERRABLE", AlterTable.class);
		assertThat(alter.actions()).filteredOn(OtherAction.class::isInstance)
			.extracting((action) -> ((OtherAction) action).kind())
			.containsExactly("ENABLE ROW LEVEL SECURITY", "DISABLE TRIGGER", "ENABLE REPLICA RULE", "OWNER TO", "SET",
					"RESET", "REPLICA IDENTITY", "CLUSTER ON", "SET WITHOUT CLUSTER", "INHERIT", "NO INHERIT",
					"NO FORCE ROW LEVEL SECURITY");
		assertThat(alter.actions()).last().isEqualTo(new AlterAction.AlterConstraint("fk", "DEFERRABLE"));
	}

	@Test
	void anActionNotUnderstoodMakesTheWholeStatementUnrecognized() {
		Unrecognized unrecognized = parse("ALTER TABLE t ADD COLUMN a int, FROBNICATE b", Unrecognized.class);
		assertThat(unrecognized.reason()).contains("unknown ALTER TABLE action").contains("FROBNICATE b");
		assertThat(parse("ALTER TABLE t ALTER COLUMN a FLY AWAY", Unrecognized.class).reason())
			.contains("unknown ALTER COLUMN action");
	}

	// CREATE INDEX

	@Test
	void aNamelessPartialIndexWithIncludedColumns() {
		CreateIndex index = parse("CREATE INDEX ON t (a) INCLUDE (b) NULLS NOT DISTINCT WHERE c", CreateIndex.class);
		assertThat(index.name()).isNull();
		assertThat(index.table()).isEqualTo(TableName.of("t"));
		assertThat(index.keys()).containsExactly(new IndexKey("a", "a"));
		assertThat(index.include()).containsExactly("b");
		assertThat(index.nullsNotDistinct()).isTrue();
		assertThat(index.where()).isEqualTo("c");
	}

	@Test
	void nullsNotDistinctAfterWhereIsRefusedAsPostgresRefusesIt() {
		Unrecognized unrecognized = parse("CREATE INDEX ON t (a) INCLUDE (b) WHERE c NULLS NOT DISTINCT",
				Unrecognized.class);
		assertThat(unrecognized.reason()).contains("NULLS [NOT] DISTINCT");
	}

	@Test
	void aConcurrentUniqueExpressionIndexOnOnlyTheParent() {
		CreateIndex index = parse("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON ONLY t USING gin "
				+ "(lower(a) DESC NULLS LAST)", CreateIndex.class);
		assertThat(index).isEqualTo(new CreateIndex("i", true, true, true, true, TableName.of("t"), "gin",
				List.of(new IndexKey("lower(a) DESC NULLS LAST", null)), List.of(), false, null, null));
	}

	@Test
	void indexKeysWithOperatorClassesAndStorageParameters() {
		CreateIndex index = parse("create index \"Ix\" on s.t (name text_pattern_ops, (a + b), c collate \"C\" asc) "
				+ "with (fillfactor = 90) tablespace fast where deleted_at is null", CreateIndex.class);
		assertThat(index.name()).isEqualTo("Ix");
		assertThat(index.keys()).extracting(IndexKey::column).containsExactly("name", null, "c");
		assertThat(index.with()).isEqualTo("fillfactor = 90");
		assertThat(index.where()).isEqualTo("deleted_at is null");
	}

	// DROP, REINDEX, VACUUM, CLUSTER, LOCK, REFRESH, TRUNCATE

	@Test
	void aConcurrentDropOfSeveralIndexes() {
		assertThat(parse("DROP INDEX CONCURRENTLY a, b", Drop.class)).isEqualTo(
				new Drop("INDEX", List.of(TableName.of("a"), TableName.of("b")), null, true, false, false));
	}

	@Test
	void dropsOfOtherKinds() {
		assertThat(parse("DROP TABLE IF EXISTS s.a, \"B\" CASCADE", Drop.class)).isEqualTo(new Drop("TABLE",
				List.of(new TableName("s", "a"), TableName.of("B")), null, false, true, true));
		assertThat(parse("DROP MATERIALIZED VIEW mv", Drop.class).kind()).isEqualTo("MATERIALIZED VIEW");
		assertThat(parse("DROP FUNCTION IF EXISTS f(int, text), g()", Drop.class).names())
			.containsExactly(TableName.of("f"), TableName.of("g"));
		assertThat(parse("DROP TRIGGER tr ON s.t", Drop.class).on()).isEqualTo(new TableName("s", "t"));
		assertThat(parse("DROP CAST (text AS int)", Command.class).kind()).isEqualTo("DROP CAST");
	}

	@Test
	void aReindexWithOptionsAndConcurrently() {
		assertThat(parse("REINDEX (VERBOSE) TABLE CONCURRENTLY t", Reindex.class))
			.isEqualTo(new Reindex(true, "TABLE", TableName.of("t")));
		assertThat(parse("REINDEX (CONCURRENTLY, TABLESPACE fast) INDEX s.i", Reindex.class))
			.isEqualTo(new Reindex(true, "INDEX", new TableName("s", "i")));
		assertThat(parse("REINDEX (CONCURRENTLY false) INDEX i", Reindex.class).concurrently()).isFalse();
		assertThat(parse("REINDEX DATABASE", Reindex.class).name()).isNull();
	}

	@Test
	void vacuumFullInBothForms() {
		assertThat(parse("VACUUM (FULL, ANALYZE) t", Vacuum.class))
			.isEqualTo(new Vacuum(true, List.of(TableName.of("t"))));
		assertThat(parse("VACUUM FULL VERBOSE a, b (c)", Vacuum.class))
			.isEqualTo(new Vacuum(true, List.of(TableName.of("a"), TableName.of("b"))));
		assertThat(parse("VACUUM (ANALYZE, FULL off)", Vacuum.class)).isEqualTo(new Vacuum(false, List.of()));
	}

	@Test
	void clusterInBothForms() {
		assertThat(parse("CLUSTER VERBOSE t USING t_pk", Cluster.class))
			.isEqualTo(new Cluster(TableName.of("t"), "t_pk"));
		assertThat(parse("CLUSTER t_pk ON t", Cluster.class)).isEqualTo(new Cluster(TableName.of("t"), "t_pk"));
		assertThat(parse("CLUSTER", Cluster.class)).isEqualTo(new Cluster(null, null));
	}

	@Test
	void aLockNamesItsTablesAndMode() {
		assertThat(parse("LOCK TABLE a, b IN ACCESS EXCLUSIVE MODE", Lock.class))
			.isEqualTo(new Lock(List.of(TableName.of("a"), TableName.of("b")), "ACCESS EXCLUSIVE", false));
		assertThat(parse("lock only s.a in share row exclusive mode nowait", Lock.class))
			.isEqualTo(new Lock(List.of(new TableName("s", "a")), "SHARE ROW EXCLUSIVE", true));
		assertThat(parse("LOCK a", Lock.class).mode()).isEqualTo("ACCESS EXCLUSIVE");
	}

	@Test
	void refreshAndTruncate() {
		assertThat(parse("REFRESH MATERIALIZED VIEW CONCURRENTLY s.mv WITH DATA", RefreshMaterializedView.class))
			.isEqualTo(new RefreshMaterializedView(true, new TableName("s", "mv")));
		assertThat(parse("TRUNCATE TABLE ONLY a, b RESTART IDENTITY CASCADE", Truncate.class))
			.isEqualTo(new Truncate(List.of(TableName.of("a"), TableName.of("b")), true));
	}

	// ALTER TYPE, functions, triggers, DO

	@Test
	void enumValuesAddedAndRenamed() {
		assertThat(parse("ALTER TYPE e RENAME VALUE 'a' TO 'b'", AlterType.class))
			.isEqualTo(new AlterType(TableName.of("e"), AlterType.Change.RENAME_VALUE, "a", "b"));
		assertThat(parse("ALTER TYPE s.e ADD VALUE IF NOT EXISTS 'it''s' BEFORE 'x'", AlterType.class))
			.isEqualTo(new AlterType(new TableName("s", "e"), AlterType.Change.ADD_VALUE, "it's", null));
		assertThat(parse("ALTER TYPE e RENAME TO f", AlterType.class).change()).isEqualTo(AlterType.Change.RENAME);
		assertThat(parse("ALTER TYPE e OWNER TO admin", AlterType.class).change()).isEqualTo(AlterType.Change.OTHER);
	}

	@Test
	void aFunctionsVolatilityAndLanguage() {
		assertThat(parse("CREATE OR REPLACE FUNCTION s.f(a int DEFAULT 1, b text) RETURNS TABLE (x int) "
				+ "LANGUAGE 'plpgsql' STABLE STRICT AS $$ BEGIN RETURN QUERY SELECT 1; END $$", CreateFunction.class))
			.isEqualTo(new CreateFunction(new TableName("s", "f"), false, true, Volatility.STABLE, "plpgsql",
					" BEGIN RETURN QUERY SELECT 1; END ", List.of()));
		assertThat(parse("CREATE FUNCTION f() RETURNS int AS 'select 1' LANGUAGE sql IMMUTABLE PARALLEL SAFE",
				CreateFunction.class).volatility()).isEqualTo(Volatility.IMMUTABLE);
		assertThat(parse("CREATE PROCEDURE p() LANGUAGE SQL BEGIN ATOMIC INSERT INTO t VALUES (1); END",
				CreateFunction.class)).isEqualTo(new CreateFunction(TableName.of("p"), true, false, Volatility.VOLATILE,
						"sql", "INSERT INTO t VALUES (1);", List.of(TableName.of("t"))));
		assertThat(parse("CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql RETURN a + 1", CreateFunction.class).body())
			.isEqualTo("SELECT a + 1");
	}

	@Test
	void aCallNamesItsProcedure() {
		assertThat(parse("CALL s.tidy(1, 'a', now())", Call.class)).isEqualTo(new Call(new TableName("s", "tidy")));
		assertThat(parse("CALL tidy", Unrecognized.class).reason()).contains("arguments of the procedure");
	}

	@Test
	void aTriggerNamesItsTableAndFunction() {
		assertThat(parse("CREATE TRIGGER audit AFTER INSERT OR UPDATE OF a, b ON s.t FOR EACH ROW "
				+ "WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION audit_row('x')", CreateTrigger.class))
			.isEqualTo(new CreateTrigger("audit", new TableName("s", "t"), TableName.of("audit_row")));
	}

	@Test
	void aDoBlockNamesTheTablesItsBodyChanges() {
		DoBlock block = parse("DO $do$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_class) THEN "
				+ "ALTER TABLE IF EXISTS s.a ADD COLUMN x int; UPDATE b SET x = 1; "
				+ "PERFORM 1 FROM c FOR UPDATE; INSERT INTO d VALUES (1) ON CONFLICT DO UPDATE SET y = 2; "
				+ "DELETE FROM e; EXECUTE 'CREATE INDEX CONCURRENTLY ix ON ONLY f (a)'; END IF; END $do$",
				DoBlock.class);
		assertThat(block.language()).isEqualTo("plpgsql");
		assertThat(block.tables()).containsExactly(new TableName("s", "a"), TableName.of("b"), TableName.of("d"),
				TableName.of("e"), TableName.of("f"));
	}

	// DML

	@Test
	void anUpdateKeepsItsWhereAndTheTablesItReads() {
		Update update = parse("UPDATE ONLY account a SET plan = p.name FROM plan p WHERE p.id = a.plan_id "
				+ "AND a.id IN (SELECT account_id FROM trial) RETURNING a.id", Update.class);
		assertThat(update.table()).isEqualTo(TableName.of("account"));
		assertThat(update.where()).isEqualTo("p.id = a.plan_id AND a.id IN (SELECT account_id FROM trial)");
		assertThat(update.tablesRead()).containsExactly(TableName.of("plan"), TableName.of("trial"));
		assertThat(parse("update t set a = extract(epoch from now())", Update.class))
			.isEqualTo(new Update(TableName.of("t"), null, List.of()));
	}

	@Test
	void aDeleteAndAnInsertFromAQuery() {
		Delete delete = parse("DELETE FROM s.t USING u WHERE t.id = u.id", Delete.class);
		assertThat(delete.table()).isEqualTo(new TableName("s", "t"));
		assertThat(delete.where()).isEqualTo("t.id = u.id");
		assertThat(delete.tablesRead()).containsExactly(TableName.of("u"));
		assertThat(parse("DELETE FROM t", Delete.class).where()).isNull();
		Insert copy = parse("WITH recent AS (SELECT * FROM events WHERE at > now() - interval '1 day') "
				+ "INSERT INTO archive (id) SELECT id FROM recent JOIN users ON users.id = recent.user_id", Insert.class);
		assertThat(copy.fromQuery()).isTrue();
		assertThat(copy.tablesRead()).containsExactly(TableName.of("events"), TableName.of("users"));
		Insert values = parse("INSERT INTO t (a, b) VALUES (1, (SELECT max(b) FROM u)) ON CONFLICT (a) DO NOTHING",
				Insert.class);
		assertThat(values.fromQuery()).isFalse();
		assertThat(values.tablesRead()).containsExactly(TableName.of("u"));
	}

	@Test
	void anInsertsQueryMayStandInParenthesesOrBeATable() {
		assertThat(parse("INSERT INTO t (SELECT * FROM u)", Insert.class))
			.isEqualTo(new Insert(TableName.of("t"), true, List.of(TableName.of("u"))));
		assertThat(parse("INSERT INTO t TABLE u", Insert.class))
			.isEqualTo(new Insert(TableName.of("t"), true, List.of(TableName.of("u"))));
		assertThat(parse("INSERT INTO t (a[1], b) VALUES (1, 2)", Insert.class).fromQuery()).isFalse();
		assertThat(parse("INSERT INTO t DEFAULT VALUES", Insert.class).fromQuery()).isFalse();
	}

	@Test
	void aDataChangingWithCountsItsTables() {
		Insert insert = parse("WITH moved AS (DELETE FROM a WHERE x RETURNING *) INSERT INTO b SELECT * FROM moved",
				Insert.class);
		assertThat(insert.tablesRead()).containsExactly(TableName.of("a"));
		assertThat(parse("WITH d AS (DELETE FROM a RETURNING *), u AS (UPDATE ONLY s.b SET x = 1 RETURNING *) "
				+ "SELECT * FROM d, u", Select.class).tablesChanged()).containsExactly(TableName.of("a"),
						new TableName("s", "b"));
	}

	@Test
	void aQueryThatLocksRowsChangesNone() {
		assertThat(parse("SELECT * FROM t WHERE a = 1 FOR UPDATE", Select.class))
			.isEqualTo(new Select(List.of(TableName.of("t")), List.of()));
		assertThat(parse("SELECT * FROM t, u FOR NO KEY UPDATE OF t NOWAIT", Select.class).tablesChanged()).isEmpty();
		assertThat(parse("SELECT (update + 1) FROM t FOR KEY SHARE", Select.class).tablesChanged()).isEmpty();
	}

	@Test
	void mergeSelectAndCopy() {
		assertThat(parse("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE", Merge.class))
			.isEqualTo(new Merge(TableName.of("t"), List.of(TableName.of("s"))));
		assertThat(parse("SELECT setval('s', (SELECT max(id) FROM t a, u WHERE a.x IS DISTINCT FROM u.y))",
				Select.class).tablesRead()).containsExactly(TableName.of("t"), TableName.of("u"));
		assertThat(parse("COPY region (code, name) FROM stdin;\nA\tAlpha\n\\.", Copy.class))
			.isEqualTo(new Copy(TableName.of("region"), true, null, List.of()));
		assertThat(parse("COPY (SELECT * FROM a) TO STDOUT WITH (FORMAT csv)", Copy.class).tablesRead())
			.containsExactly(TableName.of("a"));
	}

	@Test
	void explainKeepsTheStatementItExplainsAndWhetherItRunsIt() {
		assertThat(parse("EXPLAIN ANALYZE VERBOSE UPDATE t SET a = 1", Explain.class))
			.isEqualTo(new Explain(true, new Update(TableName.of("t"), null, List.of())));
		assertThat(parse("EXPLAIN (FORMAT json, ANALYSE on) DELETE FROM t", Explain.class).analyze()).isTrue();
		assertThat(parse("EXPLAIN (ANALYZE 0, COSTS) DELETE FROM t", Explain.class).analyze()).isFalse();
		assertThat(parse("EXPLAIN (SELECT 1)", Explain.class)).isEqualTo(new Explain(false, new Select(List.of(),
				List.of())));
		assertThat(parse("EXPLAIN ANALYZE FROBNICATE", Explain.class).statement()).isInstanceOf(Unrecognized.class);
	}

	@Test
	void theFunctionsAQueryCallsAreFoundAndWhatOnlyLooksLikeACallIsNot() {
		assertThat(FunctionCalls.in("WITH c (a) AS (SELECT f(1)), d AS NOT MATERIALIZED (SELECT 1) "
				+ "SELECT DISTINCT ON (a) g(a), CAST(b AS numeric(10, 2)), x::varchar(3), coalesce(\"H\"(), 0) "
				+ "FROM c, ${s}.k(2) AS u (v int), unnest(y) z (w) WHERE a IN (1) AND EXISTS (SELECT 'm(1)')"))
			.containsExactly(TableName.of("f"), TableName.of("g"), TableName.of("H"), new TableName("${s}", "k"),
					TableName.of("unnest"));
		assertThat(FunctionCalls.in("INSERT INTO t (a, b) SELECT a, f(b) AS c FROM u ON CONFLICT (a) DO UPDATE "
				+ "SET (a, b) = (1, g())")).containsExactly(TableName.of("f"), TableName.of("g"));
	}

	// names, placeholders, commands, garbage

	@Test
	void quotedNamesKeepTheirCaseAndPlaceholdersAreNames() {
		CreateIndex index = parse("CREATE INDEX \"Ix_A\" ON ${schema}.\"Account\" (\"Email\")", CreateIndex.class);
		assertThat(index.name()).isEqualTo("Ix_A");
		assertThat(index.table()).isEqualTo(new TableName("${schema}", "Account"));
		assertThat(index.keys()).containsExactly(new IndexKey("\"Email\"", "Email"));
	}

	@Test
	void otherStatementsAreRecognizedByTheirLeadingWords() {
		assertThat(parse("CREATE OR REPLACE VIEW v AS SELECT 1", Command.class).kind()).isEqualTo("CREATE VIEW");
		assertThat(parse("CREATE SEQUENCE IF NOT EXISTS s", Command.class).kind()).isEqualTo("CREATE SEQUENCE");
		assertThat(parse("CREATE EXTENSION IF NOT EXISTS pg_trgm", Command.class).kind())
			.isEqualTo("CREATE EXTENSION");
		assertThat(parse("ALTER SEQUENCE s RESTART WITH 10", Command.class).kind()).isEqualTo("ALTER SEQUENCE");
		assertThat(parse("GRANT SELECT ON t TO r", Command.class).kind()).isEqualTo("GRANT");
		assertThat(parse("COMMENT ON COLUMN t.a IS 'x'", Command.class).kind()).isEqualTo("COMMENT");
		assertThat(parse("SET search_path TO s", Command.class).kind()).isEqualTo("SET");
		assertThat(parse("START TRANSACTION", Command.class).kind()).isEqualTo("START TRANSACTION");
		assertThat(parse("ALTER INDEX i SET TABLESPACE t", Command.class).kind()).isEqualTo("ALTER INDEX");
		assertThat(parse("CREATE TYPE e AS ENUM ('a')", Command.class).kind()).isEqualTo("CREATE TYPE");
		assertThat(parse("DO $$ BEGIN END $$", DoBlock.class).tables()).isEmpty();
	}

	@Test
	void garbageIsUnrecognizedWithAReason() {
		assertThat(parse("this is not sql", Unrecognized.class).reason()).contains("unknown statement");
		assertThat(parse("CREATE WIDGET w", Unrecognized.class).reason()).contains("unknown kind of CREATE");
		assertThat(parse("CREATE TABLE t (a int", Unrecognized.class).reason()).contains("end of the statement");
		assertThat(parse("DROP INDEX", Unrecognized.class).reason()).isNotBlank();
		assertThat(parse("-- only a comment", Unrecognized.class).reason()).contains("no statement");
		assertThat(parse("UPDATE t SET a = (1", Unrecognized.class).reason()).contains("parenthesis left open");
		assertThat(parse("ALTER TABLE t ADD COLUMN a int DEFAULT 1 DEFAULT 2", Unrecognized.class).reason())
			.contains("a second DEFAULT");
		assertThat(parse("DROP INDEX IF EXISTS CONCURRENTLY i", Unrecognized.class).reason()).contains("unexpected");
		assertThat(parse("LOCK TABLE t IN ACCESS EXCLUSIVE", Unrecognized.class).reason()).isNotBlank();
	}

	private static <T extends ParsedStatement> T parse(String sql, Class<T> type) {
		ParsedStatement parsed = SqlParser.parse(sql);
		assertThat(parsed).as(sql).isInstanceOf(type);
		return type.cast(parsed);
	}

}
