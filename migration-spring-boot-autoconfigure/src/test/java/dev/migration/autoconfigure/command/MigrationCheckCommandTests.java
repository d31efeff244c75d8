package dev.migration.autoconfigure.command;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** The drift part of the {@code check} command: hand-made changes since the last run. */
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
		assertThat(result.out()).startsWith("Changes made outside migrations since the run of ")
			.endsWith(":\n  - column item.name: nullable false -> true\n"
					+ "  - index ix_item_by_hand: unexpected in the database\n");
		assertThat(result.err()).isEqualTo(
				"check failed: 2 change(s) made outside migrations since the last run (listed on standard output).\n");
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
		CapturedCommand result = new CapturedCommand();
		this.contextRunner.withPropertyValues("migrations.command=" + command, "migrations.target=heads")
			.withBean(CommandConsole.class, result::console)
			.withBean(CommandExit.class, result::exit)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				context.getBean(MigrationCommandRunner.class).run();
			});
		return result;
	}

}
