package dev.migration.autoconfigure.tenant;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.autoconfigure.RunStagesApplicationTests;
import dev.migration.autoconfigure.endpoint.TestApplication;
import dev.migration.autoconfigure.endpoint.TestMigrations.CreateGreeting;
import dev.migration.autoconfigure.endpoint.TestMigrations.SeedGreeting;
import dev.migration.core.MigrationException;
import dev.migration.core.tenant.TenantOutcome;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;
import dev.migration.testdb.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The application's revisions run on tenants: at start-up, on the endpoint, in health and metrics, on first use. */
@PostgresTest(emptyBeforeEach = true)
class TenantsApplicationTests {

	private static final List<Class<?>> REVISIONS = List.of(CreateGreeting.class, SeedGreeting.class);

	private final TestDatabase database;

	private final JdbcTemplate jdbc;

	TenantsApplicationTests(TestDatabase database) {
		this.database = database;
		this.jdbc = new JdbcTemplate(database.dataSource());
	}

	@BeforeEach
	void noTenantSchemas() {
		// the database is emptied of public's tables before each test, not of other schemas
		this.jdbc.queryForList("SELECT nspname FROM pg_namespace WHERE nspname IN ('acme', 'globex', 'initech', "
				+ "'hooli', 'tenant_acme', 'tenant_globex')", String.class)
			.forEach((schema) -> this.jdbc.execute("DROP SCHEMA " + schema + " CASCADE"));
	}

	@Test
	void startUpBringsEveryTenantToHeadAndTheEndpointHealthAndMetricsShowEach() {
		try (TestApplication app = TestApplication.start(this.database, REVISIONS, "migrations.auto-run=true",
				"migrations.tenants.names=acme,globex,initech", "migrations.tenants.parallelism=2")) {
			for (String tenant : List.of("acme", "globex", "initech")) {
				assertThat(this.jdbc.queryForList("SELECT text FROM " + tenant + ".greeting", String.class))
					.containsExactly("hello");
			}
			assertThat(this.jdbc.queryForObject("SELECT to_regclass('public.greeting') IS NULL", Boolean.class))
				.as("the application's own schema is no tenant").isTrue();
			String json = app.get("/actuator/migrations").body();
			assertThat((Object) JsonPath.read(json, "$.status")).isEqualTo("UP_TO_DATE");
			assertThat((Object) JsonPath.read(json, "$.tenants.total")).isEqualTo(3);
			assertThat((Object) JsonPath.read(json, "$.tenants.counts.at-target")).isEqualTo(3);
			assertThat((Object) JsonPath.read(json, "$.tenants.tenants[*].tenant"))
				.isEqualTo(List.of("acme", "globex", "initech"));
			assertThat((Object) JsonPath.read(json, "$.tenants.tenants[1].current")).isEqualTo(List.of("1001bb"));
			assertThat((Object) JsonPath.read(json, "$.pending")).isEqualTo(List.of());
			String health = app.get("/actuator/health").body();
			assertThat((Object) JsonPath.read(health, "$.components.migrations.status")).isEqualTo("UP");
			assertThat((Object) JsonPath.read(health, "$.components.migrations.details.tenants")).isEqualTo(3);
			MeterRegistry meters = app.context().getBean(MeterRegistry.class);
			assertThat(meters.get("migrations.tenants").tag("status", "at-target").gauge().value()).isEqualTo(3);
			assertThat(meters.get("migrations.tenants").tag("status", "failed").gauge().value()).isZero();
			assertThat(meters.get("migrations.pending").gauge().value()).isZero();
		}
	}

	@Test
	void backgroundRevisionsRunOnEveryTenantOnceTheApplicationIsReady() throws InterruptedException {
		try (TestApplication app = TestApplication.start(this.database, List.of(RunStagesApplicationTests.CreateGreeting.class,
				RunStagesApplicationTests.FillGreeting.class), "migrations.auto-run=true",
				"migrations.tenants.names=acme,globex")) {
			// the start-up revision is there; the background one is no reason to refuse traffic
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM globex.greeting", Integer.class)).isEqualTo(200);
			assertThat((Object) JsonPath.read(app.get("/actuator/health").body(), "$.components.migrations.status"))
				.isEqualTo("UP");
			assertThat(app.context().getBean(MigrationTenants.class).awaitBackground(Duration.ofSeconds(60))).isTrue();
			for (String tenant : List.of("acme", "globex")) {
				assertThat(this.jdbc.queryForObject("SELECT count(*) FROM " + tenant + ".greeting WHERE text = draft",
						Integer.class)).isEqualTo(200);
			}
			assertThat((Object) JsonPath.read(app.get("/actuator/migrations").body(), "$.tenants.counts.at-target"))
				.isEqualTo(2);
			assertThat(this.jdbc.queryForObject("SELECT to_regclass('public.greeting') IS NULL", Boolean.class))
				.as("the application's own background run stays off").isTrue();
		}
	}

