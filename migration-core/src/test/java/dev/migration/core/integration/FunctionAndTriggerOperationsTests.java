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
