package dev.migration.core.dialect;

import org.junit.jupiter.api.Test;

import dev.migration.core.MigrationException;
import dev.migration.core.op.TouchOnUpdate;
import dev.migration.core.schema.QualifiedName;
import dev.migration.core.schema.ColumnType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PostgresFunctionAndTriggerRenderingTests {

	@Test
	void createFunctionWritesItsSignatureAndItsBodyInADollarQuote() {
		assertThat(Rendered.single((op) -> op.createFunction("billing.cents", (f) -> f.argument("amount", ColumnType.numeric(12, 2))
			.argument(null, ColumnType.TEXT)
			.returns(ColumnType.BIGINT)
			.language("sql")
			.immutable()
			.body("SELECT round(amount * 100)::bigint"))))
			.isEqualTo("CREATE FUNCTION billing.cents(amount numeric(12, 2), text) RETURNS bigint LANGUAGE sql "
					+ "IMMUTABLE AS $function$\nSELECT round(amount * 100)::bigint\n$function$");
	}

	@Test
	void aBodyHoldingTheDollarQuoteGetsAnotherTag() {
		assertThat(Rendered.single((op) -> op.createFunction("f", (f) -> f.returnsTrigger()
			.body("BEGIN RAISE NOTICE '$function$'; RETURN NEW; END"))))
			.isEqualTo("CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $function1$\n"
					+ "BEGIN RAISE NOTICE '$function$'; RETURN NEW; END\n$function1$");
	}

	@Test
	void createTriggerWritesTimingEventsLevelConditionAndFunction() {
		assertThat(Rendered.single((op) -> op.createTrigger("orders_audit", "orders", (t) -> t.after()
			.onUpdateOf("status", "user")
			.onInsert()
			.forEachRow()
			.when("OLD.status IS DISTINCT FROM NEW.status")
			.execute("audit.log_change", "orders", "it's"))))
			.isEqualTo("CREATE TRIGGER orders_audit AFTER INSERT OR UPDATE OF status, \"user\" ON orders FOR EACH ROW "
					+ "WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION audit.log_change('orders', 'it''s')");
		assertThat(Rendered.single((op) -> op.createTrigger("no_truncate", "orders", (t) -> t.before()
			.onTruncate()
			.forEachStatement()
			.execute("refuse"))))
			.isEqualTo("CREATE TRIGGER no_truncate BEFORE TRUNCATE ON orders FOR EACH STATEMENT EXECUTE FUNCTION refuse()");
	}

	@Test
	void dropsNameTheFunctionsArgumentTypesAndTheTriggersTable() {
		assertThat(Rendered.sql((op) -> {
			op.dropFunction("cents", ColumnType.numeric(12, 2), ColumnType.TEXT);
			op.dropFunction("touch");
			op.dropTrigger("orders_audit", "shop.orders", dev.migration.core.schema.DropOption.IF_EXISTS);
		})).containsExactly("DROP FUNCTION cents(numeric(12, 2), text)", "DROP FUNCTION touch()",
				"DROP TRIGGER IF EXISTS orders_audit ON shop.orders");
	}

	@Test
	void touchOnUpdateCreatesAFunctionAndABeforeUpdateTriggerOfTheSameName() {
		assertThat(Rendered.sql((op) -> op.touchOnUpdate("shop.orders", "updated at"))).containsExactly("""
				CREATE FUNCTION shop."orders_touch_updated at"() RETURNS trigger LANGUAGE plpgsql AS $function$
				BEGIN
				    IF NEW."updated at" IS NOT DISTINCT FROM OLD."updated at" THEN
				        NEW."updated at" := now();
				    END IF;
				    RETURN NEW;
				END
				$function$""", "CREATE TRIGGER \"orders_touch_updated at\" BEFORE UPDATE ON shop.orders FOR EACH ROW "
				+ "EXECUTE FUNCTION shop.\"orders_touch_updated at\"()");
		assertThat(Rendered.sql((op) -> op.dropTouchOnUpdate("orders", "updated_at"))).containsExactly(
				"DROP TRIGGER orders_touch_updated_at ON orders", "DROP FUNCTION orders_touch_updated_at()");
	}

	@Test
	void touchOnUpdateOfALongNameKeepsItUnderTheLimitTheSameOnEveryRun() {
		String table = "t".repeat(40);
		TouchOnUpdate touch = new TouchOnUpdate(new QualifiedName(null, table), "c".repeat(30));
		assertThat(touch.name()).hasSize(63).startsWith(table + "_touch_").isEqualTo(touch.name());
		assertThat(touch.name()).endsWith("_" + Integer.toHexString((table + "_touch_" + "c".repeat(30)).hashCode()));
	}

	@Test
	void aTriggerWithoutTimingLevelOrFunctionIsRefusedNamingWhatIsMissing() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> Rendered.ops((op) -> op.createTrigger("t1", "orders", (t) -> t.onInsert().forEachRow()
				.execute("f"))))
			.withMessage("Trigger t1 on orders needs before(), after() or insteadOf().");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> Rendered.ops((op) -> op.createTrigger("t1", "orders", (t) -> t.after().onInsert()
				.execute("f"))))
			.withMessage("Trigger t1 on orders needs forEachRow() or forEachStatement().");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> Rendered.ops((op) -> op.createTrigger("t1", "orders", (t) -> t.after().forEachRow()
				.execute("f"))))
			.withMessageStartingWith("Trigger t1 on orders needs an event: onInsert()");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> Rendered.ops((op) -> op.createTrigger("t1", "orders", (t) -> t.after().onInsert()
				.forEachRow())))
			.withMessage("Trigger t1 on orders needs execute(function).");
	}

	@Test
	void whatPostgresqlWouldRefuseIsRefusedBeforeAnythingRuns() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> Rendered.ops((op) -> op.createTrigger("t1", "orders", (t) -> t.after().onTruncate()
				.forEachRow().execute("f"))))
			.withMessage("Trigger t1 on orders fires on truncate, which only forEachStatement() can.");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> Rendered.ops((op) -> op.createTrigger("t1", "v", (t) -> t.insteadOf().onInsert()
				.forEachStatement().execute("f"))))
			.withMessage("Trigger t1 on v fires instead of an event, so it must be forEachRow(), without when(...) "
					+ "or onUpdateOf(...).");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> Rendered.ops((op) -> op.createFunction("f", (f) -> f.returnsTrigger()
				.argument("x", ColumnType.TEXT).body("BEGIN RETURN NEW; END"))))
			.withMessage("Trigger function f cannot declare arguments; a trigger passes its arguments in TG_ARGV.");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> Rendered.ops((op) -> op.createFunction("f", (f) -> f.body("SELECT 1"))))
			.withMessage("Function f needs returns(type) or returnsTrigger().");
	}

}
