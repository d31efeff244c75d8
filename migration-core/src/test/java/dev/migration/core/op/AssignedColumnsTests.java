package dev.migration.core.op;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migration.core.MigrationException;
import dev.migration.core.schema.QualifiedName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A backfill knows the columns its SET list fills, as PostgreSQL names them. */
class AssignedColumnsTests {

	@Test
	void unquotedNamesFoldToLowerCaseAndQuotedOnesStayAsWritten() {
		assertThat(columns("Total_Cents = round(total * 100), \"Mixed \"\"Case\"\"\" = 1"))
			.containsExactly("total_cents", "Mixed \"Case\"");
	}

	@Test
	void aParenthesizedListAssignsEachOfItsColumns() {
		assertThat(columns("(a, b) = (SELECT x, y FROM other o WHERE o.id = t.id), c = 3"))
			.containsExactly("a", "b", "c");
	}

	@Test
	void aSubscriptOrAFieldAssignsItsColumn() {
		assertThat(columns("tags[1] = 'x', address.city = 'Paris', tags[2] = 'y'")).containsExactly("tags", "address");
	}

	@Test
	void commasInsideCallsStringsBodiesAndCommentsSeparateNothing() {
		assertThat(columns("a = concat(x, ',', y) /* , b = 1 */, c = $q$, d = $q$ -- , e = 2\n, f = E'\\', g = 1'"))
			.containsExactly("a", "c", "f");
	}

	@Test
	void anAssignmentWithoutAColumnIsRefusedNamingTheTable() {
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> columns("round(total * 100)"))
			.withMessageContaining("backfill of orders")
			.withMessageContaining("column = expression");
	}

	@Test
	void aKeyThatWouldEndTheBlocksQuoteIsRefused() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> new Backfill(QualifiedName.parse("orders"), "id$backfill$", "a = 1", "a IS NULL", 100,
					Duration.ZERO, Duration.ZERO))
			.withMessageContaining("$backfill$");
	}

	private static List<String> columns(String assignment) {
		return new Backfill(QualifiedName.parse("orders"), "id", assignment, "true", 100, Duration.ZERO, Duration.ZERO)
			.columns();
	}

}
