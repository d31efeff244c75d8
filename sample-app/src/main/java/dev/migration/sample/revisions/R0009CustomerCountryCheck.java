package dev.migration.sample.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;

/**
 * Adding NOT NULL safely, step two: a CHECK ... NOT VALID holds new rows to it at once,
 * without scanning old ones; new rows get a default.
 */
@Component
@Revision(id = "0009", revises = "0008", message = "customer country must be set, not valid yet")
public class R0009CustomerCountryCheck implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.setDefault("customer", "country", "ZZ");
		op.addCheckNotValid("ck_customer_country_not_null", "customer", "country IS NOT NULL");
	}

	@Override
	public void downgrade(Operations op) {
		op.dropConstraint("ck_customer_country_not_null", "customer");
		op.dropDefault("customer", "country");
	}

}
