package dev.migration.core.run;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.lint.LintGate;
import dev.migration.core.lint.LintPolicy;
import dev.migration.core.schema.ColumnType;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migration's code runs once per run, and that one recording serves the checksum, the lint
 * gate, the rehearsal and the run; code that reads the database or asks whether it runs
 * offline is called where it runs, with the database it reads.
 */
@PostgresTest(emptyBeforeEach = true)
class RecordedOnceTests {

	private static final AtomicInteger pureCalls = new AtomicInteger();

	private static final AtomicInteger readingCalls = new AtomicInteger();

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	RecordedOnceTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@BeforeEach
	void resetCounts() {
		pureCalls.set(0);
		readingCalls.set(0);
	}

	@Test
	void anUpgradeCallsEachRevisionsCodeOnceForTheChecksumTheGateTheRehearsalAndTheRun() {
		Migrator migrator = migrator(List.of(new CountedPure())).withUpgradeCheck(new LintGate(LintPolicy.FAIL));
		migrator.upgrade("heads");
		assertThat(pureCalls).hasValue(1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM counted", Integer.class)).isEqualTo(1);
		migrator.upgrade("heads");
		assertThat(pureCalls).as("a later run of the same migrator records nothing again").hasValue(1);
	}

	@Test
	void anOfflineScriptCallsEachRevisionsCodeOnce() {
		String script = migrator(List.of(new CountedPure())).upgradeSql("base", "heads");
		assertThat(script).contains("CREATE TABLE counted");
		assertThat(pureCalls).hasValue(1);
	}

	@Test
	void codeThatReadsTheDatabaseRunsWhereItRunsWithWhatItReads() {
		Migrator migrator = migrator(List.of(new CountedPure(), new CountedReading()));
		migrator.upgrade("heads");
		assertThat(this.jdbc.queryForList("SELECT label FROM counted ORDER BY label", String.class))
			.containsExactly("first", "rows seen: 1");
		// one offline try, which stops at the read, and the run
		assertThat(readingCalls).hasValue(2);
	}

	@Test
	void codeThatAsksWhetherItRunsOfflineBuildsItsOnlineOpsOnline() {
		Migrator migrator = migrator(List.of(new CountedPure(), new AsksWhereItRuns()));
		assertThat(migrator.upgradeSql("base", "heads")).contains("'offline script'").doesNotContain("'online run'");
		migrator.upgrade("heads");
		assertThat(this.jdbc.queryForList("SELECT label FROM counted ORDER BY label", String.class))
			.containsExactly("first", "online run");
	}

	@Test
	void anOnlineOnlyStepRunsItsCodeOnceOnlineAndStandsAsACommentOffline() {
		Migrator migrator = migrator(List.of(new CountedPure(), new OnlineOnlyCount()));
		assertThat(migrator.upgradeSql("base", "heads")).contains("-- online-only step: count the rows");
		migrator.upgrade("heads");
		assertThat(readingCalls).as("the step's code, online only").hasValue(1);
		assertThat(this.jdbc.queryForList("SELECT label FROM counted ORDER BY label", String.class))
			.containsExactly("first", "rows seen: 1");
	}

	private Migrator migrator(List<Migration> revisions) {
		return new Migrator(this.dataSource, MigrationCatalog.of(revisions), new PostgresDialect(),
				RunSettings.defaults());
	}

	@Revision(id = "r1", message = "counted")
	static class CountedPure implements Migration {

		@Override
		public void upgrade(Operations op) {
			pureCalls.incrementAndGet();
			op.createTable("counted", (t) -> t.column("label", ColumnType.TEXT));
			op.execute("INSERT INTO counted (label) VALUES ('first')");
		}

	}

	@Revision(id = "r2", revises = "r1", message = "reads")
	static class CountedReading implements Migration {

		@Override
		public void upgrade(Operations op) {
			readingCalls.incrementAndGet();
			int rows = op.queryForObject("SELECT count(*) FROM counted", Integer.class);
			op.execute("INSERT INTO counted (label) VALUES ('rows seen: " + rows + "')");
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("DELETE FROM counted WHERE label LIKE 'rows seen%'");
		}

	}

	@Revision(id = "r2", revises = "r1", message = "online only")
	static class OnlineOnlyCount implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.onlineOnly("count the rows", (online) -> {
				readingCalls.incrementAndGet();
				int rows = online.queryForObject("SELECT count(*) FROM counted", Integer.class);
				online.execute("INSERT INTO counted (label) VALUES ('rows seen: " + rows + "')");
			});
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("DELETE FROM counted WHERE label LIKE 'rows seen%'");
		}

	}

	@Revision(id = "r2", revises = "r1", message = "asks")
	static class AsksWhereItRuns implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("INSERT INTO counted (label) VALUES ('" + (op.offline() ? "offline script" : "online run") + "')");
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("DELETE FROM counted WHERE label <> 'first'");
		}

	}

}
