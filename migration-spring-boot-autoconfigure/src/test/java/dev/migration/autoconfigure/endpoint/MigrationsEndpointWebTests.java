package dev.migration.autoconfigure.endpoint;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.autoconfigure.MigrationRuns;
import dev.migration.autoconfigure.endpoint.TestMigrations.CreateGreeting;
import dev.migration.autoconfigure.endpoint.TestMigrations.SeedGreeting;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The endpoint over real HTTP, in a whole application. */
@PostgresTest(emptyBeforeEach = true)
class MigrationsEndpointWebTests {

	private static final String UNRESTRICTED = "management.endpoint.migrations.access=unrestricted";

	private final TestDatabase database;

	private final JdbcTemplate jdbc;

	MigrationsEndpointWebTests(TestDatabase database) {
		this.database = database;
		this.jdbc = new JdbcTemplate(database.dataSource());
	}

	@Test
	void getAnswersTheStatusHeadsHistoryAndPendingAsJson() {
		try (TestApplication app = start(List.of(CreateGreeting.class, SeedGreeting.class), "migrations.auto-run=true",
				"migrations.target=1000aa")) {
			HttpResponse<String> response = app.get("/actuator/migrations");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/vnd.spring-boot.actuator.v3+json"));
			String json = response.body();
			assertThat(read(json, "$.status")).isEqualTo("UP_TO_DATE");
			assertThat(read(json, "$.target")).isEqualTo("1000aa");
			assertThat(read(json, "$.current")).isEqualTo(List.of("1000aa"));
			assertThat(read(json, "$.heads")).isEqualTo(List.of("1001bb"));
			assertThat(read(json, "$.history[*].revision")).isEqualTo(List.of("1000aa"));
			assertThat(read(json, "$.history[0].message")).isEqualTo("create greeting");
			assertThat(read(json, "$.history[0].action")).isEqualTo("upgrade");
			assertThat(read(json, "$.history[0].outcome")).isEqualTo("success");
			assertThat(read(json, "$.history[0].appliedBy")).isEqualTo(this.database.user());
			assertThat(read(json, "$.history[0].retries")).isEqualTo(0);
			assertThat(read(json, "$.history[0].durationMs")).isInstanceOf(Number.class);
			assertThat(Instant.parse(text(json, "$.history[0].appliedAt"))).isBefore(Instant.now());
			assertThat(read(json, "$.pending")).isEqualTo(List.of());
			assertThat(json).doesNotContain("jdbc:");
		}
	}

	@Test
	void getListsWhatIsPendingWhileAutoRunIsOff() {
		try (TestApplication app = start(List.of(CreateGreeting.class, SeedGreeting.class))) {
			String json = app.get("/actuator/migrations").body();
			assertThat(read(json, "$.status")).isEqualTo("PENDING");
			assertThat(read(json, "$.current")).isEqualTo(List.of());
			assertThat(read(json, "$.pending[*].revision")).isEqualTo(List.of("1000aa", "1001bb"));
			assertThat(read(json, "$.pending[1].message")).isEqualTo("seed greeting");
			assertThat(read(json, "$.history")).isEqualTo(List.of());
		}
	}

	@Test
	void getOfOneRevisionAnswersItsSqlAndTellsUnknownFromAmbiguous() {
		try (TestApplication app = start(List.of(CreateGreeting.class, SeedGreeting.class))) {
			HttpResponse<String> response = app.get("/actuator/migrations/1001");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(read(response.body(), "$.revision")).isEqualTo("1001bb");
			assertThat(read(response.body(), "$.revises")).isEqualTo(List.of("1000aa"));
			assertThat(read(response.body(), "$.applied")).isEqualTo(false);
			assertThat(text(response.body(), "$.upgradeSql")).contains("INSERT INTO greeting");
			assertThat(text(response.body(), "$.downgradeSql")).contains("DELETE FROM greeting");
			assertThat(app.get("/actuator/migrations/9999").statusCode()).isEqualTo(404);
			assertThat(app.get("/actuator/migrations/100").statusCode()).isEqualTo(400);
		}
	}

	@Test
	void getOfAnIrreversibleRevisionAnswersTheReasonInsteadOfDowngradeSql() {
		try (TestApplication app = start(List.of(CreateGreeting.class, SeedGreeting.class, TestMigrations.Pause.class))) {
			HttpResponse<String> response = app.get("/actuator/migrations/2000cc");
			assertThat(response.statusCode()).isEqualTo(200);
			// the endpoint leaves null values out
			assertThat(response.body()).doesNotContain("\"downgradeSql\"");
			assertThat(text(response.body(), "$.downgradeSqlError")).contains("2000cc");
		}
	}

	@Test
	void postIsNotAllowedWithTheDefaultReadOnlyAccess() {
		try (TestApplication app = start(List.of(CreateGreeting.class, SeedGreeting.class))) {
			assertThat(app.post("/actuator/migrations", "{\"target\": \"heads\"}").statusCode()).isEqualTo(405);
			assertThat(read(app.get("/actuator/migrations").body(), "$.status")).isEqualTo("PENDING");
		}
	}

