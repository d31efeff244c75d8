package dev.migration.core.op;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migration.core.Migration;
import dev.migration.core.schema.Column;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.schema.DefaultValue;
import dev.migration.core.schema.IndexElement;
import dev.migration.core.schema.QualifiedName;
import dev.migration.core.schema.TableConstraint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReversalTests {

	private static final QualifiedName ACCOUNT = new QualifiedName(null, "account");

	private static final QualifiedName CUSTOMER = new QualifiedName(null, "customer");

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
			.withMessage("The upgrade drops column account.legacy, whose values no downgrade can bring back. "
					+ "Write downgrade() for this revision, or retire the column with op.retireColumn to keep them.")
			.satisfies((ex) -> assertThat(ex.operation()).isEqualTo(new DropColumn(ACCOUNT, "legacy", false, false)));
	}

	@Test
	void theRefusalNamesTheRevisionOfAnAnnotatedMigration() {
		assertThatExceptionOfType(IrreversibleOperationException.class).isThrownBy(() -> Reversal.of(new SeedsRows()))
			.withMessageStartingWith("The upgrade of revision 'r9' holds BulkInsert[")
			.withMessageEndingWith("which has no automatic reverse. Write downgrade() for this revision.");
	}

	@Test
	void aContractStepThatDeclaresNothingAboutTheOldColumnIsRefusedNamingIt() {
		Migration migration = (op) -> op.finishRenameColumnOnline("customer", "name", "full_name", ColumnType.TEXT);
		assertThatExceptionOfType(IrreversibleOperationException.class).isThrownBy(() -> Reversal.of(migration))
			.withMessage("The upgrade drops column customer.name without declaring what it had besides its type "
					+ "(NOT NULL, default, checks, indexes), so a derived downgrade could not restore them. Declare "
					+ "them as the last argument of the contract step, such as old -> old.notNull()"
					+ ".index(\"ix_customer_name\") or old -> { } for none, and the run checks them against the "
					+ "database before the drop; or write downgrade() for this revision.");
	}

	@Test
	void aContractStepThatDeclaresTheOldColumnRestoresItWithLowLockSteps() {
		ColumnSync sync = new ColumnSync(CUSTOMER, "name", "full_name");
		List<Op> reverse = Reversal.of((op) -> op.finishRenameColumnOnline("customer", "name", "full_name",
				ColumnType.TEXT, (old) -> old.notNull()
					.defaultValue("anon")
					.check("customer_name_not_blank", "name <> ''")
					.index("ix_customer_name")));
		assertThat(reverse).containsExactly(new AddColumn(CUSTOMER, Column.of("name", ColumnType.TEXT), false),
				new CreateColumnSync(sync),
				new AddConstraint(CUSTOMER, new TableConstraint.Check("customer_name_not_blank", "name <> ''", true)),
				sync.reversed().backfill("id"),
				new CreateIndex("ix_customer_name", CUSTOMER, List.of(IndexElement.column("name")), false, true, false,
						null, List.of(), null),
				new ValidateConstraint(CUSTOMER, "customer_name_not_blank"),
				new AlterColumnDefault(CUSTOMER, "name", DefaultValue.of("anon"), DefaultValue.NONE),
				new SetNotNullOnline(CUSTOMER, "name"));
	}

	@Test
	void aDeclaredContractStepChecksTheColumnBeforeItDropsIt() {
		List<Op> ops = RecordedOps.of((op) -> op.finishChangeColumnTypeOnline("orders", "total", "total_cents",
				ColumnType.NUMERIC, "round(total * 100)", "total_cents / 100.0", (old) -> old.index("b_ix")
					.check("a_ck", "total >= 0")
					.defaultValue(0)
					.notNull()));
		FinishRenameColumnOnline finish = (FinishRenameColumnOnline) ops.get(0);
		assertThat(finish.steps()).first().isInstanceOfSatisfying(VerifyColumnShape.class,
				(verify) -> assertThat(verify.shape().features()).containsExactly("NOT NULL", "DEFAULT", "CHECK a_ck",
						"INDEX b_ix"));
		assertThat(new FinishRenameColumnOnline(finish.sync(), finish.type(), "id").steps().get(0))
			.isInstanceOf(DropColumnSync.class);
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

	@dev.migration.core.Revision(id = "r9")
	static class SeedsRows implements Migration {

		@Override
		public void upgrade(dev.migration.core.Operations op) {
			op.insert("account", (r) -> r.value("id", 1));
		}

	}

}
