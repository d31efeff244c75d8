package dev.migration.sample.revisions;

import org.springframework.stereotype.Component;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.schema.ColumnType;

/** Adding a required column safely, step one: add it nullable, so no row needs a value yet. */
@Component
@Revision(id = "0007", revises = "0006", message = "add customer country, nullable")
public class R0007AddCustomerCountry implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.addColumn("customer", "country", ColumnType.character(2));
	}

}
