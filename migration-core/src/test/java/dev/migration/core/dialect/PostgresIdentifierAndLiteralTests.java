package dev.migration.core.dialect;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.migration.core.MigrationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PostgresIdentifierAndLiteralTests {

	private final PostgresDialect dialect = new PostgresDialect();

	@Test
	void plainLowerCaseNamesStayUnquoted() {
		assertThat(this.dialect.quote("order_line")).isEqualTo("order_line");
		assertThat(this.dialect.quote("_x$1")).isEqualTo("_x$1");
	}

	@Test
	void mixedCaseSpacesAndLeadingDigitsAreQuoted() {
		assertThat(this.dialect.quote("OrderLine")).isEqualTo("\"OrderLine\"");
		assertThat(this.dialect.quote("order line")).isEqualTo("\"order line\"");
		assertThat(this.dialect.quote("1st")).isEqualTo("\"1st\"");
	}

	@Test
	void keywordsOutsideTheUnreservedCategoryAreQuoted() {
		assertThat(this.dialect.quote("user")).isEqualTo("\"user\"");
		assertThat(this.dialect.quote("order")).isEqualTo("\"order\"");
		assertThat(this.dialect.quote("timestamp")).isEqualTo("\"timestamp\"");
		assertThat(this.dialect.quote("name")).isEqualTo("name");
	}

	@Test
	void embeddedDoubleQuotesAreDoubled() {
		assertThat(this.dialect.quote("a\"; DROP TABLE x; --")).isEqualTo("\"a\"\"; DROP TABLE x; --\"");
	}

	@Test
	void stringsDoubleTheirQuotesAndEscapeBackslashesInAnEscapeString() {
		assertThat(this.dialect.literal("it's")).isEqualTo("'it''s'");
		assertThat(this.dialect.literal("a\\'b")).isEqualTo("E'a\\\\''b'");
	}

	@Test
	void stringsWithANulCharacterAreRefused() {
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> this.dialect.literal("a\0b"))
			.withMessageContaining("NUL character");
	}

	@Test
	void numbersBooleansAndNullAreBareWords() {
		assertThat(this.dialect.literal(42)).isEqualTo("42");
		assertThat(this.dialect.literal(-7L)).isEqualTo("-7");
		assertThat(this.dialect.literal(new BigDecimal("1E+3"))).isEqualTo("1000");
		assertThat(this.dialect.literal(2.5d)).isEqualTo("2.5");
		assertThat(this.dialect.literal(Double.NaN)).isEqualTo("'NaN'::float8");
		assertThat(this.dialect.literal(true)).isEqualTo("TRUE");
		assertThat(this.dialect.literal(null)).isEqualTo("NULL");
	}

	@Test
	void temporalValuesUuidsAndBytesAreQuoted() {
		UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
		assertThat(this.dialect.literal(id)).isEqualTo("'123e4567-e89b-12d3-a456-426614174000'");
		assertThat(this.dialect.literal(LocalDate.of(2026, 1, 31))).isEqualTo("'2026-01-31'");
		assertThat(this.dialect.literal(Instant.parse("2026-01-31T10:15:30Z"))).isEqualTo("'2026-01-31T10:15:30Z'");
		assertThat(this.dialect.literal(ZonedDateTime.of(2026, 1, 31, 10, 0, 0, 0, ZoneId.of("Europe/Paris"))))
			.isEqualTo("'2026-01-31T10:00+01:00'");
		assertThat(this.dialect.literal(new byte[] { 0x0a, (byte) 0xff })).isEqualTo("E'\\\\x0aff'::bytea");
	}

	@Test
	void otherValueTypesAreRefusedWithTheTypesThatWork() {
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> this.dialect.literal(new Object()))
			.withMessage("Cannot render a value of type java.lang.Object as an SQL literal; use a String, a number, "
					+ "a Boolean, a UUID, a java.time value or a byte[].");
	}

}
