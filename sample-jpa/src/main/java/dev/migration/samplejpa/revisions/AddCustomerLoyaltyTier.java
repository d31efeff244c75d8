package dev.migration.samplejpa.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.op.CommitPoint;
import dev.migration.core.schema.ColumnType;

/**
 * Add customer loyalty tier.
 *
 * <p>Created 2026-12-04.
 *
 * <p>Written by autogenerate from the difference between the schema Hibernate makes for 2 entities (Customer, PurchaseOrder) and the one the revisions make up to bc97057553d2, each read from PostgreSQL's catalog: tables, columns, types, nullability, defaults, identity, comments, primary keys, unique constraints, foreign keys, checks, indexes, sequences and enum types. It resolves 2 of 2 difference(s).
 *
 * <p>Review before applying:
 * <ul>
 * <li>the backfill of customer.loyalty_tier runs at start-up, holding readiness until its last batch (lint warns backfill-at-startup): on a large table, move it and setNotNullOnline into a revision of their own with stage = Stage.BACKGROUND, and map the field nullable until that revision has run</li>
 * <li>existing rows of customer get loyalty_tier = 'BRONZE' (a placeholder the entities allow): change the backfill's value to the one they should have</li>
 * </ul>
 */
@Component
@Revision(id = "5ece03837ccd", revises = "bc97057553d2", message = "add customer loyalty tier")
public class AddCustomerLoyaltyTier implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.addColumn("customer", "loyalty_tier", ColumnType.varchar(255));
		op.backfill("customer", (b) -> b.set("loyalty_tier = 'BRONZE'").where("loyalty_tier IS NULL"));
		op.setNotNullOnline("customer", "loyalty_tier");
		op.addCheckNotValid("customer_loyalty_tier_check", "customer", "((loyalty_tier)::text = ANY (ARRAY[('BRONZE'::character varying)::text, ('SILVER'::character varying)::text, ('GOLD'::character varying)::text]))");
		op.apply(new CommitPoint());
		op.validateConstraint("customer_loyalty_tier_check", "customer");
	}

	// downgrade() is derived from upgrade() when every op has a reverse; override it otherwise

}
