package dev.migration.core.dialect;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migration.core.MigrationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PostgresDataRenderingTests {

	@Test
	void updateBindsEveryValueApartFromItsText() {
		assertThat(Rendered.statements((op) -> op.update("orders", (u) -> u.set("status", "it's shipped")
			.set("note", null)
			.where("id = ?", 42))))
			.containsExactly(new SqlStatement(List.of("UPDATE orders SET status = ", ", note = ", " WHERE id = ", ""),
					Arrays.asList("it's shipped", null, 42), true));
	}

	@Test
	void updateInlinesItsValuesAsSafeLiteralsInTheOfflineScript() {
		assertThat(Rendered.single((op) -> op.update("public.order", (u) -> u.set("user", "O'Brien \\ ?")
			.setExpression("total", "total * ? + ?", 2, 1)
			.where("status = ?", "new")
			.where("placed_on < ? OR placed_on IS NULL", LocalDate.of(2024, 1, 31)))))
			.isEqualTo("UPDATE public.\"order\" SET \"user\" = E'O''Brien \\\\ ?', total = total * 2 + 1 "
					+ "WHERE (status = 'new') AND (placed_on < '2024-01-31' OR placed_on IS NULL)");
	}

	@Test
	void aQuestionMarkInsideALiteralIdentifierOrCommentIsNoPlaceholder() {
		assertThat(Rendered.statements((op) -> op.delete("faq", (d) -> d.where(
				"question <> '?' AND \"why?\" = ? /* who? */ AND note <> $$what?$$", "because"))))
			.containsExactly(new SqlStatement(
					List.of("DELETE FROM faq WHERE question <> '?' AND \"why?\" = ", " /* who? */ AND note <> $$what?$$"),
					List.of("because"), true));
	}

	@Test
	void allRowsIsAnUpdateWithoutWhereAndExpectRowsIsChecked() {
		assertThat(Rendered.statements((op) -> op.update("account", (u) -> u.set("tier", "free").allRows()
			.expectRows(3))))
			.containsExactly(new SqlStatement(List.of("UPDATE account SET tier = ", ""), List.of("free"), true)
				.expectingRows(3));
		assertThat(Rendered.single((op) -> op.delete("staging", (d) -> d.allRows()))).isEqualTo("DELETE FROM staging");
	}

	@Test
	void insertOfOneRowIsABulkInsertOfOneRow() {
		assertThat(Rendered.statements((op) -> op.insert("country", (r) -> r.value("code", "CI").value("name", null))))
			.containsExactly(new SqlStatement(List.of("INSERT INTO country (code, name) VALUES\n    (", ", ", ")"),
					Arrays.asList("CI", null), true));
	}

	@Test
	void anUpdateOrDeleteThatNamesNoRowsIsRefused() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> Rendered.ops((op) -> op.update("orders", (u) -> u.set("status", "x"))))
			.withMessage("The update of orders names no rows: add where(condition, values...), or allRows() to "
					+ "change every row.");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> Rendered.ops((op) -> op.delete("orders", (d) -> d.where("id = 1").allRows())))
			.withMessage("The delete of orders has both where(...) and allRows(); keep one.");
	}

	@Test
	void placeholdersThatDoNotMatchTheValuesAreRefusedNamingTheTable() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> Rendered.statements((op) -> op.update("orders", (u) -> u.set("status", "x")
				.where("id = ? AND region = ?", 1))))
			.withMessage("The condition of the update of orders has 2 '?' placeholder(s) but 1 value(s): "
					+ "id = ? AND region = ?");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> Rendered.statements((op) -> op.update("orders", (u) -> u.setExpression("total", "total * 2", 3)
				.allRows())))
			.withMessage("The value of orders.total has 0 '?' placeholder(s) but 1 value(s): total * 2");
	}

	@Test
	void aConditionHoldingASecondStatementIsRefused() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> Rendered.statements((op) -> op.delete("orders", (d) -> d.where("id = ?; DROP TABLE orders",
					1))))
			.withMessage("The condition of the delete from orders must be one SQL expression, without ';', but was: "
					+ "id = ?; DROP TABLE orders");
	}

	@Test
	void aSingleNullValueBindsNull() {
		assertThat(Rendered.single((op) -> op.delete("orders", (d) -> d.where("note IS NOT DISTINCT FROM ?",
				(Object[]) null))))
			.isEqualTo("DELETE FROM orders WHERE note IS NOT DISTINCT FROM NULL");
	}

	@Test
	void anOnlineOnlyStepRecordedOfflineIsACommentAndItsCodeDoesNotRun() {
		List<String> sql = dev.migration.core.op.EmittingOperations.recordFixed((op) -> op.onlineOnly(
				"recompute totals", (online) -> online.queryForList("SELECT 1")))
			.orElseThrow()
			.stream()
			.flatMap((op) -> Rendered.DIALECT.render(op).stream())
			.map(Rendered.DIALECT::inline)
			.toList();
		assertThat(sql).containsExactly("-- online-only step: recompute totals, not in this script");
	}

	@Test
	void anOnlineOnlyStepDescribedOnTwoLinesIsRefused() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> Rendered.ops((op) -> op.onlineOnly("one\nDROP TABLE orders; --", (online) -> {
			})))
			.withMessage("The description of an online-only step must be one line, but was: one\nDROP TABLE orders; --");
	}

	@Test
	void aColumnSetTwiceOrAnEmptyInsertIsRefused() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> Rendered.ops((op) -> op.update("orders", (u) -> u.set("a", 1).set("a", 2).allRows())))
			.withMessage("The update of orders sets column a twice; set it once.");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> Rendered.ops((op) -> op.insert("orders", (r) -> {
			})))
			.withMessage("The insert into orders gives no value: add value(column, value).");
	}

}
