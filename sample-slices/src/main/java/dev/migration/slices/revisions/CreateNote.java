package dev.migration.slices.revisions;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.schema.ColumnType;

/** The note table JPA maps. Not a component either. */
@Revision(id = "s002", revises = "s001", message = "create note")
public class CreateNote implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createTable("note", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
			.column("text", ColumnType.varchar(200), (c) -> c.notNull()));
	}

}
