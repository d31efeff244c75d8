package dev.migration.core.integration;

import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.migration.core.Migration;
import dev.migration.core.execute.StepFailedException;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.schema.DropOption;
import dev.migration.core.schema.ReferentialAction;
import dev.migration.core.schema.TableConstraint;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@PostgresTest
class ConstraintOperationsTests {

	private final DataSource dataSource;

	private final Catalog catalog;

	ConstraintOperationsTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.catalog = new Catalog(dataSource);
	}

	@Test
	void createTableDeclaresCompositeKeysChecksAndForeignKeys() {
		upgrade((op) -> {
			op.createTable("region", (t) -> t.column("country", ColumnType.character(2))
				.column("code", ColumnType.TEXT)
				.primaryKey("country", "code"));
			op.createTable("office", (t) -> t.column("id", ColumnType.INTEGER)
				.column("country", ColumnType.character(2))
				.column("code", ColumnType.TEXT)
				.column("floors", ColumnType.INTEGER)
				.primaryKeyNamed("pk_office", "id")
				.unique("uq_office_code", "country", "code", "floors")
				.check("ck_office_floors", "floors > 0")
				.foreignKey("fk_office_region", (fk) -> fk.columns("country", "code").references("region")));
		});
		assertThat(this.catalog.constraint("region", "region_pkey")).isEqualTo("PRIMARY KEY (country, code)");
		assertThat(this.catalog.constraints("office"))
			.containsExactly("ck_office_floors", "fk_office_region", "pk_office", "uq_office_code");
		assertThat(this.catalog.constraint("office", "pk_office")).isEqualTo("PRIMARY KEY (id)");
		assertThat(this.catalog.constraint("office", "uq_office_code")).isEqualTo("UNIQUE (country, code, floors)");
		assertThat(this.catalog.constraint("office", "ck_office_floors")).isEqualTo("CHECK ((floors > 0))");
		assertThat(this.catalog.constraint("office", "fk_office_region"))
			.isEqualTo("FOREIGN KEY (country, code) REFERENCES region(country, code)");
	}

	@Test
	void addedPrimaryKeyUniqueAndCheckConstraintsAreEnforced() {
		plainTable("added");
		upgrade((op) -> {
			op.addPrimaryKey("pk_added", "added", "id");
			op.addUnique("uq_added_code", "added", "code");
			op.addCheck("ck_added_amount", "added", "amount >= 0");
		});
		assertThat(this.catalog.constraint("added", "pk_added")).isEqualTo("PRIMARY KEY (id)");
		assertThat(this.catalog.constraint("added", "uq_added_code")).isEqualTo("UNIQUE (code)");
		assertThat(this.catalog.constraint("added", "ck_added_amount")).isEqualTo("CHECK ((amount >= 0))");
		assertThat(this.catalog.validated("added", "ck_added_amount")).isTrue();
		assertThatExceptionOfType(StepFailedException.class)
			.isThrownBy(() -> upgrade((op) -> op.execute("INSERT INTO added VALUES (1, 'a', -1)")))
			.withMessageContaining("ck_added_amount");
	}

	@Test
	void checkNotValidSkipsExistingRowsUntilValidated() {
		plainTable("unchecked");
		this.catalog.jdbc().update("INSERT INTO unchecked VALUES (1, 'a', -5)");
		upgrade((op) -> op.addCheckNotValid("ck_unchecked_amount", "unchecked", "amount >= 0"));
		assertThat(this.catalog.validated("unchecked", "ck_unchecked_amount")).isFalse();
		assertThat(this.catalog.constraint("unchecked", "ck_unchecked_amount"))
			.isEqualTo("CHECK ((amount >= 0)) NOT VALID");
		assertThatExceptionOfType(StepFailedException.class)
			.isThrownBy(() -> upgrade((op) -> op.validateConstraint("ck_unchecked_amount", "unchecked")))
			.withMessageContaining("23514");
		assertThat(this.catalog.validated("unchecked", "ck_unchecked_amount")).isFalse();
		this.catalog.jdbc().update("UPDATE unchecked SET amount = 0");
		upgrade((op) -> op.validateConstraint("ck_unchecked_amount", "unchecked"));
		assertThat(this.catalog.validated("unchecked", "ck_unchecked_amount")).isTrue();
	}

	@Test
	void foreignKeyNotValidIsValidatedLater() {
		parentAndChild("nv_parent", "nv_child");
		this.catalog.jdbc().update("INSERT INTO nv_child VALUES (1, 99)");
		upgrade((op) -> op.addForeignKey("fk_nv_child_parent", "nv_child",
				(fk) -> fk.columns("parent_id").references("nv_parent", "id").notValid()));
		assertThat(this.catalog.validated("nv_child", "fk_nv_child_parent")).isFalse();
		assertThat(this.catalog.constraint("nv_child", "fk_nv_child_parent"))
			.isEqualTo("FOREIGN KEY (parent_id) REFERENCES nv_parent(id) NOT VALID");
		this.catalog.jdbc().update("INSERT INTO nv_parent VALUES (99)");
		upgrade((op) -> op.validateConstraint("fk_nv_child_parent", "nv_child"));
		assertThat(this.catalog.validated("nv_child", "fk_nv_child_parent")).isTrue();
	}

	@Test
	void foreignKeyActionsCascadeDeletesAndNullUpdates() {
		parentAndChild("act_parent", "act_child");
		upgrade((op) -> op.addForeignKey("fk_act", "act_child", (fk) -> fk.columns("parent_id")
			.references("act_parent", "id")
			.onDelete(ReferentialAction.CASCADE)
			.onUpdate(ReferentialAction.SET_NULL)));
		assertThat(this.catalog.constraint("act_child", "fk_act"))
			.isEqualTo("FOREIGN KEY (parent_id) REFERENCES act_parent(id) ON UPDATE SET NULL ON DELETE CASCADE");
		this.catalog.jdbc().update("INSERT INTO act_parent VALUES (1), (2)");
		this.catalog.jdbc().update("INSERT INTO act_child VALUES (10, 1), (20, 2)");
		this.catalog.jdbc().update("DELETE FROM act_parent WHERE id = 1");
		this.catalog.jdbc().update("UPDATE act_parent SET id = 3 WHERE id = 2");
		assertThat(this.catalog.textRows("act_child")).containsExactly(Arrays.asList("20", null));
	}

	@Test
	void otherReferentialActionsAreRecordedAsWritten() {
		parentAndChild("other_parent", "other_child");
		upgrade((op) -> {
			op.addForeignKey("fk_restrict", "other_child", (fk) -> fk.columns("parent_id")
				.references("other_parent", "id")
				.onDelete(ReferentialAction.RESTRICT)
				.onUpdate(ReferentialAction.NO_ACTION));
			op.addForeignKey("fk_default", "other_child",
					(fk) -> fk.columns("parent_id").references("other_parent").onDelete(ReferentialAction.SET_DEFAULT));
		});
		assertThat(this.catalog.constraint("other_child", "fk_restrict"))
			.isEqualTo("FOREIGN KEY (parent_id) REFERENCES other_parent(id) ON DELETE RESTRICT");
		assertThat(this.catalog.constraint("other_child", "fk_default"))
			.isEqualTo("FOREIGN KEY (parent_id) REFERENCES other_parent(id) ON DELETE SET DEFAULT");
	}

	@Test
	void deferredForeignKeyIsCheckedOnlyAtCommit() {
		parentAndChild("def_parent", "def_child");
		upgrade((op) -> {
			op.addForeignKey("fk_deferred", "def_child",
					(fk) -> fk.columns("parent_id").references("def_parent", "id").initiallyDeferred());
			op.addForeignKey("fk_deferrable", "def_child",
					(fk) -> fk.columns("parent_id").references("def_parent", "id").deferrable());
		});
		assertThat(this.catalog.constraint("def_child", "fk_deferred"))
			.isEqualTo("FOREIGN KEY (parent_id) REFERENCES def_parent(id) DEFERRABLE INITIALLY DEFERRED");
		assertThat(this.catalog.constraint("def_child", "fk_deferrable"))
			.isEqualTo("FOREIGN KEY (parent_id) REFERENCES def_parent(id) DEFERRABLE");
		upgrade((op) -> {
			op.execute("SET CONSTRAINTS fk_deferrable DEFERRED");
			op.execute("INSERT INTO def_child VALUES (1, 7)");
			op.execute("INSERT INTO def_parent VALUES (7)");
		});
		assertThat(this.catalog.textRows("def_child")).containsExactly(List.of("1", "7"));
	}

	@Test
	void uniqueConstraintCanAdoptAConcurrentlyBuiltIndex() {
		plainTable("adopting");
		upgrade((op) -> op.createIndex("ux_adopting_code", "adopting", (i) -> i.on("code").unique().concurrently()));
		upgrade((op) -> op.addUniqueUsingIndex("uq_adopting_code", "adopting", "ux_adopting_code"));
		assertThat(this.catalog.constraint("adopting", "uq_adopting_code")).isEqualTo("UNIQUE (code)");
		// PostgreSQL renames the adopted index after the constraint
		assertThat(this.catalog.index("ux_adopting_code")).isNull();
		assertThat(this.catalog.value("SELECT conindid::regclass::text FROM pg_constraint WHERE conname = ?",
				String.class, "uq_adopting_code"))
			.isEqualTo("uq_adopting_code");
	}

	@Test
	void primaryKeyCanAdoptAnIndexAndUniqueCanTreatNullsAsEqual() {
		plainTable("adopted_key");
		upgrade((op) -> op.createIndex("ux_adopted_key_id", "adopted_key", (i) -> i.on("id").unique().concurrently()));
		upgrade((op) -> {
			op.setNotNull("adopted_key", "id");
			op.addConstraint("adopted_key",
					new TableConstraint.PrimaryKey("pk_adopted_key", List.of(), "ux_adopted_key_id"));
			op.addConstraint("adopted_key",
					new TableConstraint.Unique("uq_adopted_key_code", List.of("code"), null, true));
		});
		assertThat(this.catalog.constraint("adopted_key", "pk_adopted_key")).isEqualTo("PRIMARY KEY (id)");
		assertThat(this.catalog.constraint("adopted_key", "uq_adopted_key_code"))
			.isEqualTo("UNIQUE NULLS NOT DISTINCT (code)");
		assertThatExceptionOfType(StepFailedException.class)
			.isThrownBy(() -> upgrade((op) -> op.execute("INSERT INTO adopted_key (id) VALUES (1), (2)")))
			.withMessageContaining("uq_adopted_key_code");
	}

	@Test
	void dropConstraintRemovesItAndIfExistsIgnoresAMissingOne() {
		plainTable("loosened");
		upgrade((op) -> op.addCheck("ck_loosened", "loosened", "amount > 0"));
		upgrade((op) -> {
			op.dropConstraint("ck_loosened", "loosened");
			op.dropConstraint("ck_loosened", "loosened", DropOption.IF_EXISTS);
		});
		assertThat(this.catalog.constraints("loosened")).isEmpty();
		this.catalog.jdbc().update("INSERT INTO loosened VALUES (1, 'a', -1)");
	}

	@Test
	void dropConstraintCascadeAlsoDropsTheForeignKeysOnIt() {
		parentAndChild("casc_parent", "casc_child");
		upgrade((op) -> op.addForeignKey("fk_casc", "casc_child",
				(fk) -> fk.columns("parent_id").references("casc_parent")));
		assertThatExceptionOfType(StepFailedException.class)
			.isThrownBy(() -> upgrade((op) -> op.dropConstraint("casc_parent_pkey", "casc_parent")));
		upgrade((op) -> op.dropConstraint("casc_parent_pkey", "casc_parent", DropOption.CASCADE));
		assertThat(this.catalog.constraints("casc_parent")).isEmpty();
		assertThat(this.catalog.constraints("casc_child")).containsExactly("casc_child_pkey");
	}

	@Test
	void foreignKeysReferenceTablesInOtherSchemas() {
		upgrade((op) -> {
			op.createSchema("ref");
			op.createTable("ref.currency", (t) -> t.column("code", ColumnType.character(3), (c) -> c.primaryKey()));
			op.createTable("price", (t) -> t.column("currency", ColumnType.character(3)));
			op.addForeignKey("fk_price_currency", "price",
					(fk) -> fk.columns("currency").references("ref.currency", "code"));
		});
		assertThat(this.catalog.constraint("price", "fk_price_currency"))
			.isEqualTo("FOREIGN KEY (currency) REFERENCES ref.currency(code)");
	}

	private void plainTable(String name) {
		upgrade((op) -> op.createTable(name, (t) -> t.column("id", ColumnType.INTEGER)
			.column("code", ColumnType.TEXT)
			.column("amount", ColumnType.INTEGER)));
	}

	private void parentAndChild(String parent, String child) {
		upgrade((op) -> {
			op.createTable(parent, (t) -> t.column("id", ColumnType.INTEGER, (c) -> c.primaryKey()));
			op.createTable(child, (t) -> t.column("id", ColumnType.INTEGER, (c) -> c.primaryKey())
				.column("parent_id", ColumnType.INTEGER, (c) -> c.defaultValue(0)));
		});
	}

	private void upgrade(Migration migration) {
		Steps.upgrade(this.dataSource, migration);
	}

}
