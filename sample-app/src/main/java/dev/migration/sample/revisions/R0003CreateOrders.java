package dev.migration.sample.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.schema.ColumnType;

/** Orders, with their status as an enum type; the foreign key comes in later revisions. */
@Component
@Revision(id = "0003", revises = "0002", message = "create orders")
public class R0003CreateOrders implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createEnumType("order_status", "open", "paid", "shipped");
		op.createTable("orders", (t) -> t
			.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
			.column("customer_id", ColumnType.BIGINT, (c) -> c.notNull())
			.column("status", ColumnType.named("order_status"), (c) -> c.notNull().defaultValue("open"))
			.column("total", ColumnType.numeric(12, 2), (c) -> c.notNull())
			.column("placed_at", ColumnType.TIMESTAMPTZ, (c) -> c.notNull().defaultExpression("now()")));
	}

}
