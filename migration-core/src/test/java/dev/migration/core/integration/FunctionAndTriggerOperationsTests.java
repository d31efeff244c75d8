package dev.migration.core.integration;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.snapshot.SchemaSnapshot;
import dev.migration.core.snapshot.SnapshotReader;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresTest(emptyBeforeEach = true)
class FunctionAndTriggerOperationsTests {

	private static final String AUDIT_BODY = """
			BEGIN
			    INSERT INTO order_audit (order_id, status, note) VALUES (NEW.id, NEW.status, TG_ARGV[0]);
			    RETURN NEW;
			END""";

	private final DataSource dataSource;

	private final Catalog catalog;

	FunctionAndTriggerOperationsTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.catalog = new Catalog(dataSource);
	}

	@BeforeEach
	void orders() {
		this.catalog.jdbc().execute("CREATE TABLE orders (id bigint PRIMARY KEY, status text, total numeric);"
				+ "CREATE TABLE order_audit (order_id bigint, status text, note text)");
	}

	@Test
	void aTriggerRunsItsFunctionOnTheEventsAndUnderTheConditionItNames() {
		Steps.upgrade(this.dataSource, this::auditStatusChanges);
		this.catalog.jdbc().update("INSERT INTO orders VALUES (1, 'new', 10)");
		this.catalog.jdbc().update("UPDATE orders SET total = 20 WHERE id = 1");
		this.catalog.jdbc().update("UPDATE orders SET status = 'paid' WHERE id = 1");
		this.catalog.jdbc().update("UPDATE orders SET status = 'paid', total = 30 WHERE id = 1");
		assertThat(this.catalog.textRows("order_audit")).containsExactly(List.of("1", "paid", "it's audited"));
	}

	@Test
	void theDerivedDowngradeOfFunctionAndTriggerLeavesTheSchemaAsBefore() {
		SchemaSnapshot before = snapshot();
		Migration migration = this::auditStatusChanges;
		Steps.upgrade(this.dataSource, migration);
		assertThat(snapshot().byKey()).containsKeys("function audit_order()", "trigger orders.orders_audit");
		Steps.downgrade(this.dataSource, migration);
		assertThat(snapshot().toText()).isEqualTo(before.toText());
	}

	@Test
	void dropsThatSayWhatTheyDroppedAreUndoneByTheDerivedDowngrade() {
		Steps.upgrade(this.dataSource, this::auditStatusChanges);
		SchemaSnapshot audited = snapshot();
		Migration drop = (op) -> {
			op.dropTrigger("orders_audit", "orders", this::auditTrigger);
			op.dropFunction("audit_order", this::auditFunction);
		};
		Steps.upgrade(this.dataSource, drop);
		assertThat(snapshot().byKey()).doesNotContainKeys("function audit_order()", "trigger orders.orders_audit");
		Steps.downgrade(this.dataSource, drop);
		assertThat(snapshot().toText()).isEqualTo(audited.toText());
	}

	@Test
	void touchOnUpdateSetsTheTimestampOnEveryUpdateThatDoesNotSetItItself() {
		this.catalog.jdbc().execute("ALTER TABLE orders ADD COLUMN updated_at timestamptz NOT NULL DEFAULT '2001-01-01'");
		this.catalog.jdbc().update("INSERT INTO orders (id, status) VALUES (1, 'new'), (2, 'new'), (3, 'new')");
		Steps.upgrade(this.dataSource, (op) -> op.touchOnUpdate("orders", "updated_at"));
		// RETURNING runs in the UPDATE's transaction, so now() there is the time the trigger wrote
		assertThat(this.catalog.value("UPDATE orders SET status = 'paid' WHERE id = 1 RETURNING updated_at = now()",
				Boolean.class)).isTrue();
		assertThat(this.catalog.value("UPDATE orders SET status = 'paid', updated_at = '2002-02-02' WHERE id = 2 "
				+ "RETURNING updated_at = '2002-02-02'", Boolean.class)).isTrue();
		assertThat(this.catalog.value("SELECT updated_at = '2001-01-01' FROM orders WHERE id = 3", Boolean.class))
			.isTrue();
	}

	@Test
	void theDerivedDowngradeOfTouchOnUpdateLeavesTheSchemaAsBefore() {
		this.catalog.jdbc().execute("ALTER TABLE orders ADD COLUMN updated_at timestamptz");
		SchemaSnapshot before = snapshot();
		Migration touch = (op) -> op.touchOnUpdate("orders", "updated_at");
		Steps.upgrade(this.dataSource, touch);
		assertThat(snapshot().byKey()).containsKeys("function orders_touch_updated_at()",
				"trigger orders.orders_touch_updated_at");
		Steps.downgrade(this.dataSource, touch);
		assertThat(snapshot().toText()).isEqualTo(before.toText());
		this.catalog.jdbc().update("INSERT INTO orders (id) VALUES (1)");
		this.catalog.jdbc().update("UPDATE orders SET status = 'paid'");
		assertThat(this.catalog.value("SELECT updated_at FROM orders", String.class)).isNull();
	}

	private void auditStatusChanges(Operations op) {
		op.createFunction("audit_order", this::auditFunction);
		op.createTrigger("orders_audit", "orders", this::auditTrigger);
	}

	private void auditFunction(Operations.FunctionSpec function) {
		function.returnsTrigger().body(AUDIT_BODY);
	}

	private void auditTrigger(Operations.TriggerSpec trigger) {
		trigger.after()
			.onUpdateOf("status")
			.forEachRow()
			.when("OLD.status IS DISTINCT FROM NEW.status")
			.execute("audit_order", "it's audited");
	}

	private SchemaSnapshot snapshot() {
		return SnapshotReader.allSchemas().read(this.dataSource);
	}

}
