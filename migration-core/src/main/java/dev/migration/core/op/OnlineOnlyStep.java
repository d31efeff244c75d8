package dev.migration.core.op;

import dev.migration.core.MigrationException;
import dev.migration.core.schema.Names;

/**
 * Marks, in the offline script, a data step that only an online run can do (it reads the
 * database or runs Java code), so the script says what it leaves out instead of silently
 * missing it. Only an offline recording holds it: online, the step's own operations run.
 *
 * @param description what the step does, one line
 */
public record OnlineOnlyStep(String description) implements Op {

	public OnlineOnlyStep {
		description = Names.requireSql("description of an online-only step", description);
		// the description becomes an SQL comment, which a line break would end
		if (description.indexOf('\n') >= 0 || description.indexOf('\r') >= 0 || description.indexOf('\0') >= 0) {
			throw new MigrationException("The description of an online-only step must be one line, but was: "
					+ description.replace('\0', '?'));
		}
	}

}
