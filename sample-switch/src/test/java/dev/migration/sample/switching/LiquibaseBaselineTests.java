package dev.migration.sample.switching;

import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.Migration;
import dev.migration.core.run.AppliedStep;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.sample.switching.revisions.AddCustomerNote;
import dev.migration.sample.switching.revisions.LiquibaseBaseline;
import dev.migration.test.MigrationTester;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;
import dev.migration.testdb.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Baseline 0001 builds what db/changelog.xml builds: a database Liquibase updated, taken over at
 * the baseline and upgraded, holds the schema and rows of a new database upgraded through it.
 */
@PostgresTest
class LiquibaseBaselineTests {

	private static final String CUSTOMERS = "SELECT row_to_json(c)::text FROM customer c ORDER BY id";

	private final DataSource dataSource;

	LiquibaseBaselineTests(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Test
	void aDatabaseLiquibaseUpdatedIsTakenOverAtTheBaselineAndEndsAsANewDatabaseWould() throws Exception {
		liquibaseUpdate(this.dataSource);
		assertThat(migrator(this.dataSource).upgrade("heads").steps()).extracting(AppliedStep::revision)
			.containsExactly("0002");
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		// Liquibase's own tables stay behind after the take-over; they are all that tells the two apart
		jdbc.execute("DROP TABLE databasechangelog, databasechangeloglock");
		MigrationTester.of(revisions()).assertSchemaMatches(this.dataSource);
		TestDatabase fresh = TestDatabaseServer.get().createDatabase("fresh");
		try {
			migrator(fresh.dataSource()).upgrade("heads");
			assertThat(jdbc.queryForList(CUSTOMERS, String.class))
				.isEqualTo(new JdbcTemplate(fresh.dataSource()).queryForList(CUSTOMERS, String.class))
				.hasSize(1);
		}
		finally {
			TestDatabaseServer.get().dropDatabase(fresh);
		}
	}

	private static void liquibaseUpdate(DataSource dataSource) throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			Database database = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(connection));
			// read from the classpath, so DATABASECHANGELOG names it db/changelog.xml as before-switch/pom.xml does
			new Liquibase("db/changelog.xml", new ClassLoaderResourceAccessor(), database)
				.update(new Contexts(), new LabelExpression());
		}
	}

	private static Migrator migrator(DataSource dataSource) {
		return Migrator.create(dataSource, revisions(), RunSettings.defaults());
	}

	private static List<Migration> revisions() {
		return List.of(new LiquibaseBaseline(), new AddCustomerNote());
	}

}
