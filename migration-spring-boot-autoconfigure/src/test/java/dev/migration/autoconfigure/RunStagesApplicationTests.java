package dev.migration.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.autoconfigure.endpoint.TestApplication;
import dev.migration.core.AllowUnsafe;
import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.Stage;
import dev.migration.core.run.InvalidReleaseException;
import dev.migration.core.schema.ColumnType;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/** Start-up, background and contract revisions in a whole application. */
@PostgresTest(emptyBeforeEach = true)
public class RunStagesApplicationTests {

	private static final List<Class<?>> REVISIONS = List.of(CreateGreeting.class, FillGreeting.class,
			DropGreetingDraft.class);

	private static final String AUTO_RUN = "migrations.auto-run=true";

	private final TestDatabase database;

	private final JdbcTemplate jdbc;

	RunStagesApplicationTests(TestDatabase database) {
		this.database = database;
		this.jdbc = new JdbcTemplate(database.dataSource());
	}

	@Test
	void theApplicationIsReadyBeforeItsBackgroundRevisionRunsAndTheContractOneWaitsForRelease() throws Exception {
		try (TestApplication app = TestApplication.start(this.database, REVISIONS, AUTO_RUN)) {
			assertThat(app.context().getBean(ApplicationAvailability.class).getReadinessState())
				.isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
			assertThat(app.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
			assertThat(app.context().getBean(MigrationBackgroundRun.class).awaitCompletion(Duration.ofSeconds(30)))
				.isTrue();
			assertThat(applied()).containsExactly("g1", "g2");
			String json = app.get("/actuator/migrations").body();
			assertThat(read(json, "$.status")).isEqualTo("PENDING");
			assertThat(read(json, "$.awaitingRelease")).isEqualTo(List.of("g3"));
			assertThat(read(json, "$.pending[0].stage")).isEqualTo("contract");
			assertThat(read(json, "$.pending[0].waiting")).isEqualTo("awaits release");
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM greeting WHERE text IS NULL", Integer.class))
				.isZero();
		}
	}

	@Test
	void aContractRevisionReleasedByPropertyRunsAfterStartUp() throws Exception {
		try (TestApplication app = TestApplication.start(this.database, REVISIONS, AUTO_RUN,
				"migrations.release=g3")) {
			assertThat(app.context().getBean(MigrationBackgroundRun.class).awaitCompletion(Duration.ofSeconds(30)))
				.isTrue();
			assertThat(applied()).containsExactly("g1", "g2", "g3");
			assertThat(read(app.get("/actuator/migrations").body(), "$.status")).isEqualTo("UP_TO_DATE");
		}
	}

	@Test
	void anOperatorReleasesAContractRevisionWithAPost() throws Exception {
		try (TestApplication app = TestApplication.start(this.database, REVISIONS, AUTO_RUN,
				"management.endpoint.migrations.access=unrestricted")) {
			app.context().getBean(MigrationBackgroundRun.class).awaitCompletion(Duration.ofSeconds(30));
			String withoutRelease = app.post("/actuator/migrations", "{}").body();
			assertThat(read(withoutRelease, "$.applied")).isEqualTo(List.of());
			assertThat(read(withoutRelease, "$.waiting[0].revision")).isEqualTo("g3");
			String released = app.post("/actuator/migrations", "{\"release\": \"g3\"}").body();
			assertThat(read(released, "$.applied[*].revision")).isEqualTo(List.of("g3"));
			assertThat(read(released, "$.status")).isEqualTo("UP_TO_DATE");
			assertThat(applied()).containsExactly("g1", "g2", "g3");
		}
	}

	@Test
	void aPostReleasingAnUnknownRevisionIsABadRequestAndRunsNothing() throws Exception {
		try (TestApplication app = TestApplication.start(this.database, REVISIONS,
				"management.endpoint.migrations.access=unrestricted")) {
			var response = app.post("/actuator/migrations", "{\"release\": \"g9\"}");
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.body()).contains("g9");
			assertThat(this.jdbc.queryForObject("SELECT to_regclass('greeting') IS NULL", Boolean.class)).isTrue();
		}
	}

	@Test
	void aReleaseOfAnUnknownRevisionStopsStartUpNamingIt() {
		assertThatException()
			.isThrownBy(() -> TestApplication.start(this.database, REVISIONS, AUTO_RUN, "migrations.release=g9"))
			.havingRootCause()
			.isInstanceOf(InvalidReleaseException.class)
			.withMessageContaining("[g9]");
	}

