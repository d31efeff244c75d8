package dev.migration.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import dev.migration.autoconfigure.command.MigrationCommand;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration metadata IDEs show is complete and tells the truth about every default. */
class ConfigurationMetadataTests {

	private final JsonNode metadata = read();

	@Test
	void everyPropertyIsDescribed() {
		List<String> undescribed = new ArrayList<>();
		for (JsonNode property : this.metadata.get("properties")) {
			if (!property.hasNonNull("description") || property.get("description").asText().isBlank()) {
				undescribed.add(property.get("name").asText());
			}
		}
		assertThat(undescribed).isEmpty();
		assertThat(names()).contains("migrations.databases", "migrations.revisions.scan",
				"management.health.migrations.enabled");
	}

	@Test
	void everyDefaultShownIsTheDefaultThatApplies() {
		MigrationProperties defaults = new MigrationProperties();
		int checked = 0;
		for (JsonNode property : this.metadata.get("properties")) {
			String name = property.get("name").asText();
			if (!name.startsWith("migrations.") || !property.has("defaultValue")) {
				continue;
			}
			JsonNode value = property.get("defaultValue");
			String text = value.isArray() ? String.join(",", texts(value)) : value.asText();
			MigrationProperties bound = new Binder(new MapConfigurationPropertySource(Map.of(name, text)))
				.bindOrCreate("migrations", MigrationProperties.class);
			String path = beanPath(name.substring("migrations.".length()));
			assertThat(new BeanWrapperImpl(bound).getPropertyValue(path)).as(name)
				.isEqualTo(new BeanWrapperImpl(defaults).getPropertyValue(path));
			checked++;
		}
		assertThat(checked).isGreaterThan(20);
	}

	@Test
	void propertiesWithADefaultInTheCodeShowIt() {
		for (String name : List.of("migrations.table", "migrations.lock-timeout", "migrations.lock-retries",
				"migrations.lock-wait", "migrations.locations", "migrations.flyway-table", "migrations.trace.rows",
				"migrations.health.pending-status", "migrations.revisions.scan")) {
			assertThat(property(name).has("defaultValue")).as(name).isTrue();
		}
	}

	@Test
	void theCommandHintListsEveryCommand() {
		List<String> hinted = new ArrayList<>();
		for (JsonNode hint : this.metadata.get("hints")) {
			if (hint.get("name").asText().equals("migrations.command")) {
				hint.get("values").forEach((value) -> hinted.add(value.get("value").asText()));
			}
		}
		assertThat(hinted).containsExactlyInAnyOrderElementsOf(
				Arrays.stream(MigrationCommand.values()).map(MigrationCommand::value).toList());
	}

	private JsonNode property(String name) {
		for (JsonNode property : this.metadata.get("properties")) {
			if (property.get("name").asText().equals(name)) {
				return property;
			}
		}
		throw new AssertionError("no metadata for " + name);
	}

	private List<String> names() {
		List<String> names = new ArrayList<>();
		this.metadata.get("properties").forEach((property) -> names.add(property.get("name").asText()));
		return names;
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((item) -> texts.add(item.asText()));
		return texts;
	}

	/** {@code health.pending-status} is the bean path {@code health.pendingStatus}. */
	private static String beanPath(String relaxed) {
		StringBuilder path = new StringBuilder();
		boolean upper = false;
		for (char c : relaxed.toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				path.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return path.toString();
	}

	/** The metadata of this module, as the annotation processor merged it with the additional file. */
	private static JsonNode read() {
		try {
			for (URL url : Collections.list(ConfigurationMetadataTests.class.getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json"))) {
				try (InputStream in = url.openStream()) {
					JsonNode json = new ObjectMapper().readTree(in);
					if (json.toString().contains("\"migrations.enabled\"")) {
						return json;
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		throw new IllegalStateException(Objects.toString("no metadata of migrations.* on the class path"));
	}

}
