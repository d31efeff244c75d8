package dev.migration.autoconfigure;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** A value out of range stops the start as it is bound, naming the property, before anything reaches the database. */
class PropertyValidationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationAutoConfiguration.class))
		// nothing listens there: a bound value that passed would fail later, differently
		.withPropertyValues("spring.datasource.url=jdbc:postgresql://localhost:1/none");

	@ParameterizedTest
	@CsvSource({ "migrations.lock-retries, -1, must be 0 or more", "migrations.lock-timeout, 0s, above zero",
			"migrations.lock-probe-timeout, -5ms, above zero", "migrations.lock-wait, -1s, zero or more",
			"migrations.background.retry-interval, 0s, above zero", "migrations.squash.max-rows, -3, must be 0 or more" })
	void anOutOfRangeValueIsRefusedNamingTheProperty(String property, String value, String reason) {
		this.contextRunner.withPropertyValues(property + "=" + value)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.satisfies((failure) -> {
					InvalidConfigurationPropertyValueException invalid = find(failure,
							InvalidConfigurationPropertyValueException.class);
					assertThat(invalid.getName()).isEqualTo(property);
					assertThat(invalid.getReason()).contains(reason);
					// what Boot's report of the failed start shows
					assertThat(invalid.getMessage()).contains(property).contains(reason);
				}));
	}

	@ParameterizedTest
	@CsvSource({ "migrations.checksum-policy, sometimes", "migrations.lint, maybe" })
	void aValueOfNoChoiceIsRefusedNamingTheProperty(String property, String value) {
		this.contextRunner.withPropertyValues(property + "=" + value)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.satisfies((failure) -> assertThat(find(failure, BindException.class).getProperty().getName())
					.hasToString(property)));
	}

	private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
	}

}