	@Test
	void aFailedTenantStopsStartUpNamingItAndARunAfterTheFixFinishesOnlyIt() {
		// globex holds a table no history accounts for, which its run refuses
		this.jdbc.execute("CREATE SCHEMA globex");
		this.jdbc.execute("CREATE TABLE globex.greeting (id bigint)");
		String[] settings = { "migrations.tenants.names=acme,globex,initech", "management.endpoint.migrations.access=unrestricted" };
		assertThatThrownBy(() -> TestApplication.start(this.database, REVISIONS, with(settings, "migrations.auto-run=true")))
			.rootCause()
			.isInstanceOf(TenantRunException.class)
			.hasMessageStartingWith("1 of 3 tenant(s) failed: globex (The database holds 1 table(s) (globex.greeting)")
			.hasMessageContaining("2 reached the target and keep it")
			.hasMessageContaining("--migrations.tenants.only=<tenant>");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM initech.greeting", Integer.class)).isOne();

		try (TestApplication app = TestApplication.start(this.database, REVISIONS, settings)) {
			String json = app.get("/actuator/migrations").body();
			assertThat((Object) JsonPath.read(json, "$.status")).isEqualTo("FAILED");
			assertThat((Object) JsonPath.read(json, "$.tenants.counts.failed")).isEqualTo(1);
			assertThat(JsonPath.<String>read(json, "$.tenants.tenants[1].status")).isEqualTo("failed");
			assertThat(JsonPath.<String>read(json, "$.tenants.tenants[1].failure")).contains("globex.greeting");
			assertThat((Object) JsonPath.read(json, "$.pending[*].revision")).isEqualTo(List.of("1000aa", "1001bb"));
			String health = app.get("/actuator/health").body();
			assertThat((Object) JsonPath.read(health, "$.components.migrations.status")).isEqualTo("DOWN");
			assertThat(JsonPath.<String>read(health, "$.components.migrations.details.failed.globex"))
				.contains("globex.greeting");

			// following the advice: fix the tenant, run again
			this.jdbc.execute("DROP TABLE globex.greeting");
			HttpResponse<String> run = app.post("/actuator/migrations", "{}");
			assertThat(run.statusCode()).isEqualTo(200);
			assertThat((Object) JsonPath.read(run.body(), "$.tenants[*].status"))
				.isEqualTo(List.of("up-to-date", "upgraded", "up-to-date"));
			assertThat((Object) JsonPath.read(run.body(), "$.tenants[1].applied")).isEqualTo(2);
			String after = app.get("/actuator/migrations").body();
			assertThat((Object) JsonPath.read(after, "$.status")).isEqualTo("UP_TO_DATE");
			assertThat((Object) JsonPath.read(app.get("/actuator/health").body(), "$.components.migrations.status"))
				.isEqualTo("UP");
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM acme.migration_history", Integer.class))
				.as("acme ran once in all").isEqualTo(2);

			HttpResponse<String> one = app.post("/actuator/migrations", "{\"tenants\": \"hooli\"}");
			assertThat(one.statusCode()).isEqualTo(200);
			assertThat((Object) JsonPath.read(one.body(), "$.tenants[*].tenant")).isEqualTo(List.of("hooli"));
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM hooli.greeting", Integer.class)).isOne();
			HttpResponse<String> bad = app.post("/actuator/migrations", "{\"tenants\": \"x'; DROP SCHEMA acme; --\"}");
			assertThat(bad.statusCode()).isEqualTo(400);
			assertThat(JsonPath.<String>read(bad.body(), "$.message")).startsWith("Nothing ran: Tenant name");
		}
	}

	@Test
	void tenantsListedByAQueryAndOneCreatedLaterIsBroughtToHeadOnFirstUse() {
		this.jdbc.execute("CREATE TABLE public.customer (slug text, active boolean)");
		this.jdbc.execute("INSERT INTO public.customer VALUES ('acme', true), ('globex', true), ('initech', false)");
		try (TestApplication app = TestApplication.start(this.database, REVISIONS, "migrations.auto-run=true",
				"migrations.tenants.query=SELECT slug FROM public.customer WHERE active ORDER BY slug",
				"migrations.tenants.schema=tenant_{tenant}")) {
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tenant_globex.greeting", Integer.class)).isOne();
			assertThat(this.jdbc.queryForObject("SELECT to_regnamespace('tenant_initech') IS NULL", Boolean.class))
				.isTrue();
			this.jdbc.execute("INSERT INTO public.customer VALUES ('hooli', true)");
			String json = app.get("/actuator/migrations").body();
			assertThat((Object) JsonPath.read(json, "$.status")).isEqualTo("PENDING");
			assertThat(JsonPath.<String>read(json, "$.tenants.tenants[2].status")).isEqualTo("new");

			MigrationTenants tenants = app.context().getBean(MigrationTenants.class);
			assertThat(tenants.ensure("hooli").status()).isEqualTo(TenantOutcome.Status.UPGRADED);
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tenant_hooli.greeting", Integer.class)).isOne();
			// a second call asks nothing of the database
			this.jdbc.execute("ALTER TABLE tenant_hooli.migration_history RENAME TO moved");
			assertThat(tenants.ensure("hooli").status()).isEqualTo(TenantOutcome.Status.UP_TO_DATE);
			this.jdbc.execute("ALTER TABLE tenant_hooli.moved RENAME TO migration_history");
			assertThat((Object) JsonPath.read(app.get("/actuator/migrations").body(), "$.status"))
				.isEqualTo("UP_TO_DATE");
		}
	}

