package dev.migration.sample.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.schema.ColumnType;

/** Creates the customer table; its downgrade is derived automatically. */
@Component
@Revision(id = "1a2b3c4d5e6f", message = "create customer")
public class CreateCustomer implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createTable("customer", (t) -> t
			.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
			.column("email", ColumnType.TEXT, (c) -> c.notNull())
			.column("name", ColumnType.TEXT, (c) -> c.notNull())
			.column("created_at", ColumnType.TIMESTAMPTZ, (c) -> c.notNull().defaultExpression("now()")));
	}

}
