package dev.migration.sample.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;

/** Adding NOT NULL safely, step three: validate the check while reads and writes go on. */
@Component
@Revision(id = "0010", revises = "0009", message = "validate customer country check")
public class R0010ValidateCustomerCountry implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.validateConstraint("ck_customer_country_not_null", "customer");
	}

	/**
	 * PostgreSQL cannot mark a constraint NOT VALID again, so the downgrade puts back the
	 * check of 0009 as it was: dropping it and adding it NOT VALID scans nothing.
	 */
	@Override
	public void downgrade(Operations op) {
		op.dropConstraint("ck_customer_country_not_null", "customer");
		op.addCheckNotValid("ck_customer_country_not_null", "customer", "country IS NOT NULL");
	}

}
