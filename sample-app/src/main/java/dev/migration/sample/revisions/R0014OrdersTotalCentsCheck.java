package dev.migration.sample.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;

/** Expand and contract: total_cents becomes required, the safe way (check NOT VALID first). */
@Component
@Revision(id = "0014", revises = "0013", message = "orders total_cents must be set, not valid yet")
public class R0014OrdersTotalCentsCheck implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.addCheckNotValid("ck_orders_total_cents_not_null", "orders", "total_cents IS NOT NULL");
	}

}
