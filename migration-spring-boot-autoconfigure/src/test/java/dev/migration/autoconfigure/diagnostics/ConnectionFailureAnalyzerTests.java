package dev.migration.autoconfigure.diagnostics;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start whose connection cannot be opened, against the test server for real, as the failure
 * analysis tells it: which of password, user, database, host or port is wrong, never the password.
 */
@PostgresTest
class ConnectionFailureAnalyzerTests {

	private static final String PASSWORD = "Pa55-not-to-be-shown";

	private final TestDatabase database;

	private final ConnectionTarget server;

	/** The database's URL without parameters, where a user may be set that overrides the one given. */
	private final String url;

	ConnectionFailureAnalyzerTests(TestDatabase database) {
		this.database = database;
		this.url = database.url().replaceFirst("\\?.*", "");
		this.server = ConnectionTarget.of(this.url, database.user(), "url", "user", "password");
	}

	@Test
	void aWrongPasswordNamesTheUserAndThePasswordPropertyAndTheRightOneStarts() {
		try (PasswordCheckedRole role = PasswordCheckedRole.create(this.database, this.url, "fa_checked",
				"Right-Pa55")) {
			FailureAnalysis analysis = failedStart(this.url, role.name(), PASSWORD);
			assertThat(analysis.getDescription()).startsWith("PostgreSQL refused the password of user 'fa_checked' at "
					+ this.server.host() + ":" + this.server.port() + ", database '" + this.database.name() + "'")
				.contains("28P01");
			assertThat(analysis.getAction()).isEqualTo("Set the password of that user in spring.datasource.password, "
					+ "or another user in spring.datasource.username.");
			assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(PASSWORD);
			contextRunner(properties(this.url, role.name(), role.password()))
				.run((context) -> assertThat(context).hasNotFailed());
		}
	}

	@Test
	void aUserTheServerDoesNotKnowIsNamedWithHostPortAndDatabase() {
		FailureAnalysis analysis = failedStart(this.url, "no_such_role", PASSWORD);
		assertThat(analysis.getDescription()).startsWith("PostgreSQL refused the login at " + this.server.host() + ":"
				+ this.server.port() + ", database '" + this.database.name() + "', as user 'no_such_role' "
				+ "(spring.datasource.url)")
			.contains("SQLSTATE 28000");
		assertThat(analysis.getAction()).contains("spring.datasource.username", "pg_hba.conf");
		assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(PASSWORD);
	}

	@Test
	void aDatabaseThatDoesNotExistIsNamedWithTheStatementThatCreatesIt() {
		String url = this.url.replace("/" + this.database.name(), "/no_such_database");
		FailureAnalysis analysis = failedStart(url, this.database.user(), PASSWORD);
		assertThat(analysis.getDescription()).startsWith("The database does not exist at " + this.server.host() + ":"
				+ this.server.port() + ", database 'no_such_database'")
			.contains("3D000");
		assertThat(analysis.getAction()).contains("spring.datasource.url", "CREATE DATABASE \"no_such_database\"");
	}

	@Test
	void aPortNothingListensOnIsNamedAsRefused() throws IOException {
		int port = freePort();
		FailureAnalysis analysis = failedStart("jdbc:postgresql://localhost:" + port + "/app?password=" + PASSWORD,
				"app", PASSWORD);
		assertThat(analysis.getDescription())
			.startsWith("Nothing accepted the connection at localhost:" + port + ", database 'app', as user 'app'");
		assertThat(analysis.getAction()).isEqualTo("Start PostgreSQL there, or correct the host and port in "
				+ "spring.datasource.url.");
		assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(PASSWORD);
	}

	@Test
	void anUnknownHostIsNamed() {
		FailureAnalysis analysis = failedStart("jdbc:postgresql://no-such-host.invalid:5432/app", "app", PASSWORD);
		assertThat(analysis.getDescription()).startsWith("The host 'no-such-host.invalid' of spring.datasource.url "
				+ "is unknown");
		assertThat(analysis.getAction()).isEqualTo("Correct the host in spring.datasource.url.");
	}

	@Test
	void migrationsUrlAndUserAreNamedWhenTheyAreSet() {
		Map<String, Object> properties = properties(this.url, this.database.user(), PASSWORD);
		properties.put("migrations.url", this.url);
		properties.put("migrations.user", "no_such_migrator");
		properties.put("migrations.password", PASSWORD);
		FailureAnalysis analysis = failedStart(properties);
		assertThat(analysis.getDescription()).contains("as user 'no_such_migrator' (migrations.url)");
		assertThat(analysis.getAction()).contains("migrations.user");
	}

	private FailureAnalysis failedStart(String url, String user, String password) {
		return failedStart(properties(url, user, password));
	}

	private static Map<String, Object> properties(String url, String user, String password) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", url);
		properties.put("spring.datasource.username", user);
		properties.put("spring.datasource.password", password);
		return properties;
	}

	private static FailureAnalysis failedStart(Map<String, Object> properties) {
		AtomicReference<FailureAnalysis> analysis = new AtomicReference<>();
		contextRunner(properties).run((context) -> {
				assertThat(context).hasFailed();
				StandardEnvironment environment = new StandardEnvironment();
				environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
				analysis.set(FailureAnalyses.analyze(context.getStartupFailure(), new DefaultListableBeanFactory(),
						environment));
			});
		return analysis.get();
	}

	private static ApplicationContextRunner contextRunner(Map<String, Object> properties) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationAutoConfiguration.class))
			.withBean(FailureRevisions.CreateWidget.class)
			.withPropertyValues(properties.entrySet()
				.stream()
				.map((property) -> property.getKey() + "=" + property.getValue())
				.toArray(String[]::new));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
