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

}
