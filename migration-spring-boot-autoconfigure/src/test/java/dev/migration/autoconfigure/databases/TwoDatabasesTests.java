package dev.migration.autoconfigure.databases;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.autoconfigure.databases.reporting.ReportingRevisions;
import dev.migration.autoconfigure.endpoint.TestApplication;
import dev.migration.autoconfigure.endpoint.TestMigrations.CreateGreeting;
import dev.migration.autoconfigure.endpoint.TestMigrations.SeedGreeting;
import dev.migration.core.MigrationException;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;
import dev.migration.testdb.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One application, two databases: each with its own revisions and history, both on the endpoint, health and metrics. */
@PostgresTest(emptyBeforeEach = true)
class TwoDatabasesTests {

	private static final List<Class<?>> REVISIONS = List.of(CreateGreeting.class, SeedGreeting.class,
			ReportingRevisions.CreateDailyTotal.class, ReportingRevisions.SeedDailyTotal.class);

	private final TestDatabase main;

	private final TestDatabase reporting = TestDatabaseServer.get().createDatabase("reporting");

	TwoDatabasesTests(TestDatabase main) {
		this.main = main;
	}

	@AfterEach
	void dropReporting() {
		TestDatabaseServer.get().dropDatabase(this.reporting);
	}

	private TestApplication start(String... extra) {
		List<String> properties = new ArrayList<>(List.of(
				"migrations.databases.reporting.url=" + this.reporting.url(),
				"migrations.databases.reporting.user=" + this.reporting.user(),
				"migrations.databases.reporting.password=" + this.reporting.password(),
				"migrations.databases.reporting.revision-packages=" + ReportingRevisions.class.getPackageName(),
				"management.endpoint.migrations.access=unrestricted"));
		properties.addAll(List.of(extra));
		return TestApplication.start(this.main, REVISIONS, properties.toArray(String[]::new));
	}

	@Test
	void startUpMigratesBothDatabasesEachWithItsOwnRevisionsAndHistory() {
		try (TestApplication app = start("migrations.auto-run=true")) {
			JdbcTemplate main = new JdbcTemplate(this.main.dataSource());
			JdbcTemplate reporting = new JdbcTemplate(this.reporting.dataSource());
			assertThat(main.queryForList("SELECT text FROM greeting", String.class)).containsExactly("hello");
			assertThat(reporting.queryForObject("SELECT cents FROM daily_total", Long.class)).isEqualTo(100L);
			// each history holds its own revisions only, though one id is in both
			assertThat(main.queryForObject("SELECT to_regclass('daily_total')::text", String.class)).isNull();
			assertThat(reporting.queryForObject("SELECT to_regclass('greeting')::text", String.class)).isNull();
			assertThat(reporting.queryForList("SELECT revision FROM migration_history ORDER BY revision", String.class))
				.containsExactly("1000aa", "r2");

			String json = app.get("/actuator/migrations").body();
			assertThat((Object) JsonPath.read(json, "$.current")).isEqualTo(List.of("1001bb"));
			assertThat((Object) JsonPath.read(json, "$.databases.reporting.status")).isEqualTo("UP_TO_DATE");
			assertThat((Object) JsonPath.read(json, "$.databases.reporting.current")).isEqualTo(List.of("r2"));
			assertThat((Object) JsonPath.read(json, "$.databases.reporting.history[*].revision"))
				.isEqualTo(List.of("1000aa", "r2"));
			HttpResponse<String> revision = app.get("/actuator/migrations/reporting/1000aa");
			assertThat(revision.statusCode()).isEqualTo(200);
			assertThat(JsonPath.<String>read(revision.body(), "$.upgradeSql")).contains("daily_total");
			assertThat(app.get("/actuator/migrations/nowhere/1000aa").statusCode()).isEqualTo(404);

			String health = app.get("/actuator/health").body();
			assertThat((Object) JsonPath.read(health, "$.components.migrations.status")).isEqualTo("UP");
			assertThat((Object) JsonPath.read(health, "$.components.migrationDatabases.components.reporting.status"))
				.isEqualTo("UP");

			MeterRegistry meters = app.context().getBean(MeterRegistry.class);
			// a gauge holds what it reads weakly: a collection must not turn it into NaN
			System.gc();
			assertThat(meters.get("migrations.pending").tag("database", "reporting").gauge().value()).isZero();
			assertThat(meters.get("migrations.pending").tag("database", "default").gauge().value()).isZero();
			assertThat(meters.get("migrations.steps.applied").tag("database", "reporting").tag("direction", "upgrade")
				.counter().count()).isEqualTo(2);
		}
	}

	@Test
	void aPostNamesTheDatabaseItRuns() {
		try (TestApplication app = start()) {
			String before = app.get("/actuator/migrations").body();
			assertThat((Object) JsonPath.read(before, "$.status")).isEqualTo("PENDING");
			assertThat((Object) JsonPath.read(before, "$.databases.reporting.pending[*].revision"))
				.isEqualTo(List.of("1000aa", "r2"));
			String health = app.get("/actuator/health").body();
			assertThat((Object) JsonPath.read(health, "$.components.migrationDatabases.components.reporting.status"))
				.isEqualTo("OUT_OF_SERVICE");

			HttpResponse<String> run = app.post("/actuator/migrations", "{\"database\": \"reporting\", \"target\": \"1000aa\"}");
			assertThat(run.statusCode()).isEqualTo(200);
			assertThat((Object) JsonPath.read(run.body(), "$.current")).isEqualTo(List.of("1000aa"));
			String after = app.get("/actuator/migrations").body();
			assertThat((Object) JsonPath.read(after, "$.current")).isEqualTo(List.of());
			assertThat((Object) JsonPath.read(after, "$.databases.reporting.current")).isEqualTo(List.of("1000aa"));

			HttpResponse<String> unknown = app.post("/actuator/migrations", "{\"database\": \"reportin\"}");
			assertThat(unknown.statusCode()).isEqualTo(400);
			assertThat(JsonPath.<String>read(unknown.body(), "$.message")).startsWith("Nothing ran")
				.contains("'reportin'")
				.contains("its databases are reporting");
			// without a database, the application's own runs
			assertThat(app.post("/actuator/migrations", "{}").statusCode()).isEqualTo(200);
			assertThat((Object) JsonPath.read(app.get("/actuator/migrations").body(), "$.current"))
				.isEqualTo(List.of("1001bb"));
		}
	}

	@Test
	void aDatabaseWithoutAConnectionIsRefusedNamingTheProperty() {
		assertThatThrownBy(() -> TestApplication.start(this.main, REVISIONS,
				"migrations.databases.reporting.revision-packages=" + ReportingRevisions.class.getPackageName()))
			.rootCause()
			.isInstanceOf(MigrationException.class)
			.hasMessageContaining("migrations.databases.reporting has no connection")
			.hasMessageContaining("migrations.databases.reporting.url");
	}

}
