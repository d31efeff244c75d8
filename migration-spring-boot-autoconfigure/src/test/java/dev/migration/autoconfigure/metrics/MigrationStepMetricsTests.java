package dev.migration.autoconfigure.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.migration.core.MigrationException;
import dev.migration.core.execute.Direction;
import dev.migration.core.run.AppliedStep;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationStepMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final MigrationStepMetrics metrics = new MigrationStepMetrics(this.registry);

	@Test
	void countersExistAtZeroBeforeAnyStep() {
		for (String name : new String[] { MigrationStepMetrics.APPLIED, MigrationStepMetrics.FAILED,
				MigrationStepMetrics.RETRIED }) {
			assertThat(this.registry.get(name).counters()).hasSize(2)
				.allSatisfy((counter) -> assertThat(counter.count()).isZero());
		}
	}

	@Test
	void aCompletedStepIsTimedPerRevisionAndDirectionAndCounted() {
		this.metrics.stepCompleted(new AppliedStep("1000aa", "create", Direction.UPGRADE, 42, 0, 1, true));
		this.metrics.stepCompleted(new AppliedStep("1000aa", "create", Direction.DOWNGRADE, 7, 0, 1, true));
		assertThat(this.registry.get(MigrationStepMetrics.STEP)
			.tags("revision", "1000aa", "direction", "upgrade")
			.timer()
			.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(42);
		assertThat(this.registry.get(MigrationStepMetrics.APPLIED).tag("direction", "upgrade").counter().count())
			.isEqualTo(1);
		assertThat(this.registry.get(MigrationStepMetrics.APPLIED).tag("direction", "downgrade").counter().count())
			.isEqualTo(1);
	}

	@Test
	void failuresAndRetriesAreCountedPerDirection() {
		this.metrics.stepRetrying("1000aa", Direction.UPGRADE, 2, Duration.ofMillis(10));
		this.metrics.stepRetrying("1000aa", Direction.UPGRADE, 3, Duration.ofMillis(20));
		this.metrics.stepFailed("1000aa", Direction.UPGRADE, new MigrationException("lock timeout"));
		assertThat(this.registry.get(MigrationStepMetrics.RETRIED).tag("direction", "upgrade").counter().count())
			.isEqualTo(2);
		assertThat(this.registry.get(MigrationStepMetrics.FAILED).tag("direction", "upgrade").counter().count())
			.isEqualTo(1);
		assertThat(this.registry.get(MigrationStepMetrics.FAILED).tag("direction", "downgrade").counter().count())
			.isZero();
	}

}
