package dev.migration.slices.revisions;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.schema.ColumnType;

/** The book table. Not a component: the starter finds it in the application's packages. */
@Revision(id = "s001", message = "create book")
public class CreateBook implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createTable("book", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
			.column("title", ColumnType.TEXT, (c) -> c.notNull()));
	}

}
