package dev.migration.core.dialect;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migration.core.Migration;
import dev.migration.core.Revision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.execute.ExecutionSettings;
import dev.migration.core.execute.OfflineScripts;
import dev.migration.core.op.AlterColumnNullability;
import dev.migration.core.op.DropConstraint;
import dev.migration.core.op.RecordedOps;
import dev.migration.core.schema.QualifiedName;
import dev.migration.core.schema.ReferentialAction;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresOnlineOperationsRenderingTests {

	@Test
	void setNotNullOnlineChecksNotValidThenValidatesThenSetsInThreeTransactions() {
		assertThat(Rendered.statements((op) -> op.setNotNullOnline("customer", "country")))
			.containsExactly(
					SqlStatement.of("ALTER TABLE customer ADD CONSTRAINT customer_country_not_null "
							+ "CHECK (country IS NOT NULL) NOT VALID"),
					SqlStatement.COMMIT_POINT,
					SqlStatement.of("ALTER TABLE customer VALIDATE CONSTRAINT customer_country_not_null").nonBlocking(),
					SqlStatement.COMMIT_POINT,
					SqlStatement.of("ALTER TABLE customer ALTER COLUMN country SET NOT NULL"),
					SqlStatement.of("ALTER TABLE customer DROP CONSTRAINT customer_country_not_null"));
	}

	@Test
	void addForeignKeyOnlineAddsNotValidThenValidatesInItsOwnTransaction() {
		assertThat(Rendered.statements((op) -> op.addForeignKeyOnline("fk_orders_customer", "orders",
				(fk) -> fk.columns("customer_id").references("customer", "id").onDelete(ReferentialAction.CASCADE))))
			.containsExactly(
					SqlStatement.of("ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) "
							+ "REFERENCES customer (id) ON DELETE CASCADE NOT VALID"),
					SqlStatement.COMMIT_POINT,
					SqlStatement.of("ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_customer").nonBlocking());
	}

	@Test
	void addUniqueOnlineBuildsTheIndexConcurrentlyThenPromotesIt() {
		assertThat(Rendered.statements((op) -> op.addUniqueOnline("uq_customer_email", "customer", "email")))
			.containsExactly(SqlStatement.COMMIT_POINT,
					SqlStatement.nonTransactional(
							"CREATE UNIQUE INDEX CONCURRENTLY uq_customer_email_idx ON customer (email)").nonBlocking(),
					SqlStatement.of("ALTER TABLE customer ADD CONSTRAINT uq_customer_email UNIQUE USING INDEX "
							+ "uq_customer_email_idx"));
	}

	@Test
	void aDeclaredContractStepFirstChecksTheOldColumnAgainstTheDeclaration() {
		assertThat(Rendered.sql((op) -> op.finishRenameColumnOnline("shop.customer", "name", "full_name",
				dev.migration.core.schema.ColumnType.TEXT, (old) -> old.index("ix_name").notNull())).get(0))
			.isEqualTo("""
					DO $verify$
					DECLARE
					    actual text;
					BEGIN
					    SELECT concat_ws(', ',
					        CASE WHEN a.attnotnull THEN 'NOT NULL' END,
					        CASE WHEN a.atthasdef THEN 'DEFAULT' END,
					        (SELECT string_agg(CASE c.contype WHEN 'c' THEN 'CHECK ' WHEN 'u' THEN 'UNIQUE '
					                WHEN 'p' THEN 'PRIMARY KEY ' WHEN 'f' THEN 'FOREIGN KEY ' ELSE 'CONSTRAINT ' END || c.conname,
					                ', ' ORDER BY c.contype <> 'c', c.conname::text COLLATE "C")
					            FROM pg_constraint c
					            WHERE c.conrelid = a.attrelid AND a.attnum = ANY (c.conkey) AND c.contype <> 'n'),
					        (SELECT string_agg('INDEX ' || i.name, ', ' ORDER BY i.name COLLATE "C")
					            FROM (SELECT DISTINCT x.relname::text AS name
					                FROM pg_depend d JOIN pg_class x ON x.oid = d.objid
					                WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
					                  AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum AND x.relkind IN ('i', 'I')) i))
					    INTO actual
					    FROM pg_attribute a
					    WHERE a.attrelid = to_regclass('shop.customer') AND a.attname = 'name' AND NOT a.attisdropped;
					    IF FOUND AND actual <> 'NOT NULL, INDEX ix_name' THEN
					        RAISE EXCEPTION 'Column % has %, but the contract step that drops it declares %. Declare exactly '
					            'what it has, so the derived downgrade restores it, or write downgrade() for this revision.',
					            'shop.customer.name', coalesce(nullif(actual, ''), 'nothing'), 'NOT NULL, INDEX ix_name';
					    END IF;
					END
					$verify$""");
	}

	@Test
	void anUndeclaredContractStepDropsWithoutACheck() {
		assertThat(Rendered.sql((op) -> op.finishRenameColumnOnline("customer", "name", "full_name",
				dev.migration.core.schema.ColumnType.TEXT)).get(0))
			.isEqualTo("DROP TRIGGER customer_sync_name_full_name ON customer");
	}

	@Test
	void onlineOperationsReverseToWhatTheyAdded() {
		Migration migration = (op) -> {
			op.setNotNullOnline("customer", "country");
			op.addUniqueOnline("uq_customer_email", "customer", "email");
		};
		QualifiedName customer = QualifiedName.parse("customer");
		assertThat(dev.migration.core.op.Reversal.of(migration)).containsExactly(
				new DropConstraint(customer, "uq_customer_email", false, false),
				new AlterColumnNullability(customer, "country", true));
		assertThat(RecordedOps.of(migration::upgrade)).hasSize(2);
	}

	@Test
	void theOfflineScriptShowsEachTransactionOfAnOnlineOperation() {
		String script = new OfflineScripts(MigrationCatalog.of(List.of(new CountryNotNull())), new PostgresDialect(),
				ExecutionSettings.defaults()).upgrade(java.util.Set.of(), "heads");
		assertThat(script).isEqualTo("""
				-- Running upgrade <base> -> n1: country not null
				BEGIN;
				SET LOCAL lock_timeout = '1s';
				ALTER TABLE customer ADD COLUMN note text;
				ALTER TABLE customer ADD CONSTRAINT customer_country_not_null CHECK (country IS NOT NULL) NOT VALID;
				COMMIT;
				BEGIN;
				SET LOCAL lock_timeout = '600s';
				ALTER TABLE customer VALIDATE CONSTRAINT customer_country_not_null;
				COMMIT;
				BEGIN;
				SET LOCAL lock_timeout = '1s';
				ALTER TABLE customer ALTER COLUMN country SET NOT NULL;
				ALTER TABLE customer DROP CONSTRAINT customer_country_not_null;
				COMMIT;

				""");
	}

	@Revision(id = "n1", message = "country not null")
	static class CountryNotNull implements Migration {

		@Override
		public void upgrade(dev.migration.core.Operations op) {
			op.addColumn("customer", "note", dev.migration.core.schema.ColumnType.TEXT);
			op.setNotNullOnline("customer", "country");
		}

	}

}
