package dev.migration.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migration.autoconfigure.MigrationBackgroundRun;
import dev.migration.core.history.HistoryEntry;
import dev.migration.core.run.Migrator;
import dev.migration.testdb.TestDatabase;
import dev.migration.testdb.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.security.user.password=test-secret")
class SampleApplicationTests {

	private static final TestDatabase database = TestDatabaseServer.get().createDatabase("sample");

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private Migrator migrator;

	@Autowired
	private MigrationBackgroundRun backgroundRun;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		SampleTestDatabase.register(registry, database);
	}

	@AfterAll
	static void dropDatabase() {
		SampleTestDatabase.drop(database);
	}

	@Test
	void startUpAndTheBackgroundRunMigrateUpToTheContractRevisions() throws Exception {
		assertThat(this.backgroundRun.awaitCompletion(Duration.ofSeconds(60))).isTrue();
		assertThat(this.migrator.heads()).containsExactly("0020");
		assertThat(this.migrator.history()).extracting(HistoryEntry::revision)
			.contains("0017", "0018", "R__customer_order_totals");
	}

	@Test
	void servesCustomersAndOrdersOnTheMigratedSchema() throws Exception {
		HttpResponse<String> created = send(post("/customers",
				"{\"email\":\"ada@example.com\",\"fullName\":\"Ada\",\"country\":\"GB\"}").build());
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.body()).contains("\"fullName\":\"Ada\"").contains("\"country\":\"GB\"");
		String id = created.body().replaceAll(".*\"id\":(\\d+).*", "$1");
		assertThat(send(post("/customers/" + id + "/orders", "{\"totalCents\":1999}").build()).statusCode())
			.isEqualTo(201);
		assertThat(get("/customers/" + id + "/orders").body()).contains("\"totalCents\":1999")
			.contains("\"status\":\"open\"");
		// the repeatable SQL file's view, applied at start-up once 0017 was
		assertThat(new JdbcTemplate(database.dataSource()).queryForObject(
				"SELECT total_cents FROM customer_order_totals WHERE customer_id = ?", Long.class, Long.valueOf(id)))
			.isEqualTo(1999L);
	}

	@Test
	void contractRevisionsWaitOnTheEndpointUntilAnAdminReleasesThem() throws Exception {
		this.backgroundRun.awaitCompletion(Duration.ofSeconds(60));
		HttpResponse<String> waiting = get("/actuator/migrations");
		assertThat(waiting.statusCode()).isEqualTo(200);
		assertThat(waiting.body()).contains("\"status\":\"PENDING\"").contains("\"current\":[\"0018\"]")
			.contains("\"awaitingRelease\":[\"0019\",\"0020\"]");
		assertThat(send(post("/actuator/migrations", "{}").build()).statusCode()).isEqualTo(401);
		String credentials = Base64.getEncoder().encodeToString("admin:test-secret".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> released = send(post("/actuator/migrations", "{\"release\":\"0019,0020\"}")
			.header("Authorization", "Basic " + credentials).build());
		assertThat(released.statusCode()).isEqualTo(200);
		assertThat(released.body()).contains("\"status\":\"UP_TO_DATE\"");
		assertThat(this.migrator.current()).containsExactly("0020");
		assertThat(get("/customers").statusCode()).isEqualTo(200);
	}

	private HttpRequest.Builder post(String path, String json) {
		return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path)).build());
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
