package dev.migration.core.op;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migration.core.Migration;
import dev.migration.core.schema.Column;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.schema.DefaultValue;
import dev.migration.core.schema.QualifiedName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReversalTests {

	private static final QualifiedName ACCOUNT = new QualifiedName(null, "account");

	@Test
	void reversesEachOpAndTheirOrder() {
		Migration migration = (op) -> {
			op.createTable("account", (t) -> t.column("id", ColumnType.BIGINT));
			op.addColumn("account", "email", ColumnType.TEXT);
			op.createIndex("ix_account_email", "account", (i) -> i.on("email").concurrently());
			op.renameColumn("account", "email", "mail");
		};
		assertThat(Reversal.of(migration)).containsExactly(new RenameColumn(ACCOUNT, "mail", "email"),
				new DropIndex(ACCOUNT.sibling("ix_account_email"), true, false, false),
				new DropColumn(ACCOUNT, "email", false, false), new DropTable(ACCOUNT, false, false));
	}

	@Test
	void typeDefaultAndCommentChangesReverseWhenTheirPreviousStateIsKnown() {
		Migration migration = (op) -> {
			op.alterColumnType("account", "age", ColumnType.BIGINT, (c) -> c.from(ColumnType.INTEGER));
			op.changeDefault("account", "age", DefaultValue.NONE, DefaultValue.of(0));
			op.apply(new CommentOnColumn(ACCOUNT, "age", "years", ""));
			op.setNotNull("account", "age");
		};
		assertThat(Reversal.of(migration)).containsExactly(new AlterColumnNullability(ACCOUNT, "age", true),
				new CommentOnColumn(ACCOUNT, "age", null, "years"),
				new AlterColumnDefault(ACCOUNT, "age", DefaultValue.NONE, DefaultValue.of(0)),
				new AlterColumnType(ACCOUNT, "age", ColumnType.INTEGER, null, ColumnType.BIGINT, null));
	}

	@Test
	void constraintsViewsSequencesAndTypesReverseToTheirDrop() {
		Migration migration = (op) -> {
			op.addCheckNotValid("ck_age", "account", "age >= 0");
			op.validateConstraint("ck_age", "account");
			op.createView("adults", "SELECT * FROM account WHERE age >= 18");
			op.createSequence("ticket");
			op.createEnumType("mood", "ok");
			op.createSchema("audit");
			op.execute("CREATE EXTENSION citext", "DROP EXTENSION citext");
		};
		assertThat(Reversal.of(migration)).containsExactly(new ExecuteSql("DROP EXTENSION citext", "CREATE EXTENSION citext"),
				new DropSchema("audit", false, false), new DropType(new QualifiedName(null, "mood"), false, false),
				new DropSequence(new QualifiedName(null, "ticket"), false, false),
				new DropView(new QualifiedName(null, "adults"), false, false, false),
				new DropConstraint(ACCOUNT, "ck_age", false, false));
	}

	@Test
	void functionsAndTriggersReverseToTheirDropAndADropThatSaysWhatItWasToItsCreate() {
		Migration migration = (op) -> {
			op.createFunction("audit_order", (f) -> f.returnsTrigger().body("BEGIN RETURN NEW; END"));
			op.createTrigger("orders_audit", "orders", (t) -> t.after().onInsert().forEachRow().execute("audit_order"));
			op.dropTrigger("old_audit", "orders", (t) -> t.after().onDelete().forEachRow().execute("audit_order"));
		};
		List<Op> reverse = Reversal.of(migration);
		assertThat(reverse).hasSize(3);
		assertThat(reverse.get(0)).isInstanceOfSatisfying(CreateTrigger.class,
				(create) -> assertThat(create.trigger().name()).isEqualTo("old_audit"));
		assertThat(reverse.get(1)).isInstanceOfSatisfying(DropTrigger.class,
				(drop) -> assertThat(drop.name()).isEqualTo("orders_audit"));
		assertThat(reverse.get(2)).isInstanceOfSatisfying(DropFunction.class,
				(drop) -> assertThat(drop.name()).isEqualTo(new QualifiedName(null, "audit_order")));
		assertThat(Reversal.of((op) -> op.dropFunction("audit_order", (f) -> f.returnsTrigger()
			.body("BEGIN RETURN NEW; END")))).singleElement().isInstanceOf(CreateFunction.class);
		assertThat(new DropFunction(new QualifiedName(null, "f"), List.of(), false, false, null).reverse()).isEmpty();
		assertThat(new DropTrigger("t", ACCOUNT, false, null).reverse()).isEmpty();
	}

	@Test
	void anIrreversibleOpIsNamedWithTheWayOut() {
		Migration migration = (op) -> {
			op.addColumn("account", "email", ColumnType.TEXT);
			op.dropColumn("account", "legacy");
		};
		assertThatExceptionOfType(IrreversibleOperationException.class).isThrownBy(() -> Reversal.of(migration))
			.withMessage("The upgrade holds DropColumn[table=account, column=legacy, ifExists=false, cascade=false], "
					+ "which has no automatic reverse. Write downgrade() for this revision.")
			.satisfies((ex) -> assertThat(ex.operation()).isEqualTo(new DropColumn(ACCOUNT, "legacy", false, false)));
	}

	@Test
	void anUpgradeThatReadsTheDatabaseCannotBeReversed() {
		Migration migration = (op) -> op.queryForList("SELECT 1");
		assertThatExceptionOfType(IrreversibleOperationException.class).isThrownBy(() -> Reversal.of(migration))
			.withMessageContaining("reads the database ('SELECT 1')");
	}

	@Test
	void anUnnamedConstraintOrAReplacedViewHasNoReverse() {
		AddConstraint unnamed = new AddConstraint(ACCOUNT,
				new dev.migration.core.schema.TableConstraint.Check(null, "age > 0", false));
		assertThat(unnamed.reverse()).isEmpty();
		assertThat(new CreateView(new QualifiedName(null, "v"), "SELECT 1", true, false).reverse()).isEmpty();
		assertThat(new AddColumn(ACCOUNT, Column.of("x", ColumnType.TEXT), false).reverse())
			.contains(List.of(new DropColumn(ACCOUNT, "x", false, false)));
	}

}
