package dev.migration.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::user);
		registry.add("spring.datasource.password", database::password);
	}

	@AfterAll
	static void dropDatabase() {
		TestDatabaseServer.get().dropDatabase(database);
	}

	@Test
	void migratesToTheHeadBeforeServing() {
		assertThat(this.migrator.current()).containsExactly("0020");
		assertThat(this.migrator.heads()).containsExactly("0020");
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
	}

	@Test
	void theMigrationsEndpointShowsTheStateToAnyone() throws Exception {
		HttpResponse<String> response = get("/actuator/migrations");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP_TO_DATE\"").contains("\"current\":[\"0020\"]");
	}

	@Test
	void triggeringARunNeedsAdminCredentials() throws Exception {
		assertThat(send(post("/actuator/migrations", "{}").build()).statusCode()).isEqualTo(401);
		String credentials = Base64.getEncoder().encodeToString("admin:test-secret".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = send(post("/actuator/migrations", "{\"target\":\"heads\"}")
			.header("Authorization", "Basic " + credentials).build());
		assertThat(response.statusCode()).isEqualTo(200);
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
