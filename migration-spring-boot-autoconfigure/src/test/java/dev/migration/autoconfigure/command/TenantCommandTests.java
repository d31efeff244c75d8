package dev.migration.autoconfigure.command;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplication.AbandonedRunException;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.autoconfigure.endpoint.TestApplication;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Command mode with tenants: a fan-out of a thousand killed midway and finished, and the one-history commands. */
@PostgresTest(emptyBeforeEach = true)
class TenantCommandTests {

	private static final int TENANTS = 1000;

	private static final String QUERY = "SELECT 't' || lpad(g::text, 4, '0') FROM generate_series(1, " + TENANTS + ") g";

	private final TestDatabase database;

	private final JdbcTemplate jdbc;

	@TempDir
	Path output;

	private Process child;

	TenantCommandTests(TestDatabase database) {
		this.database = database;
		this.jdbc = new JdbcTemplate(database.dataSource());
	}

	@BeforeEach
	@AfterEach
	void noTenants() {
		if (this.child != null) {
			this.child.destroyForcibly();
		}
		List<String> schemas = this.jdbc.queryForList("SELECT nspname FROM pg_namespace WHERE nspname ~ '^t[0-9]{4}$'",
				String.class);
		for (int i = 0; i < schemas.size(); i += 200) {
			this.jdbc.execute("DROP SCHEMA " + String.join(", ", schemas.subList(i, Math.min(schemas.size(), i + 200)))
					+ " CASCADE");
		}
	}

	@Test
	void aThousandTenantsKilledMidwayFinishOnlyTheRestAndTheEndpointShowsEachTenant() throws Exception {
		this.child = startUpgrade();
		// killed without warning once a third of the tenants are done, while others are half-way
		long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
		while (recorded() < TENANTS / 3) {
			assertThat(this.child.isAlive()).as("the fan-out ended before it was killed: %s", childOutput()).isTrue();
			assertThat(System.nanoTime()).as("a third of the tenants done within 180 s").isLessThan(deadline);
			Thread.sleep(50);
		}
		this.child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		int atHead = atHead();
		assertThat(atHead).as("%s", this.jdbc.queryForList("SELECT status, min(failure), count(*) FROM "
				+ "public.migration_history_tenants GROUP BY status")).isBetween(TENANTS / 3, TENANTS - 1);

		try (TestApplication app = TestApplication.start(this.database, List.of(CommandRevisions.CreateItem.class,
				CommandRevisions.AddPrice.class, CommandRevisions.SeedItems.class), "migrations.tenants.query=" + QUERY,
				"management.endpoint.migrations.access=unrestricted")) {
			String before = app.get("/actuator/migrations").body();
			assertThat((Object) JsonPath.read(before, "$.status")).isEqualTo("PENDING");
			assertThat((Object) JsonPath.read(before, "$.tenants.total")).isEqualTo(TENANTS);
			assertThat((Object) JsonPath.read(before, "$.tenants.counts.at-target")).isEqualTo(atHead);
			List<String> atTarget = JsonPath.read(before, "$.tenants.tenants[?(@.status == 'at-target')].tenant");
			assertThat(atTarget).containsExactlyInAnyOrderElementsOf(tenantsAtHead());
			assertThat((Object) JsonPath.read(before, "$.tenants.tenants[0].current")).isEqualTo(List.of("c3"));

			HttpResponse<String> run = app.post("/actuator/migrations", "{}");
			assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
			List<String> upgraded = JsonPath.read(run.body(), "$.tenants[?(@.status == 'upgraded')].tenant");
			assertThat(upgraded).hasSize(TENANTS - atHead).doesNotContainAnyElementsOf(atTarget);
			String after = app.get("/actuator/migrations").body();
			assertThat((Object) JsonPath.read(after, "$.status")).isEqualTo("UP_TO_DATE");
			assertThat((Object) JsonPath.read(after, "$.tenants.counts.at-target")).isEqualTo(TENANTS);
		}
		// every revision ran once in every tenant: the killed runs' unfinished steps rolled back
		assertThat(this.jdbc.queryForList("SELECT count(*) FROM pg_namespace n JOIN pg_class c ON c.relnamespace = n.oid "
				+ "WHERE n.nspname ~ '^t[0-9]{4}$' AND c.relname = 'item'", Long.class)).containsExactly((long) TENANTS);
		Map<String, Object> counts = this.jdbc.queryForMap(unionOverTenants(
				"SELECT (SELECT count(*) FROM %s.migration_history) AS steps, (SELECT count(*) FROM %s.item) AS items"),
				new Object[0]);
		assertThat(counts).containsEntry("min_steps", 3L).containsEntry("max_steps", 3L)
			.containsEntry("min_items", 1L).containsEntry("max_items", 1L);
	}

