package dev.migration.samplejpa.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.schema.ColumnType;

/**
 * Create customer and purchase order.
 *
 * <p>Created 2026-12-04.
 *
 * <p>Written by autogenerate from the difference between the schema Hibernate makes for 2 entities (Customer, PurchaseOrder) and the one the revisions make (none yet), each read from PostgreSQL's catalog: tables, columns, types, nullability, defaults, identity, comments, primary keys, unique constraints, foreign keys, checks, indexes, sequences and enum types. It resolves 2 of 2 difference(s).
 */
@Component
@Revision(id = "bc97057553d2", message = "create customer and purchase order")
public class CreateCustomerAndPurchaseOrder implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createTable("customer", (t) -> t
			.column("id", ColumnType.BIGINT, (c) -> c.notNull().identity())
			.column("email", ColumnType.varchar(255), (c) -> c.notNull())
			.column("joined_at", ColumnType.timestamptz(6), (c) -> c.notNull())
			.column("name", ColumnType.varchar(255))
			.primaryKey("id")
			.unique("customer_email_key", "email"));
		op.createTable("purchase_order", (t) -> t
			.column("id", ColumnType.BIGINT, (c) -> c.notNull().identity())
			.column("customer_id", ColumnType.BIGINT, (c) -> c.notNull())
			.column("placed_at", ColumnType.timestamptz(6), (c) -> c.notNull())
			.column("status", ColumnType.varchar(255), (c) -> c.notNull())
			.column("total", ColumnType.numeric(12, 2), (c) -> c.notNull())
			.primaryKey("id")
			.check("purchase_order_status_check", "((status)::text = ANY (ARRAY[('PLACED'::character varying)::text, ('PAID'::character varying)::text, ('SHIPPED'::character varying)::text]))"));
		op.addForeignKey("purchase_order_customer_id_fkey", "purchase_order", (fk) -> fk.columns("customer_id").references("customer", "id"));
		op.createIndex("ix_purchase_order_placed_at", "purchase_order", (i) -> i.on("placed_at"));
	}

	// downgrade() is derived from upgrade() when every op has a reverse; override it otherwise

}
