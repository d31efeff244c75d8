package dev.migration.sample.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;

/**
 * Adding NOT NULL safely, last step: with a valid check in place PostgreSQL sets NOT NULL
 * without scanning the table, and the check can go.
 */
@Component
@Revision(id = "0011", revises = "0010", message = "customer country not null")
public class R0011CustomerCountryNotNull implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.setNotNull("customer", "country");
		op.dropConstraint("ck_customer_country_not_null", "customer");
	}

	@Override
	public void downgrade(Operations op) {
		op.addCheck("ck_customer_country_not_null", "customer", "country IS NOT NULL");
		op.dropNotNull("customer", "country");
	}

}
