package dev.migration.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migration.testdb.TestDatabase;
import dev.migration.testdb.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	private static final TestDatabase database = TestDatabaseServer.get().createDatabase("sample");

	@Value("${local.server.port}")
	private int port;

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
	void listsItsRevisionsOldestFirstWithTheSingleHead() throws Exception {
		assertThat(get("/revisions")).contains("\"heads\":[\"3c4d5e6f7a8b\"]")
			.containsSubsequence("1a2b3c4d5e6f create customer", "2b3c4d5e6f7a create orders",
					"3c4d5e6f7a8b unique customer email");
	}

	@Test
	void servesTheOfflineUpgradeScript() throws Exception {
		assertThat(get("/revisions/sql")).contains("CREATE TABLE customer (")
			.contains("CREATE UNIQUE INDEX CONCURRENTLY ux_customer_email ON customer (email);")
			.contains("ALTER TABLE customer ADD CONSTRAINT uq_customer_email UNIQUE USING INDEX ux_customer_email;");
	}

	private String get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