	@Test
	void theCommandsOfOneHistoryRunOnTheOneTenantNamedAndRefuseWithout() {
		CapturedCommand upgrade = command("--migrations.command=upgrade", "--migrations.tenants.names=t0001,t0002");
		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		assertThat(upgrade.out()).startsWith("Migrated 2 tenant(s) to heads: 2 upgraded, 0 already at the target, 0 failed, "
				+ "0 skipped").containsPattern("t0002 +UPGRADED +3 +[0-9]+ ms");

		CapturedCommand down = command("--migrations.command=downgrade", "--migrations.target=b2",
				"--migrations.tenants.names=t0001,t0002", "--migrations.tenants.only=t0002");
		assertThat(down.exitCode()).as(down.err()).isZero();
		assertThat(down.out()).startsWith("Downgraded c3 -> b2");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM t0002.item", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM t0001.item", Integer.class)).isOne();

		CapturedCommand refused = command("--migrations.command=history", "--migrations.tenants.names=t0001,t0002");
		assertThat(refused.exitCode()).isEqualTo(2);
		assertThat(refused.err()).contains("history cannot run as given: it works on one history, and the revisions run "
				+ "on 2 tenants; name one with --migrations.tenants.only=<tenant>.");

		CapturedCommand pending = command("--migrations.command=pending", "--migrations.tenants.names=t0001,t0002,t0003");
		assertThat(pending.exitCode()).as(pending.err()).isZero();
		assertThat(pending.out()).containsPattern("t0001 +AT_TARGET +c3 +0\\R").containsPattern("t0002 +PENDING +b2 +1\\R")
			.containsPattern("t0003 +NEW +3\\R");
		assertThat(this.jdbc.queryForObject("SELECT to_regnamespace('t0003') IS NULL", Boolean.class))
			.as("reading a tenant creates nothing").isTrue();
	}

	private CapturedCommand command(String... arguments) {
		CapturedCommand result = new CapturedCommand();
		SpringApplication application = new SpringApplication(CommandTestApplication.class);
		application.addInitializers((context) -> {
			context.getBeanFactory().registerSingleton("capturedConsole", result.console());
			context.getBeanFactory().registerSingleton("capturedExit", result.exit());
		});
		List<String> all = new ArrayList<>(List.of(arguments));
		all.addAll(List.of("--spring.datasource.url=" + this.database.url(),
				"--spring.datasource.username=" + this.database.user(),
				"--spring.datasource.password=" + this.database.password()));
		catchThrowableOfType(AbandonedRunException.class, () -> application.run(all.toArray(String[]::new)));
		return result;
	}

	private Process startUpgrade() throws Exception {
		List<String> command = List.of(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
				"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				CommandTestApplication.class.getName(), "--spring.datasource.url=" + this.database.url(),
				"--migrations.command=upgrade", "--migrations.tenants.query=" + QUERY, "--migrations.tenants.parallelism=4");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.output.resolve("out.txt").toFile());
		// credentials travel in the environment, not on a command line others can read
		builder.environment().put("SPRING_DATASOURCE_USERNAME", this.database.user());
		builder.environment().put("SPRING_DATASOURCE_PASSWORD", this.database.password());
		return builder.start();
	}

	private String childOutput() throws Exception {
		return Files.readString(this.output.resolve("out.txt"), StandardCharsets.UTF_8);
	}

	private int recorded() {
		boolean created = this.jdbc.queryForObject("SELECT to_regclass('public.migration_history_tenants') IS NOT NULL",
				Boolean.class);
		return created ? this.jdbc.queryForObject("SELECT count(*) FROM public.migration_history_tenants", Integer.class)
				: 0;
	}

	private int atHead() {
		return tenantsAtHead().size();
	}

	private List<String> tenantsAtHead() {
		List<String> withHistory = this.jdbc.queryForList("SELECT n.nspname FROM pg_namespace n JOIN pg_class c ON "
				+ "c.relnamespace = n.oid WHERE n.nspname ~ '^t[0-9]{4}$' AND c.relname = 'migration_history_state'",
				String.class);
		if (withHistory.isEmpty()) {
			return List.of();
		}
		return this.jdbc.queryForList(String.join(" UNION ALL ", withHistory.stream()
			.map((schema) -> "SELECT '" + schema + "' FROM " + schema + ".migration_history_state WHERE revision = 'c3'")
			.toList()), String.class);
	}

	private String unionOverTenants(String perTenant) {
		List<String> schemas = this.jdbc.queryForList("SELECT nspname FROM pg_namespace WHERE nspname ~ '^t[0-9]{4}$'",
				String.class);
		String union = String.join(" UNION ALL ", schemas.stream().map((schema) -> perTenant.formatted(schema, schema))
			.toList());
		return "SELECT min(steps) AS min_steps, max(steps) AS max_steps, min(items) AS min_items, max(items) AS max_items "
				+ "FROM (" + union + ") t";
	}

}
