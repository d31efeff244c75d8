package dev.migration.sample.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.schema.ReferentialAction;

/** Creates the orders table, which references customers. */
@Component
@Revision(id = "2b3c4d5e6f7a", revises = "1a2b3c4d5e6f", message = "create orders")
public class CreateOrders implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createEnumType("order_status", "open", "paid", "shipped");
		op.createTable("orders", (t) -> t
			.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
			.column("customer_id", ColumnType.BIGINT, (c) -> c.notNull())
			.column("status", ColumnType.named("order_status"), (c) -> c.notNull().defaultValue("open"))
			.column("total", ColumnType.numeric(12, 2), (c) -> c.notNull())
			.column("placed_at", ColumnType.TIMESTAMPTZ, (c) -> c.notNull().defaultExpression("now()"))
			.foreignKey("fk_orders_customer", (fk) -> fk.columns("customer_id").references("customer", "id")
				.onDelete(ReferentialAction.RESTRICT)));
	}

}