	@Test
	void aBackgroundBackfillStoppedByAShutdownResumesAtTheNextStartWithEveryRowFilledOnce() throws Exception {
		List<Class<?>> revisions = List.of(CreateGreeting.class, AddGreetings.class, SlowFill.class);
		try (TestApplication app = TestApplication.start(this.database, revisions, AUTO_RUN,
				"migrations.background.stop-timeout=0s")) {
			await().atMost(Duration.ofSeconds(30)).until(() -> filled() > 0);
		}
		int filledBeforeRestart = filled();
		assertThat(applied()).containsExactly("g1", "g1more");
		assertThat(filledBeforeRestart).isLessThan(20200);
		try (TestApplication app = TestApplication.start(this.database, revisions, AUTO_RUN)) {
			assertThat(app.context().getBean(MigrationBackgroundRun.class).awaitCompletion(Duration.ofSeconds(60)))
				.isTrue();
		}
		assertThat(applied()).containsExactly("g1", "g1more", "g2slow");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM greeting WHERE text IS DISTINCT FROM draft",
				Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT rows_done FROM migration_backfill_progress", Integer.class))
			.isEqualTo(20200);
	}

	@Test
	void aShutdownStopsTheBackgroundRunBetweenItsSteps() throws Exception {
		List<Class<?>> revisions = List.of(CreateGreeting.class, SlowBackgroundStep.class, NextBackgroundStep.class);
		try (TestApplication app = TestApplication.start(this.database, revisions, AUTO_RUN,
				"migrations.background.stop-timeout=20s")) {
			await().atMost(Duration.ofSeconds(30)).until(() -> this.jdbc.queryForObject("SELECT count(*) FROM "
					+ "pg_stat_activity WHERE state = 'active' AND position('pg_sleep(' IN query) > 0", Integer.class) > 0);
		}
		assertThat(applied()).as("the step in progress finishes, the next one waits for the next start")
			.containsExactly("g1", "g2step");
		assertThat(this.jdbc.queryForObject("SELECT to_regclass('after_shutdown') IS NULL", Boolean.class)).isTrue();
		try (TestApplication app = TestApplication.start(this.database, revisions, AUTO_RUN)) {
			assertThat(app.context().getBean(MigrationBackgroundRun.class).awaitCompletion(Duration.ofSeconds(60)))
				.isTrue();
		}
		assertThat(applied()).containsExactly("g1", "g2step", "g3step");
	}

	private int filled() {
		return this.jdbc.queryForObject("SELECT count(*) FROM greeting WHERE text IS NOT NULL", Integer.class);
	}

	private List<String> applied() {
		return this.jdbc.queryForList("SELECT revision FROM migration_history_state ORDER BY applied_at", String.class);
	}

	private static Object read(String json, String path) {
		return JsonPath.read(json, path);
	}

	@Revision(id = "g1", message = "create greeting")
	public static class CreateGreeting implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("greeting", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
				.column("draft", ColumnType.TEXT)
				.column("text", ColumnType.TEXT));
			op.bulkInsert("greeting", List.of("draft"),
					IntStream.rangeClosed(1, 200).mapToObj((i) -> List.<Object>of("hello " + i)).toList());
		}

	}

	@Revision(id = "g2", revises = "g1", message = "fill greeting text", stage = Stage.BACKGROUND)
	public static class FillGreeting implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("SELECT pg_sleep(0.5)");
			op.backfill("greeting", (b) -> b.set("text = draft").where("text IS NULL"));
		}

	}

	@Revision(id = "g1more", revises = "g1", message = "add greetings")
	public static class AddGreetings implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("INSERT INTO greeting (draft) SELECT 'more ' || i FROM generate_series(1, 20000) i",
					"DELETE FROM greeting WHERE draft LIKE 'more %'");
		}

	}

	@Revision(id = "g2step", revises = "g1", message = "slow background step", stage = Stage.BACKGROUND)
	public static class SlowBackgroundStep implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("SELECT pg_sleep(1.5)");
			op.execute("CREATE TABLE during_shutdown (id integer)", "DROP TABLE during_shutdown");
		}

	}

	@Revision(id = "g3step", revises = "g2step", message = "next background step", stage = Stage.BACKGROUND)
	public static class NextBackgroundStep implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("CREATE TABLE after_shutdown (id integer)", "DROP TABLE after_shutdown");
		}

	}

	/** A backfill of small batches with pauses between them, so a shutdown finds it halfway. */
	@Revision(id = "g2slow", revises = "g1more", message = "fill greeting text slowly", stage = Stage.BACKGROUND)
	public static class SlowFill implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.backfill("greeting", (b) -> b.set("text = draft")
				.where("text IS NULL")
				.batchSize(200)
				.targetBatchDuration(Duration.ofMillis(5))
				.pause(Duration.ofMillis(30)));
		}

	}

	@Revision(id = "g3", revises = "g2", message = "retire greeting draft", stage = Stage.CONTRACT)
	@AllowUnsafe(rule = "rename-column", reason = "contract step: no running code reads greeting.draft any more")
	public static class DropGreetingDraft implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.retireColumn("greeting", "draft");
		}

	}

}
