package dev.migration.autoconfigure.scan.handmade;

import java.time.Duration;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;

/** A revision built by hand with an argument Spring has no bean for, as benchmarks and test kits do. */
@Revision(id = "hm1", message = "built by hand")
public class HandMadeRevision implements Migration {

	private final Duration pause;

	public HandMadeRevision(Duration pause) {
		this.pause = pause;
	}

	@Override
	public void upgrade(Operations op) {
		op.execute("SELECT pg_sleep(" + this.pause.toSeconds() + ")", "SELECT 1");
	}

}
