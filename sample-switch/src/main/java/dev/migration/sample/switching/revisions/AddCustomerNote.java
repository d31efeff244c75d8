package dev.migration.sample.switching.revisions;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.schema.ColumnType;

/** The first revision after the switch from Liquibase: what follows the baseline runs as usual. */
@Component
@Profile("from-liquibase")
@Revision(id = "0002", revises = "0001", message = "customer note")
public class AddCustomerNote implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.addColumn("customer", "note", ColumnType.TEXT);
	}

}
