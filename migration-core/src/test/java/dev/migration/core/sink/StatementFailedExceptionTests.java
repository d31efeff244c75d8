package dev.migration.core.sink;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed statement is shown by its first lines; the whole of it goes to the DEBUG log. */
class StatementFailedExceptionTests {

	@Test
	void aShortStatementIsShownWhole() {
		assertThat(new StatementFailedException("UPDATE t\nSET a = 1", new SQLException("boom", "42000")).getMessage())
			.endsWith("in statement:\nUPDATE t\nSET a = 1");
	}

	@Test
	void aLongStatementIsShownByItsFirstLines() {
		String sql = "DO $block$\n" + "    PERFORM 1;\n".repeat(200) + "END $block$";
		String message = new StatementFailedException(sql, new SQLException("boom", "42000")).getMessage();
		assertThat(message).contains("DO $block$\n    PERFORM 1;")
			.contains("more characters; the whole statement is in the DEBUG log")
			.hasSizeLessThan(700);
	}

	@Test
	void aSingleHugeLineIsCut() {
		String sql = "SELECT " + "1 + ".repeat(1000) + "1";
		assertThat(new StatementFailedException(sql, new SQLException("boom", "42000")).getMessage())
			.hasSizeLessThan(800)
			.contains("more characters");
	}

}
