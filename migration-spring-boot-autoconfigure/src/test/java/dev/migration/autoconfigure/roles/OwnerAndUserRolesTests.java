package dev.migration.autoconfigure.roles;

import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.schema.ColumnType;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The README's production set-up, run as written: the migrations as the owner role, the
 * application as a role that may only read and write rows.
 */
@PostgresTest
class OwnerAndUserRolesTests {

	private final TestDatabase admin;

	private final JdbcTemplate adminJdbc;

	private final String suffix = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);

	private final String owner = "app_owner_" + this.suffix;

	private final String user = "app_user_" + this.suffix;

	private final String app = "app_" + this.suffix;

	OwnerAndUserRolesTests(TestDatabase admin) {
		this.admin = admin;
		this.adminJdbc = new JdbcTemplate(admin.dataSource());
	}

	@AfterEach
	void dropDatabaseAndRoles() {
		this.adminJdbc.execute("DROP DATABASE IF EXISTS " + this.app + " WITH (FORCE)");
		this.adminJdbc.execute("DROP ROLE IF EXISTS " + this.owner);
		this.adminJdbc.execute("DROP ROLE IF EXISTS " + this.user);
	}

	@Test
	void theOwnerMigratesAndTheUserReadsAndWritesRowsOnly() {
		String url = createRolesAndDatabase();
		contextRunner(url)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JdbcTemplate application = context.getBean(JdbcTemplate.class);
				assertThat(application.queryForObject("SELECT current_user", String.class)).isEqualTo(this.user);
				application.update("INSERT INTO note (text) VALUES ('written by the application')");
				assertThat(application.queryForList("SELECT text FROM note", String.class))
					.containsExactly("written by the application");
				assertThat(application.queryForObject("SELECT tableowner FROM pg_tables WHERE tablename = 'note'",
						String.class))
					.isEqualTo(this.owner);
				assertThatExceptionOfType(BadSqlGrammarException.class)
					.isThrownBy(() -> application.execute("DROP TABLE note"))
					.satisfies((ex) -> assertThat(ex.getSQLException().getMessage()).contains("must be owner"));
			});
	}

	/** The README's statements, with this test's names; returns the URL of the new database. */
	private String createRolesAndDatabase() {
		assumeThat(this.adminJdbc.queryForObject("SELECT rolsuper FROM pg_roles WHERE rolname = current_user",
				Boolean.class))
			.as("making roles and databases needs a superuser")
			.isTrue();
		this.adminJdbc.execute("CREATE ROLE " + this.owner + " LOGIN PASSWORD 'owner-secret'");
		this.adminJdbc.execute("CREATE ROLE " + this.user + " LOGIN PASSWORD 'user-secret'");
		this.adminJdbc.execute("CREATE DATABASE " + this.app + " OWNER " + this.owner);
		// the test server's URL may carry its superuser as a parameter, which would win over the user given
		String url = this.admin.url().replaceFirst("\\?.*$", "").replace("/" + this.admin.name(), "/" + this.app);
		try (SingleConnectionDataSource inApp = new SingleConnectionDataSource(url, this.admin.user(),
				this.admin.password(), true)) {
			JdbcTemplate jdbc = new JdbcTemplate(inApp);
			jdbc.execute("ALTER SCHEMA public OWNER TO " + this.owner);
			jdbc.execute("GRANT USAGE ON SCHEMA public TO " + this.user);
			jdbc.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + this.owner + " IN SCHEMA public "
					+ "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + this.user);
			jdbc.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + this.owner + " IN SCHEMA public "
					+ "GRANT USAGE, SELECT ON SEQUENCES TO " + this.user);
		}
		return url;
	}

	@Test
	void aUserNamedInTheUrlWouldWinOverTheMigrationUserSoTheStartIsRefused() {
		String url = createRolesAndDatabase() + "?user=" + this.user;
		contextRunner(url).run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("names a user as a parameter (user=...)")
			.hasMessageContaining("spring.datasource.username"));
		assertThat(this.adminJdbc.queryForObject("SELECT count(*) FROM pg_database WHERE datname = ?", Integer.class,
				this.app)).isOne();
	}

	private ApplicationContextRunner contextRunner(String url) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					JdbcTemplateAutoConfiguration.class, MigrationAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + url, "spring.datasource.username=" + this.user,
					"spring.datasource.password=user-secret", "migrations.user=" + this.owner,
					"migrations.password=owner-secret")
			.withBean(CreateNote.class)
			.withBean(IndexNote.class);
	}

	@Revision(id = "o1", message = "create note")
	static class CreateNote implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("note", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
				.column("text", ColumnType.TEXT, (c) -> c.notNull()));
		}

	}

	@Revision(id = "o2", revises = "o1", message = "index note text")
	static class IndexNote implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createIndex("ix_note_text", "note", (i) -> i.on("text").concurrently());
		}

	}

}
