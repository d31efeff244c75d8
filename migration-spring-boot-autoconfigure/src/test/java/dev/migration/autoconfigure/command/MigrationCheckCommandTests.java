package dev.migration.autoconfigure.command;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** The drift part of the {@code check} command: hand-made changes, and steps that stopped halfway. */
@PostgresTest(emptyBeforeEach = true)
class MigrationCheckCommandTests {

	private final JdbcTemplate jdbc;

	private final ApplicationContextRunner contextRunner;

	MigrationCheckCommandTests(TestDatabase database) {
		this.jdbc = new JdbcTemplate(database.dataSource());
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					MigrationAutoConfiguration.class, MigrationCommandAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + database.url(),
					"spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password())
			.withBean(CommandRevisions.CreateItem.class)
			.withBean(CommandRevisions.AddPrice.class)
			.withBean(CommandRevisions.SeedItems.class);
	}

	@Test
	void checkFailsListingChangesMadeByHandSinceTheLastRun() {
		run("upgrade");
		this.jdbc.execute("CREATE INDEX ix_item_by_hand ON item (price)");
		this.jdbc.execute("ALTER TABLE item ALTER COLUMN name DROP NOT NULL");
		CapturedCommand result = run("check");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).startsWith("Changes made outside migrations, found by the run of ")
			.contains(":\n  - column item.name: nullable false -> true\n"
					+ "  - index ix_item_by_hand: unexpected in the database\n")
			.endsWith("accept them as intended with --migrations.command=stamp --migrations.target=c3, which stores "
					+ "the live schema.\n");
		assertThat(result.err()).isEqualTo(
				"check failed: 2 change(s) made outside migrations (listed on standard output).\n");
	}

	@Test
	void aChangeMadeByHandIsStillToldAfterALaterRunUntilAStampAcceptsIt() {
		run("upgrade", "b2");
		this.jdbc.execute("CREATE INDEX ix_item_by_hand ON item (price)");
		run("upgrade", "heads");
		CapturedCommand afterRun = run("check");
		assertThat(afterRun.exitCode()).isEqualTo(1);
		assertThat(afterRun.out()).contains("  - index ix_item_by_hand: unexpected in the database\n");
		run("stamp", "c3");
		CapturedCommand afterStamp = run("check");
		assertThat(afterStamp.exitCode()).isZero();
		assertThat(afterStamp.out()).isEqualTo("OK: the database is at heads (c3) and matches the code.\n");
	}

	@Test
	void checkFailsNamingADowngradeThatStoppedHalfway() {
		ApplicationContextRunner withIndexes = this.contextRunner.withBean(IndexItems.class);
		run(withIndexes, "upgrade", "heads");
		assertThat(run(withIndexes, "downgrade", "c3").exitCode()).isEqualTo(1);
		CapturedCommand result = run(withIndexes, "check", "heads");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).startsWith("check failed: the downgrade of e5 stopped after 1 committed statement(s); "
				+ "the next downgrade continues it;");
		assertThat(result.out()).contains("  - index ix_item_price: missing in the database\n")
			.endsWith("A step that stopped halfway may have made some of them: finish it first.\n");
	}

	@Test
	void checkPassesWhenOnlyRowsChanged() {
		run("upgrade");
		this.jdbc.update("INSERT INTO item (name) VALUES ('rows are not drift')");
		CapturedCommand result = run("check");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo("OK: the database is at heads (c3) and matches the code.\n");
	}

	@Test
	void checkSaysWhenNoSnapshotIsStoredYet() {
		run("upgrade");
		this.jdbc.execute("DROP TABLE migration_history_snapshot");
		CapturedCommand result = run("check");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).endsWith("No schema snapshot is stored yet, so changes made by hand cannot be told; "
				+ "the next upgrade, downgrade or stamp stores one.\n");
	}

	private CapturedCommand run(String command) {
		return run(command, "heads");
	}

	private CapturedCommand run(String command, String target) {
		return run(this.contextRunner, command, target);
	}

	private static CapturedCommand run(ApplicationContextRunner runner, String command, String target) {
		CapturedCommand result = new CapturedCommand();
		runner.withPropertyValues("migrations.command=" + command, "migrations.target=" + target)
			.withBean(CommandConsole.class, result::console)
			.withBean(CommandExit.class, result::exit)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				context.getBean(MigrationCommandRunner.class).run();
			});
		return result;
	}

	/** Two concurrent index builds, and a downgrade that drops one and then fails on a name that is wrong. */
	@Revision(id = "e5", revises = "c3", message = "index items", transactional = false)
	static class IndexItems implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createIndex("ix_item_name", "item", (i) -> i.on("name").concurrently());
			op.createIndex("ix_item_price", "item", (i) -> i.on("price").concurrently());
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("DROP INDEX CONCURRENTLY ix_item_price");
			op.execute("DROP INDEX CONCURRENTLY ix_item_name_misspelled");
		}

	}

}
