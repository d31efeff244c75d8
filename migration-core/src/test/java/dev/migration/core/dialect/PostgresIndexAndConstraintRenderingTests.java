package dev.migration.core.dialect;

import org.junit.jupiter.api.Test;

import dev.migration.core.schema.DropOption;
import dev.migration.core.schema.IndexElement;
import dev.migration.core.schema.ReferentialAction;

import static dev.migration.core.dialect.Rendered.single;
import static dev.migration.core.dialect.Rendered.sql;
import static dev.migration.core.dialect.Rendered.statements;
import static org.assertj.core.api.Assertions.assertThat;

class PostgresIndexAndConstraintRenderingTests {

	@Test
	void plainIndexRunsInATransaction() {
		assertThat(statements((op) -> op.createIndex("ix_account_email", "account", (i) -> i.on("email"))))
			.containsExactly(SqlStatement.of("CREATE INDEX ix_account_email ON account (email)"));
	}

	@Test
	void concurrentIndexWithEveryOptionRunsOutsideATransaction() {
		assertThat(statements((op) -> op.createIndex("ix_orders_open", "shop.orders",
				(i) -> i.unique().concurrently().ifNotExists().using("btree").on("customer_id")
					.key(IndexElement.column("placed_at").desc())
					.onExpression("lower(reference)")
					.key(IndexElement.column("code").withOperatorClass("text_pattern_ops"))
					.include("total", "status")
					.where("status <> 'closed'"))))
			.containsExactly(SqlStatement.nonTransactional("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "
					+ "ix_orders_open ON shop.orders USING btree (customer_id, placed_at DESC, (lower(reference)), "
					+ "code text_pattern_ops) INCLUDE (total, status) WHERE status <> 'closed'").nonBlocking());
	}

	@Test
	void dropIndexConcurrentlyRunsOutsideATransaction() {
		assertThat(statements((op) -> {
			op.dropIndex("ix_a");
			op.dropIndex("s.ix_b", DropOption.CONCURRENTLY, DropOption.IF_EXISTS);
		})).containsExactly(SqlStatement.of("DROP INDEX ix_a"),
				SqlStatement.nonTransactional("DROP INDEX CONCURRENTLY IF EXISTS s.ix_b").nonBlocking());
	}

	@Test
	void constraintsAddedToExistingTables() {
		assertThat(sql((op) -> {
			op.addPrimaryKey("pk_account", "account", "id");
			op.addUnique("uq_account_email", "account", "email");
			op.addUniqueUsingIndex("uq_account_handle", "account", "ix_account_handle");
			op.addCheck("ck_account_age", "account", "age >= 0");
			op.addCheckNotValid("ck_account_email", "account", "email IS NOT NULL");
		})).containsExactly("ALTER TABLE account ADD CONSTRAINT pk_account PRIMARY KEY (id)",
				"ALTER TABLE account ADD CONSTRAINT uq_account_email UNIQUE (email)",
				"ALTER TABLE account ADD CONSTRAINT uq_account_handle UNIQUE USING INDEX ix_account_handle",
				"ALTER TABLE account ADD CONSTRAINT ck_account_age CHECK (age >= 0)",
				"ALTER TABLE account ADD CONSTRAINT ck_account_email CHECK (email IS NOT NULL) NOT VALID");
	}

	@Test
	void foreignKeyWithActionsDeferralAndNotValid() {
		assertThat(single((op) -> op.addForeignKey("fk_order_account", "orders",
				(fk) -> fk.columns("account_id").references("account", "id").onDelete(ReferentialAction.CASCADE)
					.onUpdate(ReferentialAction.SET_NULL).initiallyDeferred().notValid())))
			.isEqualTo("ALTER TABLE orders ADD CONSTRAINT fk_order_account FOREIGN KEY (account_id) REFERENCES "
					+ "account (id) ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED NOT VALID");
	}

	@Test
	void foreignKeyToThePrimaryKeyNeedsNoColumns() {
		assertThat(single((op) -> op.addForeignKey("fk", "orders",
				(fk) -> fk.columns("account_id").references("account").deferrable())))
			.isEqualTo("ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (account_id) REFERENCES account DEFERRABLE");
	}

	@Test
	void validateAndDropConstraints() {
		assertThat(sql((op) -> {
			op.validateConstraint("fk_order_account", "orders");
			op.dropConstraint("fk_order_account", "orders");
			op.dropConstraint("ck_old", "orders", DropOption.IF_EXISTS, DropOption.CASCADE);
		})).containsExactly("ALTER TABLE orders VALIDATE CONSTRAINT fk_order_account",
				"ALTER TABLE orders DROP CONSTRAINT fk_order_account",
				"ALTER TABLE orders DROP CONSTRAINT IF EXISTS ck_old CASCADE");
	}

}
