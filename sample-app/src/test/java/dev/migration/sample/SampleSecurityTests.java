package dev.migration.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migration.testdb.TestDatabase;
import dev.migration.testdb.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/** With no SAMPLE_ADMIN_PASSWORD the sample generates one and logs it once; revision SQL and health details need it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "migrations.auto-run=false", "migrations.background.enabled=false" })
@ExtendWith(OutputCaptureExtension.class)
class SampleSecurityTests {

	private static final TestDatabase database = TestDatabaseServer.get().createDatabase("sample_security");

	private static final Pattern GENERATED = Pattern.compile("Using generated security password: (\\S+)");

	@Value("${local.server.port}")
	private int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		SampleTestDatabase.register(registry, database);
	}

	@AfterAll
	static void dropDatabase() {
		SampleTestDatabase.drop(database);
	}

	@Test
	void revisionSqlAndHealthDetailsNeedTheGeneratedPassword(CapturedOutput output) throws Exception {
		Matcher generated = GENERATED.matcher(output.getAll());
		assertThat(generated.find()).as("the generated password is logged").isTrue();
		String password = generated.group(1);
		assertThat(generated.find()).as("and logged once").isFalse();
		assertThat(password).isNotEqualTo("change-me").hasSizeGreaterThan(20);

		assertThat(get("/actuator/migrations/0002", null).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/migrations/0002", "admin:change-me").statusCode()).isEqualTo(401);
		HttpResponse<String> revision = get("/actuator/migrations/0002", "admin:" + password);
		assertThat(revision.statusCode()).isEqualTo(200);
		assertThat(revision.body()).contains("\"upgradeSql\"");
		// the summary and the probes stay open, without details
		assertThat(get("/actuator/migrations", null).statusCode()).isEqualTo(200);
		HttpResponse<String> health = get("/actuator/health", null);
		assertThat(health.body()).doesNotContain("\"components\"").doesNotContain("pendingRevisions");
		assertThat(get("/actuator/health", "admin:" + password).body()).contains("pendingRevisions");
	}

	private HttpResponse<String> get(String path, String credentials) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
