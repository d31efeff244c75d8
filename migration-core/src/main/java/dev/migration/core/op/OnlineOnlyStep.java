package dev.migration.core.op;

import java.util.function.Consumer;

import dev.migration.core.MigrationException;
import dev.migration.core.Operations;
import dev.migration.core.schema.Names;

/**
 * A data step that only an online run can do (it reads the database or runs Java code): the
 * offline script shows it as a comment, so the script says what it leaves out instead of
 * silently missing it, and an online run that replays a recording calls the step's code.
 *
 * @param description what the step does, one line
 * @param step the step's code, or {@code null} for a marker alone
 */
public record OnlineOnlyStep(String description, Consumer<Operations> step) implements Op {

	/**
	 * A marker without code, as the offline script shows it.
	 * @param description what the step does, one line
	 */
	public OnlineOnlyStep(String description) {
		this(description, null);
	}

	public OnlineOnlyStep {
		description = Names.requireSql("description of an online-only step", description);
		// the description becomes an SQL comment, which a line break would end
		if (description.indexOf('\n') >= 0 || description.indexOf('\r') >= 0 || description.indexOf('\0') >= 0) {
			throw new MigrationException("The description of an online-only step must be one line, but was: "
					+ description.replace('\0', '?'));
		}
	}

}
