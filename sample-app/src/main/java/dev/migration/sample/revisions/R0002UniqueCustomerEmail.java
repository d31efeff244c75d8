package dev.migration.sample.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;

/**
 * A unique email without blocking writes: build the unique index CONCURRENTLY (outside a
 * transaction), then promote it to a constraint, which takes only a brief lock.
 */
@Component
@Revision(id = "0002", revises = "0001", message = "unique customer email")
public class R0002UniqueCustomerEmail implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createIndex("ux_customer_email", "customer", (i) -> i.on("email").unique().concurrently());
		op.addUniqueUsingIndex("uq_customer_email", "customer", "ux_customer_email");
	}

	@Override
	public void downgrade(Operations op) {
		// the constraint owns the index it was promoted from, so this drops both
		op.dropConstraint("uq_customer_email", "customer");
	}

}
