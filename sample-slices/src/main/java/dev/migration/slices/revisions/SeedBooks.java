package dev.migration.slices.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;

/** A component as well as a revision: component scanning and the starter's scan must register it once. */
@Component
@Revision(id = "s003", revises = "s002", message = "seed books")
public class SeedBooks implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.execute("INSERT INTO book (title) VALUES ('Dune'), ('Solaris')",
				"DELETE FROM book WHERE title IN ('Dune', 'Solaris')");
	}

}