	@Test
	void tenantsWithADatabaseEachAreReachedThroughTheUrlTemplate() {
		TestDatabaseServer server = TestDatabaseServer.get();
		TestDatabase first = server.createDatabase("tenant_db");
		TestDatabase second = server.createDatabase("tenant_db");
		try {
			String template = first.url().replace(first.name(), "{tenant}");
			try (TestApplication app = TestApplication.start(this.database, REVISIONS, "migrations.auto-run=true",
					"migrations.tenants.names=" + first.name() + "," + second.name(),
					"migrations.tenants.url=" + template, "migrations.tenants.user=" + first.user(),
					"migrations.tenants.password=" + first.password())) {
				for (TestDatabase tenant : List.of(first, second)) {
					assertThat(new JdbcTemplate(tenant.dataSource()).queryForList("SELECT text FROM public.greeting",
							String.class)).containsExactly("hello");
				}
				assertThat(this.jdbc.queryForObject("SELECT to_regclass('public.greeting') IS NULL", Boolean.class))
					.isTrue();
				String json = app.get("/actuator/migrations").body();
				assertThat((Object) JsonPath.read(json, "$.tenants.counts.at-target")).isEqualTo(2);
				assertThat((Object) JsonPath.read(json, "$.tenants.tenants[*].tenant"))
					.isEqualTo(List.of(first.name(), second.name()));
			}
		}
		finally {
			server.dropDatabase(first);
			server.dropDatabase(second);
		}
	}

	@Test
	void tenantSettingsThatWouldBeIgnoredOrListTenantsTwiceAreRefused() {
		assertThatThrownBy(() -> TestApplication.start(this.database, REVISIONS, "migrations.tenants.parallelism=8"))
			.rootCause()
			.isInstanceOf(MigrationException.class)
			.hasMessage("migrations.tenants.parallelism is set, but no tenants are listed: set migrations.tenants.names "
					+ "or migrations.tenants.query, or define a MigrationTenantSource bean; or remove it.");
		assertThatThrownBy(() -> TestApplication.start(this.database, REVISIONS, "migrations.tenants.names=acme",
				"migrations.tenants.query=SELECT 'x'"))
			.rootCause()
			.hasMessageContaining("The tenants are listed 2 ways (migrations.tenants.names, migrations.tenants.query)");
		assertThatThrownBy(() -> TestApplication.start(this.database, REVISIONS, "migrations.tenants.names=acme",
				"migrations.tenants.schema=shared"))
			.rootCause()
			.hasMessageContaining("migrations.tenants.schema 'shared' has no {tenant}");
		assertThatThrownBy(() -> TestApplication.start(this.database, REVISIONS, "migrations.auto-run=true",
				"migrations.tenants.names=acme,acme"))
			.rootCause()
			.hasMessageContaining("Tenant 'acme' is listed twice");
		assertThat(this.jdbc.queryForObject("SELECT to_regnamespace('acme') IS NULL", Boolean.class)).isTrue();
		// a file read once for all tenants cannot hold a value that is each tenant's own
		assertThatThrownBy(() -> TestApplication.start(this.database, List.of(), "migrations.auto-run=true",
				"migrations.tenants.names=acme", "migrations.locations=classpath:sql/tenant-qualified"))
			.rootCause()
			.hasMessageContaining("V1__create_note.sql")
			.hasMessageContaining("line 2")
			.hasMessageContaining("${flyway:defaultSchema} has a value of its own in each tenant");
		assertThat(this.jdbc.queryForObject("SELECT to_regnamespace('acme') IS NULL", Boolean.class)).isTrue();
	}

	@Test
	void aPostNamingTenantsInAnApplicationWithoutTenantsRunsNothing() {
		try (TestApplication app = TestApplication.start(this.database, REVISIONS,
				"management.endpoint.migrations.access=unrestricted")) {
			HttpResponse<String> run = app.post("/actuator/migrations", "{\"tenants\": \"acme\"}");
			assertThat(run.statusCode()).isEqualTo(400);
			assertThat(JsonPath.<String>read(run.body(), "$.message")).startsWith("Nothing ran: the request names "
					+ "tenants, but this application's revisions run on no tenants");
			assertThat(this.jdbc.queryForObject("SELECT to_regclass('public.migration_history') IS NULL", Boolean.class))
				.isTrue();
		}
	}

	private static String[] with(String[] settings, String... more) {
		return java.util.stream.Stream.concat(java.util.Arrays.stream(settings), java.util.Arrays.stream(more))
			.toArray(String[]::new);
	}

}
