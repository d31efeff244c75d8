package dev.migration.sample.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;

/** Adds a unique email index without blocking writes, then promotes it to a constraint. */
@Component
@Revision(id = "3c4d5e6f7a8b", revises = "2b3c4d5e6f7a", message = "unique customer email", transactional = false)
public class IndexCustomerEmail implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createIndex("ux_customer_email", "customer", (i) -> i.on("email").unique().concurrently());
		op.addUniqueUsingIndex("uq_customer_email", "customer", "ux_customer_email");
	}

	@Override
	public void downgrade(Operations op) {
		// dropping the constraint drops the index it was promoted from
		op.dropConstraint("uq_customer_email", "customer");
	}

}
