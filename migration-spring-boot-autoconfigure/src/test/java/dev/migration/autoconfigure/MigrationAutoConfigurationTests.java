package dev.migration.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.migration.core.MigrationException;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.Release;
import dev.migration.core.run.RunSettings;
import dev.migration.core.schema.QualifiedName;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;
import dev.migration.testdb.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@PostgresTest(emptyBeforeEach = true)
class MigrationAutoConfigurationTests {

	private final TestDatabase database;

	private final JdbcTemplate jdbc;

	private final ApplicationContextRunner contextRunner;

	MigrationAutoConfigurationTests(TestDatabase database) {
		this.database = database;
		this.jdbc = new JdbcTemplate(database.dataSource());
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					JdbcTemplateAutoConfiguration.class, MigrationAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + database.url(),
					"spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password())
			.withBean(TestRevisions.CreateGreeting.class)
			.withBean(TestRevisions.SeedGreeting.class);
	}

	@Test
	void backsOffWithNoDataSource() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrationAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(Migrator.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(Migrator.class)
				.doesNotHaveBean(MigrationInitializer.class));
	}

	@Test
	void appliesEveryMigrationBeanDuringStartUp() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(MigrationInitializer.class);
			assertThat(this.jdbc.queryForObject("SELECT text FROM greeting", String.class)).isEqualTo("hello");
			assertThat(context.getBean(Migrator.class).current()).containsExactly("2000");
		});
	}

	@Test
	void sqlFilesOfTheConfiguredLocationsRunInTheSameGraphAsTheJavaRevisions() {
		this.contextRunner.withPropertyValues("migrations.locations=classpath:sql/boot").run((context) -> {
			assertThat(this.jdbc.queryForObject("SELECT body FROM note", String.class)).isEqualTo("hello, from SQL");
			assertThat(context.getBean(Migrator.class).current()).containsExactly("V4");
		});
	}

	@Test
	void flywayPlaceholdersAreReplacedAndFilesThatAreNoMigrationsAreLeftOutWhenListed(@TempDir Path folder)
			throws IOException {
		Files.writeString(folder.resolve("V1__create_invoice.sql"), "-- invoices\n"
				+ "CREATE TABLE ${tableName} (id int, created_by text DEFAULT '${flyway:user}');\n"
				+ "COMMENT ON TABLE invoice IS 'made by ${flyway:filename}';\n");
		Files.createDirectory(folder.resolve("rollback"));
		Files.writeString(folder.resolve("rollback/1__drop_invoice.sql"), "DROP TABLE invoice;\n");
		ApplicationContextRunner withFiles = this.contextRunner
			.withPropertyValues("migrations.locations=filesystem:" + folder);
		withFiles.run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("V1__create_invoice.sql (line 2): the placeholder ${tableName} has no value; "
					+ "set migrations.placeholders.tableName"));
		ApplicationContextRunner withValue = withFiles.withPropertyValues("migrations.placeholders.TABLENAME=invoice");
		withValue.run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("rollback/1__drop_invoice.sql")
			.hasMessageContaining("list it in migrations.ignore-files"));
		ApplicationContextRunner ignoring = withValue.withPropertyValues("migrations.ignore-files=rollback/*.sql");
		ignoring.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(this.jdbc.queryForObject("SELECT column_default FROM information_schema.columns "
					+ "WHERE table_name = 'invoice' AND column_name = 'created_by'", String.class))
				.isEqualTo("'" + this.database.user() + "'::text");
			assertThat(context.getBean(Migrator.class).upgradeSql("base", "V1"))
				.contains("CREATE TABLE invoice", "COMMENT ON TABLE invoice IS 'made by V1__create_invoice.sql'");
		});
	}

	@Test
	void aLocationThatDoesNotExistStopsTheStartUnlessAllowed(@TempDir Path folder) {
		ApplicationContextRunner typo = this.contextRunner
			.withPropertyValues("migrations.locations=file:" + folder.resolve("db/migratoin"));
		typo.run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("migrations.locations entry 'file:" + folder.resolve("db/migratoin") + "' does not exist")
			.hasMessageContaining("migrations.fail-on-missing-locations=false"));
		typo.withPropertyValues("migrations.fail-on-missing-locations=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Migrator.class).current()).containsExactly("2000");
		});
	}

	@Test
	void theDefaultSchemaIsCreatedAndHoldsTheTablesAndTheHistory() {
		this.jdbc.execute("DROP SCHEMA IF EXISTS app, app_audit CASCADE");
		this.contextRunner.withPropertyValues("migrations.default-schema=app", "migrations.schemas=app_audit")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.jdbc.queryForObject("SELECT text FROM app.greeting", String.class)).isEqualTo("hello");
				assertThat(this.jdbc.queryForObject("SELECT to_regclass('app.migration_history_state')::text",
						String.class)).isEqualTo("app.migration_history_state");
				assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname = 'app_audit'",
						Integer.class)).isOne();
				assertThat(context.getBean(Migrator.class).current()).containsExactly("2000");
			});
		this.jdbc.execute("DROP SCHEMA app, app_audit CASCADE");
	}

	@Test
	void aSqlFileWhoseNameDoesNotParseStopsStartUpNamingIt() {
		this.contextRunner.withPropertyValues("migrations.locations=classpath:sql/bad")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("classpath:sql/bad/V1_create_thing.sql")
				.hasMessageContaining("V<version>__<description>.sql"));
	}

	@Test
	void flywayAutoConfigurationOnTheSameFilesStopsStartUpSayingWhatToDo() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
			.withPropertyValues("migrations.locations=classpath:sql/flyway-clash",
					"spring.flyway.locations=classpath:/sql/flyway-clash/")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(FlywayConflictException.class)
				.hasMessageContaining("[classpath:sql/flyway-clash]")
				.hasMessageContaining("spring.flyway.enabled=false"));
	}

	@Test
	void flywaySwitchedOffLeavesTheFilesToThisProject() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
			.withPropertyValues("migrations.locations=classpath:sql/flyway-clash",
					"spring.flyway.locations=classpath:sql/flyway-clash", "spring.flyway.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Migrator.class).current()).contains("V1");
			});
	}

	@Test
	void anApplicationSwitchedFromFlywayStartsWithoutRunningAnyFileAgain() {
		Flyway.configure()
			.dataSource(this.database.url(), this.database.user(), this.database.password())
			.locations("classpath:sql/switched")
			.load()
			.migrate();
		// the Java revisions of the runner would revise nothing Flyway knew: only the files here
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + this.database.url(),
					"spring.datasource.username=" + this.database.user(),
					"spring.datasource.password=" + this.database.password(), "migrations.locations=classpath:sql/switched")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Migrator.class).history())
					.extracting((entry) -> entry.revision() + " " + entry.action().value())
					.containsExactly("V1 stamp", "R__account_view stamp");
				assertThat(context.getBean(Migrator.class).pending("heads")).isEmpty();
			});
	}

	@Test
	void aMissingDefaultLocationIsNoError() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void beansThatUseTheDatabaseWaitForMigrations() {
		this.contextRunner.withUserConfiguration(GreetingReader.class)
			.run((context) -> assertThat(context.getBean(GreetingReader.class).greeting).isEqualTo("hello"));
	}

	@Test
	void autoRunOffStartsWithoutRunningAndLeavesThemPending() {
		this.contextRunner.withPropertyValues("migrations.auto-run=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(this.jdbc.queryForObject("SELECT to_regclass('greeting')", String.class)).isNull();
			assertThat(context.getBean(Migrator.class).pending("heads")).hasSize(2);
		});
	}

	@Test
	void targetLimitsTheStartUpRun() {
		this.contextRunner.withPropertyValues("migrations.target=1000")
			.run((context) -> assertThat(context.getBean(Migrator.class).current()).containsExactly("1000"));
	}

	@Test
	void aMigrationDataSourceIsPreferredOverTheApplicationOne() {
		TestDatabase other = TestDatabaseServer.get().createDatabase("migration_ds");
		MigrationDataSourceConfiguration.database = other;
		try {
			this.contextRunner.withUserConfiguration(MigrationDataSourceConfiguration.class).run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(new JdbcTemplate(other.dataSource()).queryForObject("SELECT text FROM greeting",
							String.class)).isEqualTo("hello");
					assertThat(this.jdbc.queryForObject("SELECT to_regclass('greeting')", String.class)).isNull();
				});
		}
		finally {
			TestDatabaseServer.get().dropDatabase(other);
		}
	}

	@Test
	void migrationsUrlOpensASeparateConnection() {
		TestDatabase other = TestDatabaseServer.get().createDatabase("migration_url");
		try {
			this.contextRunner
				.withPropertyValues("migrations.url=" + other.url(), "migrations.user=" + other.user(),
						"migrations.password=" + other.password())
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(new JdbcTemplate(other.dataSource()).queryForObject("SELECT count(*) FROM greeting",
							Integer.class)).isEqualTo(1);
					assertThat(this.jdbc.queryForObject("SELECT to_regclass('greeting')", String.class)).isNull();
				});
		}
		finally {
			TestDatabaseServer.get().dropDatabase(other);
		}
	}

	@Test
	void migrationConnectionDetailsOpenASeparateConnection() {
		TestDatabase other = TestDatabaseServer.get().createDatabase("migration_details");
		try {
			this.contextRunner.withBean(MigrationConnectionDetails.class, () -> new MigrationConnectionDetails() {

				@Override
				public String getJdbcUrl() {
					return other.url();
				}

				@Override
				public String getUsername() {
					return other.user();
				}

				@Override
				public String getPassword() {
					return other.password();
				}

			}).run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(new JdbcTemplate(other.dataSource()).queryForObject("SELECT count(*) FROM greeting",
						Integer.class)).isEqualTo(1);
				assertThat(this.jdbc.queryForObject("SELECT to_regclass('greeting')", String.class)).isNull();
			});
		}
		finally {
			TestDatabaseServer.get().dropDatabase(other);
		}
	}

	@Test
	void aStrategyReplacesTheStartUpRun() {
		this.contextRunner.withBean(MigrationStrategy.class, () -> (runs) -> runs.stamp("heads")).run((context) -> {
			assertThat(context.getBean(Migrator.class).current()).containsExactly("2000");
			assertThat(this.jdbc.queryForObject("SELECT to_regclass('greeting')", String.class)).isNull();
		});
	}

	@Test
	void customizersAdjustTheEngineSettings() {
		this.contextRunner
			.withBean(MigrationSettingsCustomizer.class,
					() -> (settings) -> settings.withLockWait(Duration.ofSeconds(42)))
			.run((context) -> assertThat(context.getBean(Migrator.class).settings().lockWait())
				.isEqualTo(Duration.ofSeconds(42)));
	}

	@Test
	void propertiesReachTheEngine() {
		this.contextRunner
			.withPropertyValues("migrations.table=schema_log", "migrations.lock-timeout=250ms",
					"migrations.lock-retries=2", "migrations.checksum-policy=warn")
			.run((context) -> {
				RunSettings settings = context.getBean(Migrator.class).settings();
				assertThat(settings.history().table()).isEqualTo("schema_log");
				assertThat(settings.execution().lockTimeout()).isEqualTo(Duration.ofMillis(250));
				assertThat(settings.lockRetries()).isEqualTo(2);
				assertThat(this.jdbc.queryForObject("SELECT to_regclass('schema_log_state')", String.class))
					.isEqualTo("schema_log_state");
			});
	}

	@Test
	void aNegativeLockTimeoutFailsStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("migrations.lock-timeout=-1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Property migrations.lock-timeout with value '-1000ms' is invalid")
				.hasMessageContaining("above zero"));
	}

	@Test
	void anUnknownPolicyFailsStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("migrations.checksum-policy=sometimes")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("migrations.checksum-policy"));
	}

	@Test
	void lintErrorsInRevisionsToApplyStopStartUpBeforeAnythingRuns() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.withBean(TestRevisions.UnsafeIndex.class)
			.withPropertyValues("migrations.lint-small-table-rows=0")
			.run((context) -> {
				assertThat(context).hasFailed()
					.getFailure()
					.hasStackTraceContaining("Nothing was run: 1 lint error(s)")
					.hasStackTraceContaining("index-not-concurrent");
				assertThat(this.jdbc.queryForObject("SELECT to_regclass('ix_greeting_text')", String.class)).isNull();
			});
	}

	@Test
	void aTableTheDatabaseEstimatesAboveTheSmallTableRowsIsJudgedLarge() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		this.jdbc.update("INSERT INTO greeting (text) SELECT 'hi ' || n FROM generate_series(1, 50) n");
		this.jdbc.execute("ANALYZE greeting");
		this.contextRunner.withBean(TestRevisions.UnsafeIndex.class)
			.withPropertyValues("migrations.lint-small-table-rows=20")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("index-not-concurrent"));
	}

	@Test
	void aLockRuleOnASmallExistingTableDoesNotStopStartUp() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.withBean(TestRevisions.UnsafeIndex.class)
			.run((context) -> assertThat(context.getBean(Migrator.class).current()).containsExactly("3000"));
		assertThat(this.jdbc.queryForObject("SELECT to_regclass('ix_greeting_text')", String.class))
			.isEqualTo("ix_greeting_text");
	}

	@Test
	void anIndexOnATableCreatedInTheSameRunIsNoError() {
		this.contextRunner.withBean(TestRevisions.UnsafeIndex.class)
			.withPropertyValues("migrations.lint-small-table-rows=0")
			.run((context) -> assertThat(context.getBean(Migrator.class).current()).containsExactly("3000"));
	}

	@Test
	void aNegativeSmallTableRowsStopsStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("migrations.lint-small-table-rows=-1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("migrations.lint-small-table-rows must be 0 or more"));
	}

	@Test
	void lintWarnRunsDespiteErrors() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.withBean(TestRevisions.UnsafeIndex.class)
			.withPropertyValues("migrations.lint=warn", "migrations.lint-small-table-rows=0")
			.run((context) -> assertThat(context.getBean(Migrator.class).current()).containsExactly("3000"));
	}

	@Test
	void defaultValuesAreConsistentWithTheEngine() {
		MigrationProperties properties = new MigrationProperties();
		assertThat(properties.toRunSettings()).isEqualTo(RunSettings.defaults());
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.isAutoRun()).isTrue();
		assertThat(properties.getTarget()).isEqualTo("heads");
		assertThat(Release.of(properties.getRelease())).isEqualTo(Release.none());
		assertThat(properties.getBackground().isEnabled()).isTrue();
	}

	@Test
	void flywayTableNamesTheTableAndSchemaFlywayKeptItsHistoryIn() {
		MigrationProperties properties = new MigrationProperties();
		properties.setFlywayTable("legacy.schema_versions");
		assertThat(properties.toRunSettings().flywayTable()).isEqualTo(new QualifiedName("legacy", "schema_versions"));
		properties.setFlywayTable(" ");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(properties::toRunSettings)
			.withMessageContaining("migrations.flyway-table ' '")
			.withMessageContaining("schema.table");
	}

	/** Reads the migrated table as soon as it is created. */
	@Component
	static class GreetingReader {

		final String greeting;

		GreetingReader(JdbcTemplate jdbc) {
			this.greeting = jdbc.queryForObject("SELECT text FROM greeting", String.class);
		}

	}

	/** Declares a second DataSource for migrations only, next to the application's. */
	@Configuration(proxyBeanMethods = false)
	static class MigrationDataSourceConfiguration {

		static TestDatabase database;

		@Bean(defaultCandidate = false)
		@MigrationDataSource
		DataSource migrationDataSource() {
			return database.dataSource();
		}

	}

}
