package dev.migration.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.autoconfigure.MigrationRunFinishedEvent;
import dev.migration.autoconfigure.endpoint.TestMigrations;
import dev.migration.core.Migration;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresTest(emptyBeforeEach = true)
class PendingMigrationsMetricsTests {

	private static final List<Migration> REVISIONS = List.of(new TestMigrations.CreateGreeting(),
			new TestMigrations.SeedGreeting());

	private final Migrator migrator;

	private final TestDatabase database;

	PendingMigrationsMetricsTests(TestDatabase database) {
		this.database = database;
		this.migrator = Migrator.create(database.dataSource(), REVISIONS, RunSettings.defaults());
	}

	@Test
	void keepsTheCountUntilARunOfThisApplicationEnds() {
		PendingMigrationsMetrics metrics = new PendingMigrationsMetrics(this.migrator, "heads", Duration.ofHours(1));
		assertThat(gauge(metrics)).isEqualTo(2);
		this.migrator.upgrade("heads");
		assertThat(gauge(metrics)).isEqualTo(2);
		metrics.onApplicationEvent(new MigrationRunFinishedEvent(this, null, null));
		assertThat(gauge(metrics)).isZero();
	}

	@Test
	void readsAgainOnceTheCountIsOlderThanItsMaximumAge() {
		PendingMigrationsMetrics metrics = new PendingMigrationsMetrics(this.migrator, "heads", Duration.ZERO);
		assertThat(gauge(metrics)).isEqualTo(2);
		this.migrator.upgrade("1000aa");
		assertThat(gauge(metrics)).isEqualTo(1);
	}

	@Test
	void isNaNWhenTheDatabaseCannotBeRead() {
		PGSimpleDataSource nowhere = new PGSimpleDataSource();
		nowhere.setURL("jdbc:postgresql://localhost:1/nowhere");
		Migrator unreachable = Migrator.create(nowhere, REVISIONS, RunSettings.defaults());
		assertThat(gauge(new PendingMigrationsMetrics(unreachable, "heads", Duration.ZERO))).isNaN();
	}

	private static double gauge(PendingMigrationsMetrics metrics) {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		metrics.bindTo(registry);
		return registry.get(PendingMigrationsMetrics.PENDING).gauge().value();
	}

}
