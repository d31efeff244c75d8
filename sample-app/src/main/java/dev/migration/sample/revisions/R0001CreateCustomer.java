package dev.migration.sample.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.schema.ColumnType;

/** Initial schema: customers. The downgrade is derived from the upgrade. */
@Component
@Revision(id = "0001", message = "create customer")
public class R0001CreateCustomer implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createTable("customer", (t) -> t
			.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
			.column("email", ColumnType.TEXT, (c) -> c.notNull())
			.column("name", ColumnType.TEXT, (c) -> c.notNull())
			.column("notes", ColumnType.TEXT)
			.column("created_at", ColumnType.TIMESTAMPTZ, (c) -> c.notNull().defaultExpression("now()")));
	}

}
