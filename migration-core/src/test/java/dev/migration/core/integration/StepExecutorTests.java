package dev.migration.core.integration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.execute.Direction;
import dev.migration.core.execute.ExecutionSettings;
import dev.migration.core.execute.StepExecutor;
import dev.migration.core.execute.StepFailedException;
import dev.migration.core.execute.TransactionModeException;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.schema.DefaultValue;
import dev.migration.core.schema.IndexElement;
import dev.migration.core.sink.JdbcStatementSink;
import dev.migration.core.sink.StatementFailedException;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@PostgresTest
class StepExecutorTests {

	private final DataSource dataSource;

	private final Catalog catalog;

	StepExecutorTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.catalog = new Catalog(dataSource);
	}

	@Test
	void failingTransactionalRevisionIsRolledBackWithoutTrace() {
		assertThatExceptionOfType(StepFailedException.class)
			.isThrownBy(() -> run(new CreatesThenFails(), Direction.UPGRADE, ExecutionSettings.defaults()))
			.withMessageContaining("upgrade of revision 'creates_then_fails'")
			.withMessageContaining("no_such_table")
			.withMessageContaining("rolled back")
			.satisfies((ex) -> assertThat(ex.revision()).isEqualTo("creates_then_fails"));
		assertThat(this.catalog.exists("doomed")).isFalse();
	}

	@Test
	void revisionStartingWithAConcurrentIndexRunsOutsideATransaction() throws SQLException {
		this.catalog.jdbc().execute("CREATE TABLE indexed_live (a integer, b integer)");
		try (Connection connection = this.dataSource.getConnection()) {
			run(connection, new ConcurrentIndexes(), Direction.UPGRADE, ExecutionSettings.defaults());
			assertThat(connection.getAutoCommit()).isTrue();
			assertThat(lockTimeout(connection)).isEqualTo("0");
		}
		assertThat(this.catalog.index("ix_live_a"))
			.isEqualTo("CREATE INDEX ix_live_a ON public.indexed_live USING btree (a)");
		assertThat(this.catalog.indexValid("ix_live_a")).isTrue();
		assertThat(this.catalog.indexValid("ix_live_b")).isTrue();
	}

	@Test
	void concurrentIndexAfterTransactionalOpsFailsAndLeavesNoTrace() {
		assertThatExceptionOfType(StepFailedException.class)
			.isThrownBy(() -> run(new TableThenConcurrentIndex(), Direction.UPGRADE, ExecutionSettings.defaults()))
			.withCauseInstanceOf(TransactionModeException.class)
			.withMessageContaining("CREATE INDEX CONCURRENTLY ix_mixed_a")
			.withMessageContaining("rolled back");
		assertThat(this.catalog.exists("mixed")).isFalse();
	}

	@Test
	void nonTransactionalRevisionKeepsTheStatementsThatRanBeforeAFailure() {
		assertThatExceptionOfType(StepFailedException.class)
			.isThrownBy(() -> run(new NonTransactionalCreatesThenFails(), Direction.UPGRADE,
					ExecutionSettings.defaults()))
			.withMessageContaining("1 statement(s) of it ran outside a transaction and were kept");
		assertThat(this.catalog.exists("kept")).isTrue();
	}

	@Test
	void automaticDowngradeRestoresTheCatalogAsItWasBeforeTheUpgrade() {
		this.catalog.jdbc().execute("CREATE TABLE existing_parent"
				+ " (id integer PRIMARY KEY, name varchar(20), amount integer DEFAULT 1)");
		List<String> before = this.catalog.describe();
		run(new ManyReversibleOps(), Direction.UPGRADE, ExecutionSettings.defaults());
		List<String> upgraded = this.catalog.describe();
		assertThat(upgraded).isNotEqualTo(before)
			.anyMatch((line) -> line.startsWith("relation public.rev_children "))
			.anyMatch((line) -> line.startsWith("column public.existing_parent.label "))
			.anyMatch((line) -> line.startsWith("enum public.rev_state "));
		run(new ManyReversibleOps(), Direction.DOWNGRADE, ExecutionSettings.defaults());
		assertThat(this.catalog.describe()).isEqualTo(before);
	}

	@Test
	void automaticDowngradeOfAConcurrentIndexDropsItConcurrently() {
		this.catalog.jdbc().execute("CREATE TABLE concurrently_reverted (a integer)");
		Migration migration = new ConcurrentIndexToRevert();
		run(migration, Direction.UPGRADE, ExecutionSettings.defaults());
		assertThat(this.catalog.index("ix_reverted")).isNotNull();
		run(migration, Direction.DOWNGRADE, ExecutionSettings.defaults());
		assertThat(this.catalog.index("ix_reverted")).isNull();
	}

	@Test
	void automaticDowngradeOfADroppedColumnFailsNamingTheOpBeforeRunningAnything() {
		this.catalog.jdbc().execute("CREATE TABLE losing (a integer, b integer)");
		run(new DropsAColumn(), Direction.UPGRADE, ExecutionSettings.defaults());
		List<String> before = this.catalog.describe();
		assertThatExceptionOfType(StepFailedException.class)
			.isThrownBy(() -> run(new DropsAColumn(), Direction.DOWNGRADE, ExecutionSettings.defaults()))
			.withMessageContaining("downgrade of revision 'drops_a_column'")
			.withMessageContaining("drops column losing.b, whose values no downgrade can bring back")
			.withMessageContaining("Write downgrade()");
		assertThat(this.catalog.describe()).isEqualTo(before);
	}

	@Test
	void automaticDowngradeOfAnUpgradeThatReadsFailsAndSaysToWriteDowngrade() {
		this.catalog.jdbc().execute("CREATE TABLE reading (a integer)");
		run(new ReadsTheDatabase(), Direction.UPGRADE, ExecutionSettings.defaults());
		assertThat(this.catalog.columns("reading")).containsExactly("a", "seen");
		assertThatExceptionOfType(StepFailedException.class)
			.isThrownBy(() -> run(new ReadsTheDatabase(), Direction.DOWNGRADE, ExecutionSettings.defaults()))
			.withMessageContaining("reads the database")
			.withMessageContaining("Write downgrade()");
		assertThat(this.catalog.columns("reading")).containsExactly("a", "seen");
	}

	@Test
	void lockTimeoutStopsATransactionalStepWaitingBehindAnotherSession() throws SQLException {
		this.catalog.jdbc().execute("CREATE TABLE locked (a integer)");
		try (Connection holder = lock("locked")) {
			assertThatExceptionOfType(StepFailedException.class)
				.isThrownBy(() -> run(new AltersLockedTable(), Direction.UPGRADE,
						new ExecutionSettings(Duration.ofMillis(200))))
				.withMessageContaining("rolled back")
				.satisfies((ex) -> assertThat(sqlState(ex)).isEqualTo("55P03"));
			holder.rollback();
		}
		assertThat(this.catalog.columns("locked")).containsExactly("a");
	}

	@Test
	void nonBlockingLockTimeoutStopsAConcurrentIndexAndIsResetOnItsConnection() throws SQLException {
		this.catalog.jdbc().execute("CREATE TABLE locked_for_index (a integer)");
		try (Connection holder = lock("locked_for_index"); Connection connection = this.dataSource.getConnection()) {
			assertThatExceptionOfType(StepFailedException.class)
				.isThrownBy(() -> run(connection, new IndexesLockedTable(), Direction.UPGRADE,
						new ExecutionSettings(Duration.ofMillis(100), Duration.ofMillis(200))))
				.withMessageContaining("No statement of it had run")
				.satisfies((ex) -> assertThat(sqlState(ex)).isEqualTo("55P03"));
			assertThat(lockTimeout(connection)).isEqualTo("0");
			holder.rollback();
		}
		assertThat(this.catalog.index("ix_locked_for_index")).isNull();
	}

	@Test
	void retryOfAFailedConcurrentIndexReplacesTheInvalidIndexItLeft() {
		this.catalog.jdbc().execute("CREATE TABLE retried (a integer)");
		this.catalog.jdbc().update("INSERT INTO retried VALUES (1), (1)");
		assertThatExceptionOfType(StepFailedException.class)
			.isThrownBy(() -> run(new UniqueIndexOnRetried(), Direction.UPGRADE, ExecutionSettings.defaults()))
			.withMessageContaining("23505");
		assertThat(this.catalog.indexValid("ux_retried_a")).isFalse();
		this.catalog.jdbc().update("DELETE FROM retried WHERE ctid <> (SELECT min(ctid) FROM retried)");
		run(new UniqueIndexOnRetried(), Direction.UPGRADE, ExecutionSettings.defaults());
		assertThat(this.catalog.indexValid("ux_retried_a")).isTrue();
		assertThat(this.catalog.index("ux_retried_a"))
			.isEqualTo("CREATE UNIQUE INDEX ux_retried_a ON public.retried USING btree (a)");
	}

	private Connection lock(String table) throws SQLException {
		Connection holder = this.dataSource.getConnection();
		holder.setAutoCommit(false);
		try (Statement statement = holder.createStatement()) {
			statement.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
		}
		return holder;
	}

	private static String sqlState(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof StatementFailedException statement) {
				return statement.sqlState();
			}
		}
		return null;
	}

	private static String lockTimeout(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SHOW lock_timeout")) {
			rows.next();
			return rows.getString(1);
		}
	}

	private void run(Migration migration, Direction direction, ExecutionSettings settings) {
		Steps.run(this.dataSource, DeclaredRevision.of(migration), direction, settings);
	}

	private static void run(Connection connection, Migration migration, Direction direction,
			ExecutionSettings settings) {
		JdbcStatementSink sink = new JdbcStatementSink(connection);
		try {
			new StepExecutor(new PostgresDialect(), sink, settings).run(DeclaredRevision.of(migration), direction);
		}
		finally {
			// settings wait in the sink for the next statement; the runner flushes them at the end of a run
			sink.flush();
		}
	}

	@Revision(id = "creates_then_fails", message = "creates a table, then fails")
	static class CreatesThenFails implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("doomed", (t) -> t.column("a", ColumnType.INTEGER));
			op.execute("INSERT INTO no_such_table VALUES (1)");
		}

	}

	@Revision(id = "non_transactional_fails", transactional = false)
	static class NonTransactionalCreatesThenFails implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("kept", (t) -> t.column("a", ColumnType.INTEGER));
			op.execute("INSERT INTO no_such_table VALUES (1)");
		}

	}

	@Revision(id = "concurrent_indexes")
	static class ConcurrentIndexes implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createIndex("ix_live_a", "indexed_live", (i) -> i.on("a").concurrently());
			op.createIndex("ix_live_b", "indexed_live", (i) -> i.on("b").unique().concurrently());
		}

	}

	@Revision(id = "table_then_concurrent_index")
	static class TableThenConcurrentIndex implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("mixed", (t) -> t.column("a", ColumnType.INTEGER));
			op.createIndex("ix_mixed_a", "mixed", (i) -> i.on("a").concurrently());
		}

	}

	@Revision(id = "concurrent_index_to_revert")
	static class ConcurrentIndexToRevert implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createIndex("ix_reverted", "concurrently_reverted", (i) -> i.on("a").concurrently());
		}

	}

	@Revision(id = "drops_a_column")
	static class DropsAColumn implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.addColumn("losing", "c", ColumnType.TEXT);
			op.dropColumn("losing", "b");
		}

	}

	@Revision(id = "reads_the_database")
	static class ReadsTheDatabase implements Migration {

		@Override
		public void upgrade(Operations op) {
			int count = op.queryForObject("SELECT count(*) FROM reading", Integer.class);
			op.addColumn("reading", "seen", ColumnType.INTEGER, (c) -> c.defaultValue(count));
		}

	}

	@Revision(id = "alters_locked_table")
	static class AltersLockedTable implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.addColumn("locked", "b", ColumnType.INTEGER);
		}

	}

	@Revision(id = "indexes_locked_table")
	static class IndexesLockedTable implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createIndex("ix_locked_for_index", "locked_for_index", (i) -> i.on("a").concurrently());
		}

	}

	@Revision(id = "unique_index_on_retried")
	static class UniqueIndexOnRetried implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createIndex("ux_retried_a", "retried", (i) -> i.on("a").unique().concurrently());
		}

	}

	@Revision(id = "many_reversible_ops", message = "every reversible kind of op")
	static class ManyReversibleOps implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createSchema("rev_extra");
			op.createEnumType("rev_state", "new", "done");
			op.createSequence("rev_extra.rev_seq", (s) -> s.startWith(100).incrementBy(10));
			op.createTable("rev_child", (t) -> t.comment("temporary")
				.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
				.column("parent_id", ColumnType.INTEGER, (c) -> c.notNull())
				.column("state", ColumnType.named("rev_state"), (c) -> c.defaultValue("new").comment("state"))
				.column("total", ColumnType.numeric(10, 2))
				.check("ck_rev_child_total", "total >= 0"));
			op.addForeignKey("fk_rev_child_parent", "rev_child", (fk) -> fk.columns("parent_id")
				.references("existing_parent", "id")
				.notValid());
			op.validateConstraint("fk_rev_child_parent", "rev_child");
			op.createIndex("ix_rev_child_parent", "rev_child",
					(i) -> i.on("parent_id").key(IndexElement.column("total").desc()).where("total > 0"));
			op.addUnique("uq_rev_child_state", "rev_child", "parent_id", "state");
			op.addColumn("existing_parent", "label", ColumnType.TEXT, (c) -> c.defaultValue("x"));
			op.addCheckNotValid("ck_existing_parent_label", "existing_parent", "label <> ''");
			op.renameColumn("existing_parent", "name", "title");
			op.alterColumnType("existing_parent", "title", ColumnType.TEXT,
					(change) -> change.from(ColumnType.varchar(20)).reverseUsing("title::varchar(20)"));
			op.setNotNull("existing_parent", "title");
			op.changeDefault("existing_parent", "amount", DefaultValue.of(1), DefaultValue.expression("2 + 3"));
			op.createView("rev_view", "SELECT id, title FROM existing_parent");
			op.createMaterializedView("rev_extra.rev_matview", "SELECT count(*) AS n FROM rev_child");
			op.execute("CREATE FUNCTION rev_extra.answer() RETURNS integer LANGUAGE sql AS 'SELECT 42'",
					"DROP FUNCTION rev_extra.answer()");
			op.renameTable("rev_child", "rev_children");
		}

	}

}
