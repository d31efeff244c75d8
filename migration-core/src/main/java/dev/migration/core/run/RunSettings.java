package dev.migration.core.run;

import java.time.Duration;
import java.util.Objects;

import dev.migration.core.MigrationException;
import dev.migration.core.execute.ExecutionSettings;
import dev.migration.core.history.HistoryTable;
import dev.migration.core.schema.QualifiedName;

/**
 * Everything a run can be told: where the history lives, the lock timeouts and retries, how
 * long to wait for another runner, and what to do about changed or unknown revisions.
 *
 * @param history the history tables
 * @param execution the lock timeouts of each statement
 * @param lockRetries how often a step that hit the lock timeout is retried ({@code migrations.lock-retries})
 * @param retryBackoff the first pause before a retry, doubled each time, with jitter
 * @param lockWait how long to wait for another runner's advisory lock ({@code migrations.lock-wait})
 * @param checksumPolicy what to do about applied revisions whose code changed
 * @param unknownRevisionPolicy what to do about applied revisions the code does not know
 * @param flywayTable where Flyway kept its history, read once to take over a database it
 * migrated ({@code migrations.flyway-table})
 * @param liquibaseTable where Liquibase kept its history ({@code DATABASECHANGELOG}), read once
 * to take over a database it updated ({@code migrations.liquibase-table})
 * @param backfillGuards what backfills wait for between batches ({@code migrations.backfill.*})
 */
public record RunSettings(HistoryTable history, ExecutionSettings execution, int lockRetries, Duration retryBackoff,
		Duration lockWait, ChecksumPolicy checksumPolicy, UnknownRevisionPolicy unknownRevisionPolicy,
		QualifiedName flywayTable, QualifiedName liquibaseTable, BackfillGuards backfillGuards) {

	/** The table Flyway keeps its history in, by default. */
	public static final QualifiedName DEFAULT_FLYWAY_TABLE = new QualifiedName(null, "flyway_schema_history");

	/** The table Liquibase keeps its history in, by default. */
	public static final QualifiedName DEFAULT_LIQUIBASE_TABLE = new QualifiedName(null, "databasechangelog");

	/** The default number of retries after a lock timeout. */
	public static final int DEFAULT_LOCK_RETRIES = 5;

	/** The default first pause before a retry. */
	public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(500);

	/** The default wait for another runner. */
	public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(10);

	public RunSettings {
		Objects.requireNonNull(history, "history");
		Objects.requireNonNull(execution, "execution");
		if (lockRetries < 0) {
			throw new MigrationException("migrations.lock-retries must be 0 or more, but was " + lockRetries + ".");
		}
		if (retryBackoff == null || retryBackoff.isNegative()) {
			throw new MigrationException("The retry backoff must be zero or positive, but was " + retryBackoff + ".");
		}
		if (lockWait == null || lockWait.isNegative()) {
			throw new MigrationException("migrations.lock-wait must be zero or positive, but was " + lockWait + ".");
		}
		Objects.requireNonNull(checksumPolicy, "checksumPolicy");
		Objects.requireNonNull(unknownRevisionPolicy, "unknownRevisionPolicy");
		Objects.requireNonNull(flywayTable, "flywayTable");
		Objects.requireNonNull(liquibaseTable, "liquibaseTable");
		Objects.requireNonNull(backfillGuards, "backfillGuards");
	}

	/**
	 * Creates settings that look for Flyway's and Liquibase's histories in their default tables.
	 * @param history the history tables
	 * @param execution the lock timeouts of each statement
	 * @param lockRetries how often a step that hit the lock timeout is retried
	 * @param retryBackoff the first pause before a retry
	 * @param lockWait how long to wait for another runner's advisory lock
	 * @param checksumPolicy what to do about applied revisions whose code changed
	 * @param unknownRevisionPolicy what to do about applied revisions the code does not know
	 */
	public RunSettings(HistoryTable history, ExecutionSettings execution, int lockRetries, Duration retryBackoff,
			Duration lockWait, ChecksumPolicy checksumPolicy, UnknownRevisionPolicy unknownRevisionPolicy) {
		this(history, execution, lockRetries, retryBackoff, lockWait, checksumPolicy, unknownRevisionPolicy,
				DEFAULT_FLYWAY_TABLE, DEFAULT_LIQUIBASE_TABLE, BackfillGuards.NONE);
	}

	/**
	 * Returns the defaults.
	 * @return the default settings
	 */
	public static RunSettings defaults() {
		return new RunSettings(HistoryTable.defaults(), ExecutionSettings.defaults(), DEFAULT_LOCK_RETRIES,
				DEFAULT_RETRY_BACKOFF, DEFAULT_LOCK_WAIT, ChecksumPolicy.FAIL, UnknownRevisionPolicy.FAIL);
	}

	public RunSettings withHistory(HistoryTable value) {
		return new RunSettings(value, this.execution, this.lockRetries, this.retryBackoff, this.lockWait,
				this.checksumPolicy, this.unknownRevisionPolicy, this.flywayTable,
				this.liquibaseTable, this.backfillGuards);
	}

	public RunSettings withExecution(ExecutionSettings value) {
		return new RunSettings(this.history, value, this.lockRetries, this.retryBackoff, this.lockWait,
				this.checksumPolicy, this.unknownRevisionPolicy, this.flywayTable,
				this.liquibaseTable, this.backfillGuards);
	}

	public RunSettings withLockRetries(int value, Duration backoff) {
		return new RunSettings(this.history, this.execution, value, backoff, this.lockWait, this.checksumPolicy,
				this.unknownRevisionPolicy, this.flywayTable, this.liquibaseTable, this.backfillGuards);
	}

	public RunSettings withLockWait(Duration value) {
		return new RunSettings(this.history, this.execution, this.lockRetries, this.retryBackoff, value,
				this.checksumPolicy, this.unknownRevisionPolicy, this.flywayTable,
				this.liquibaseTable, this.backfillGuards);
	}

	public RunSettings withFlywayTable(QualifiedName value) {
		return new RunSettings(this.history, this.execution, this.lockRetries, this.retryBackoff, this.lockWait,
				this.checksumPolicy, this.unknownRevisionPolicy, value, this.liquibaseTable, this.backfillGuards);
	}

	public RunSettings withLiquibaseTable(QualifiedName value) {
		return new RunSettings(this.history, this.execution, this.lockRetries, this.retryBackoff, this.lockWait,
				this.checksumPolicy, this.unknownRevisionPolicy, this.flywayTable, value, this.backfillGuards);
	}

	public RunSettings withPolicies(ChecksumPolicy checksums, UnknownRevisionPolicy unknown) {
		return new RunSettings(this.history, this.execution, this.lockRetries, this.retryBackoff, this.lockWait,
				checksums, unknown, this.flywayTable, this.liquibaseTable, this.backfillGuards);
	}

	public RunSettings withBackfillGuards(BackfillGuards value) {
		return new RunSettings(this.history, this.execution, this.lockRetries, this.retryBackoff, this.lockWait,
				this.checksumPolicy, this.unknownRevisionPolicy, this.flywayTable, this.liquibaseTable, value);
	}

}
