package dev.migration.core.op;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migration.core.MigrationException;
import dev.migration.core.schema.Column;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.schema.DefaultValue;
import dev.migration.core.schema.Identity;
import dev.migration.core.schema.QualifiedName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OpValidationTests {

	private static final QualifiedName T = QualifiedName.parse("app.t");

	@Test
	void qualifiedNamesSplitAtTheFirstDot() {
		assertThat(T).isEqualTo(new QualifiedName("app", "t"));
		assertThat(QualifiedName.parse("t").schema()).isNull();
	}

	@Test
	void namesLongerThanPostgreSqlKeepsAreRefused() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> new DropColumn(T, "c".repeat(64), false, false))
			.withMessage("The column name '" + "c".repeat(64) + "' is longer than 63 bytes; PostgreSQL would "
					+ "truncate it silently. Choose a shorter name.");
	}

	@Test
	void emptyNamesAreRefused() {
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> new RenameTable(T, " "))
			.withMessage("A table name must not be empty.");
	}

	@Test
	void aTableNeedsColumnsWithDistinctNames() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> new CreateTable(T, List.of(), List.of(), false, null))
			.withMessage("Table app.t needs at least one column.");
		Column a = Column.of("a", ColumnType.TEXT);
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> new CreateTable(T, List.of(a, a), List.of(), false, null))
			.withMessage("Table app.t declares column a twice.");
	}

	@Test
	void aColumnHasAtMostOneSourceOfValues() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> new Column("a", ColumnType.INTEGER, true, DefaultValue.of(1), Identity.ALWAYS, null,
					false, false, null, null))
			.withMessage("Column a may have only one of a default, an identity and a generated expression.");
	}

	@Test
	void bulkInsertRowsMustMatchTheColumns() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> new BulkInsert(T, List.of("a", "b"), List.of(Arrays.asList(1, null), List.of(2))))
			.withMessage("Row 2 of the insert into app.t has 1 values for 2 columns [a, b].");
	}

	@Test
	void dropIndexConcurrentlyCannotCascade() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> new DropIndex(QualifiedName.parse("ix"), true, false, true))
			.withMessageStartingWith("Index ix cannot be dropped CONCURRENTLY with CASCADE");
	}

	@Test
	void enumLabelsAreDistinct() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> new CreateEnumType(T, List.of("a", "b", "a")))
			.withMessage("Enum type app.t lists a label twice: [a, b, a].");
	}

	@Test
	void foreignKeyColumnCountsMustMatch() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> RecordedOps.of((op) -> op.addForeignKey("fk", "t",
					(fk) -> fk.columns("a", "b").references("u", "id"))))
			.withMessage("Foreign key 'fk' has 2 columns but references 1.");
	}

	@Test
	void builtInTypesMustBeKeywords() {
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> ColumnType.builtIn("int; drop"))
			.withMessage("'int; drop' is not a built-in type keyword; use ColumnType.named(...)");
	}

	@Test
	void multiWordTypeKeywordsTakeNoModifiers() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> ColumnType.builtIn("timestamp with time zone").withModifiers(3))
			.withMessage("Type 'timestamp with time zone' takes no modifiers in this form; use the one-word spelling, "
					+ "such as timestamptz(3) or varchar(20).");
	}

	@Test
	void aUniqueConstraintOnAnIndexTakesNullHandlingFromTheIndex() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> new dev.migration.core.schema.TableConstraint.Unique("uq", List.of(), "ix", true))
			.withMessageStartingWith("The unique constraint 'uq' takes NULLS NOT DISTINCT from its index ix");
	}

}
