package dev.migration.autoconfigure;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;

import dev.migration.autoconfigure.DeferredDataSource.DatabaseNotConfiguredException;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The migration DataSource is found on first use, once; failing that with nothing configured, it says what to set. */
@PostgresTest
class DeferredDataSourceTests {

	private static final BeanCreationException NO_URL = new BeanCreationException("dataSource",
			"Failed to determine a suitable driver class");

	@Test
	void theDataSourceIsFoundOnFirstUseAndOnlyOnce(TestDatabase database) throws Exception {
		AtomicInteger lookups = new AtomicInteger();
		DataSource deferred = new DeferredDataSource(() -> {
			lookups.incrementAndGet();
			return database.dataSource();
		}, true);
		assertThat(lookups).hasValue(0);
		for (int i = 0; i < 2; i++) {
			try (Connection connection = deferred.getConnection()) {
				assertThat(connection.isValid(1)).isTrue();
			}
		}
		assertThat(lookups).hasValue(1);
	}

	@Test
	void withNothingConfiguredTheFailureSaysWhatToSet() {
		DataSource deferred = new DeferredDataSource(() -> {
			throw NO_URL;
		}, false);
		assertThatExceptionOfType(DatabaseNotConfiguredException.class).isThrownBy(deferred::getConnection)
			.withMessageContaining("none is configured (")
			.withMessageContaining("Failed to determine a suitable driver class)")
			.withMessageContaining("set spring.datasource.url")
			.withCause(NO_URL);
	}

	@Test
	void withAConnectionConfiguredTheFailureIsItsOwn() {
		DataSource deferred = new DeferredDataSource(() -> {
			throw NO_URL;
		}, true);
		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(deferred::getConnection).isSameAs(NO_URL);
	}

}