	@Test
	void postRunsTheUpgradeAndAnswersWhatItAppliedWhenAccessIsUnrestricted() {
		try (TestApplication app = start(List.of(CreateGreeting.class, SeedGreeting.class), UNRESTRICTED)) {
			HttpResponse<String> response = app.post("/actuator/migrations", "{\"target\": \"heads\"}");
			assertThat(response.statusCode()).isEqualTo(200);
			String json = response.body();
			assertThat(read(json, "$.status")).isEqualTo("UP_TO_DATE");
			assertThat(read(json, "$.target")).isEqualTo("heads");
			assertThat(read(json, "$.before")).isEqualTo(List.of());
			assertThat(read(json, "$.current")).isEqualTo(List.of("1001bb"));
			assertThat(read(json, "$.applied[*].revision")).isEqualTo(List.of("1000aa", "1001bb"));
			assertThat(read(json, "$.applied[0].direction")).isEqualTo("upgrade");
			assertThat(this.jdbc.queryForObject("SELECT text FROM greeting", String.class)).isEqualTo("hello");
		}
	}

	@Test
	void postWithoutATargetRunsToTheConfiguredOne() {
		try (TestApplication app = start(List.of(CreateGreeting.class, SeedGreeting.class), UNRESTRICTED,
				"migrations.target=1000aa")) {
			HttpResponse<String> response = app.post("/actuator/migrations", null);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(read(response.body(), "$.target")).isEqualTo("1000aa");
			assertThat(read(response.body(), "$.current")).isEqualTo(List.of("1000aa"));
			assertThat(read(app.post("/actuator/migrations", "{}").body(), "$.applied")).isEqualTo(List.of());
		}
	}

	@Test
	void postWithATargetThatDoesNotResolveIsABadRequest() {
		try (TestApplication app = start(List.of(CreateGreeting.class, SeedGreeting.class), UNRESTRICTED)) {
			HttpResponse<String> response = app.post("/actuator/migrations", "{\"target\": \"nope\"}");
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(read(response.body(), "$.status")).isEqualTo("FAILED");
			assertThat(text(response.body(), "$.message")).startsWith("Nothing ran").contains("nope");
		}
	}

	@Test
	void aMistypedFieldIsRefusedByNameAndNothingRuns() {
		try (TestApplication app = start(List.of(CreateGreeting.class, SeedGreeting.class), UNRESTRICTED)) {
			HttpResponse<String> response = app.post("/actuator/migrations", "{\"tagret\": \"1000aa\"}");
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(read(response.body(), "$.status")).isEqualTo("FAILED");
			assertThat(text(response.body(), "$.message")).startsWith("Nothing ran")
				.contains("the field 'tagret'")
				.contains("its fields are target, release");
			assertThat(read(app.get("/actuator/migrations").body(), "$.current")).isEqualTo(List.of());
			// a query parameter is a field too
			assertThat(app.post("/actuator/migrations?dryRun=true", "{}").statusCode()).isEqualTo(400);
			// the advice: name the field as the endpoint does, and the run goes where it says
			HttpResponse<String> corrected = app.post("/actuator/migrations", "{\"target\": \"1000aa\"}");
			assertThat(corrected.statusCode()).isEqualTo(200);
			assertThat(read(corrected.body(), "$.current")).isEqualTo(List.of("1000aa"));
		}
	}

	@Test
	void concurrentPostsRunOnceAndAnswerTheOtherWithRunning() throws Exception {
		try (TestApplication app = start(List.of(CreateGreeting.class, SeedGreeting.class, TestMigrations.Pause.class),
				UNRESTRICTED)) {
			CompletableFuture<HttpResponse<String>> first = CompletableFuture
				.supplyAsync(() -> app.post("/actuator/migrations", "{}"));
			MigrationRuns runs = app.context().getBean(MigrationRuns.class);
			await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).until(runs::isRunningHere);
			HttpResponse<String> second = app.post("/actuator/migrations", "{}");
			assertThat(second.statusCode()).isEqualTo(409);
			assertThat(read(second.body(), "$.status")).isEqualTo("RUNNING");
			assertThat(text(second.body(), "$.message")).contains("already in progress");
			assertThat(read(second.body(), "$.applied")).isEqualTo(List.of());
			assertThat(first.get().statusCode()).isEqualTo(200);
			assertThat(read(first.get().body(), "$.applied[*].revision"))
				.isEqualTo(List.of("1000aa", "1001bb", "2000cc"));
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM migration_history WHERE revision = '2000cc'",
					Integer.class)).isEqualTo(1);
		}
	}

	@Test
	void aFailedPostAnswersTheMessageWithoutAStackTraceOrCredentials() {
		try (TestApplication app = start(List.of(CreateGreeting.class, SeedGreeting.class, TestMigrations.Broken.class),
				UNRESTRICTED)) {
			HttpResponse<String> response = app.post("/actuator/migrations", "{}");
			assertThat(response.statusCode()).isEqualTo(500);
			String json = response.body();
			assertThat(read(json, "$.status")).isEqualTo("FAILED");
			assertThat(text(json, "$.message")).contains("2000dd").contains("invalid input syntax");
			assertThat(read(json, "$.applied[*].revision")).isEqualTo(List.of("1000aa", "1001bb"));
			assertThat(json).doesNotContain("\tat ").doesNotContain("\"trace\"").doesNotContain(TestMigrations.SECRET);
			String migrations = app.get("/actuator/migrations").body();
			assertThat(read(migrations, "$.status")).isEqualTo("FAILED");
			assertThat(migrations).doesNotContain(TestMigrations.SECRET);
		}
	}

	private TestApplication start(List<Class<?>> revisions, String... properties) {
		return TestApplication.start(this.database, revisions, properties);
	}

	private static Object read(String json, String path) {
		return JsonPath.read(json, path);
	}

	private static String text(String json, String path) {
		return JsonPath.read(json, path);
	}

}
