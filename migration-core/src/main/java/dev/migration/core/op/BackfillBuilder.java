package dev.migration.core.op;

import java.time.Duration;

import dev.migration.core.MigrationException;
import dev.migration.core.Operations.BackfillSpec;
import dev.migration.core.schema.QualifiedName;

/** Collects a {@link BackfillSpec} and builds the {@link Backfill} operation. */
final class BackfillBuilder implements BackfillSpec {

	private final QualifiedName table;

	private String alias;

	private String assignment;

	private String from;

	private String pending;

	private String key = "id";

	private int batchSize = 1_000;

	private Duration targetBatchDuration = Duration.ofMillis(100);

	private Duration pause = Duration.ofMillis(10);

	BackfillBuilder(QualifiedName table) {
		this.table = table;
	}

	@Override
	public BackfillSpec set(String assignment) {
		this.assignment = assignment;
		return this;
	}

	@Override
	public BackfillSpec as(String alias) {
		this.alias = alias;
		return this;
	}

	@Override
	public BackfillSpec from(String fromList) {
		this.from = fromList;
		return this;
	}

	@Override
	public BackfillSpec where(String pending) {
		this.pending = pending;
		return this;
	}

	@Override
	public BackfillSpec key(String column) {
		this.key = column;
		return this;
	}

	@Override
	public BackfillSpec batchSize(int rows) {
		this.batchSize = rows;
		return this;
	}

	@Override
	public BackfillSpec targetBatchDuration(Duration duration) {
		this.targetBatchDuration = duration;
		return this;
	}

	@Override
	public BackfillSpec pause(Duration duration) {
		this.pause = duration;
		return this;
	}

	Backfill build() {
		if (this.assignment == null || this.pending == null) {
			throw new MigrationException("The backfill of " + this.table + " needs set(...) and where(...): what to "
					+ "write, and which rows still need it.");
		}
		return new Backfill(this.table, this.alias, this.key, this.assignment, this.from, this.pending, this.batchSize,
				this.targetBatchDuration, this.pause);
	}

}
