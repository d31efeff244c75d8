package dev.migration.autoconfigure.endpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.migration.testdb.TestDatabase;

/**
 * A whole application (web MVC, Actuator, Micrometer) on a random port with auto-run off, the
 * {@code migrations} and {@code health} endpoints exposed and the Kubernetes probes on, and a
 * client for it.
 */
public final class TestApplication implements AutoCloseable {

	private static final HttpClient client = HttpClient.newHttpClient();

	private final ConfigurableApplicationContext context;

	private final String root;

	private TestApplication(ConfigurableApplicationContext context) {
		this.context = context;
		this.root = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/**
	 * Starts the application with the given revisions and extra properties.
	 * @param database the database
	 * @param revisions the revision classes, registered as beans
	 * @param properties extra properties, as {@code name=value}
	 * @return the running application
	 */
	public static TestApplication start(TestDatabase database, List<Class<?>> revisions, String... properties) {
		List<String> all = new ArrayList<>(List.of("spring.datasource.url=" + database.url(),
				"spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password(),
				"server.port=0", "spring.main.banner-mode=off", "migrations.auto-run=false",
				"management.endpoints.web.exposure.include=migrations,health",
				"management.endpoint.health.probes.enabled=true", "management.endpoint.health.show-details=always",
				// Flyway is on the test class path for the conflict tests only
				"spring.flyway.enabled=false"));
		all.addAll(List.of(properties));
		Class<?>[] sources = new Class<?>[revisions.size() + 1];
		sources[0] = Config.class;
		for (int i = 0; i < revisions.size(); i++) {
			sources[i + 1] = revisions.get(i);
		}
		return new TestApplication(new SpringApplicationBuilder(sources).properties(all.toArray(String[]::new)).run());
	}

	/**
	 * Returns the application context.
	 * @return the context
	 */
	public ConfigurableApplicationContext context() {
		return this.context;
	}

	/**
	 * Sends a GET.
	 * @param path the path, such as {@code /actuator/migrations}
	 * @return the response
	 */
	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.root + path)).GET());
	}

	/**
	 * Sends a POST with a JSON body.
	 * @param path the path
	 * @param json the body, or {@code null} for none
	 * @return the response
	 */
	public HttpResponse<String> post(String path, String json) {
		HttpRequest.BodyPublisher body = (json != null) ? HttpRequest.BodyPublishers.ofString(json)
				: HttpRequest.BodyPublishers.noBody();
		return send(HttpRequest.newBuilder(URI.create(this.root + path))
			.header("Content-Type", "application/json")
			.POST(body));
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.context.close();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Config {

	}

}
