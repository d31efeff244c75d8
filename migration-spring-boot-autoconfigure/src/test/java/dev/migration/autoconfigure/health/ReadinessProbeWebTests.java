package dev.migration.autoconfigure.health;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.autoconfigure.endpoint.TestApplication;
import dev.migration.autoconfigure.endpoint.TestMigrations;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kubernetes probes of a whole application over real HTTP while revisions are pending. */
@PostgresTest(emptyBeforeEach = true)
class ReadinessProbeWebTests {

	private static final List<Class<?>> REVISIONS = List.of(TestMigrations.CreateGreeting.class,
			TestMigrations.SeedGreeting.class);

	private final TestDatabase database;

	ReadinessProbeWebTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void pendingRevisionsFailReadinessButNotLivenessUntilAPostAppliesThem() {
		try (TestApplication app = TestApplication.start(this.database, REVISIONS,
				"management.endpoint.migrations.access=unrestricted")) {
			assertThat(app.get("/actuator/health/readiness").statusCode()).isEqualTo(503);
			assertThat(app.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
			String health = app.get("/actuator/health/migrations").body();
			assertThat((String) JsonPath.read(health, "$.status")).isEqualTo("OUT_OF_SERVICE");
			assertThat((Integer) JsonPath.read(health, "$.details.pending")).isEqualTo(2);
			assertThat(app.post("/actuator/migrations", "{}").statusCode()).isEqualTo(200);
			assertThat(app.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
			assertThat(app.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
			assertThat(app.get("/actuator/health").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void withRefusalSwitchedOffPendingRevisionsShowOnlyInTheHealthOfMigrations() {
		try (TestApplication app = TestApplication.start(this.database, REVISIONS,
				"migrations.health.refuse-traffic-while-pending=false")) {
			assertThat(app.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
			assertThat(app.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
			assertThat(app.get("/actuator/health/migrations").statusCode()).isEqualTo(503);
		}
	}

}
