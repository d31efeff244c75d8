package dev.migration.core.integration;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.migration.core.Migration;
import dev.migration.core.execute.StepFailedException;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.schema.DropOption;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@PostgresTest
class TableAndColumnOperationsTests {

	private final DataSource dataSource;

	private final Catalog catalog;

	TableAndColumnOperationsTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.catalog = new Catalog(dataSource);
	}

	@Test
	void createTableMakesTheDeclaredColumnsKeysAndComments() {
		upgrade((op) -> op.createTable("account", (t) -> t.comment("People who log in")
			.column("id", ColumnType.BIGINT, (c) -> c.identity().primaryKey())
			.column("email", ColumnType.TEXT, (c) -> c.notNull().unique().comment("login name"))
			.column("nickname", ColumnType.varchar(30))));
		assertThat(this.catalog.columns("account")).containsExactly("id", "email", "nickname");
		assertThat(this.catalog.type("account", "id")).isEqualTo("bigint");
		assertThat(this.catalog.nullable("account", "id")).isFalse();
		assertThat(this.catalog.nullable("account", "email")).isFalse();
		assertThat(this.catalog.nullable("account", "nickname")).isTrue();
		assertThat(this.catalog.constraint("account", "account_pkey")).isEqualTo("PRIMARY KEY (id)");
		assertThat(this.catalog.constraint("account", "account_email_key")).isEqualTo("UNIQUE (email)");
		assertThat(this.catalog.tableComment("account")).isEqualTo("People who log in");
		assertThat(this.catalog.columnComment("account", "email")).isEqualTo("login name");
	}

	@Test
	void createTableIfNotExistsLeavesAnExistingTableAsItWas() {
		upgrade((op) -> op.createTable("existing", (t) -> t.column("a", ColumnType.INTEGER)));
		upgrade((op) -> op.createTable("existing", (t) -> t.ifNotExists().column("b", ColumnType.TEXT)));
		assertThat(this.catalog.columns("existing")).containsExactly("a");
	}

	@Test
	void createTableWithoutIfNotExistsFailsOnAnExistingTable() {
		upgrade((op) -> op.createTable("twice", (t) -> t.column("a", ColumnType.INTEGER)));
		assertThatExceptionOfType(StepFailedException.class)
			.isThrownBy(() -> upgrade((op) -> op.createTable("twice", (t) -> t.column("b", ColumnType.TEXT))))
			.withMessageContaining("already exists");
		assertThat(this.catalog.columns("twice")).containsExactly("a");
	}

	@Test
	void schemaQualifiedTablesAreCreatedRenamedAndDroppedInTheirSchema() {
		upgrade((op) -> {
			op.createSchema("sales");
			op.createTable("sales.orders", (t) -> t.column("id", ColumnType.INTEGER, (c) -> c.primaryKey()));
		});
		assertThat(this.catalog.exists("sales.orders")).isTrue();
		assertThat(this.catalog.exists("public.orders")).isFalse();
		upgrade((op) -> op.renameTable("sales.orders", "purchases"));
		assertThat(this.catalog.exists("sales.orders")).isFalse();
		assertThat(this.catalog.columns("sales.purchases")).containsExactly("id");
		upgrade((op) -> op.dropTable("sales.purchases"));
		assertThat(this.catalog.exists("sales.purchases")).isFalse();
		assertThat(this.catalog.schemaExists("sales")).isTrue();
	}

	@Test
	void dropSchemaCascadeDropsTheSchemaWithItsTables() {
		upgrade((op) -> {
			op.createSchema("archive");
			op.createTable("archive.old", (t) -> t.column("a", ColumnType.INTEGER));
		});
		assertThatExceptionOfType(StepFailedException.class)
			.isThrownBy(() -> upgrade((op) -> op.dropSchema("archive")));
		assertThat(this.catalog.schemaExists("archive")).isTrue();
		upgrade((op) -> op.dropSchema("archive", DropOption.CASCADE));
		assertThat(this.catalog.schemaExists("archive")).isFalse();
		upgrade((op) -> op.dropSchema("archive", DropOption.IF_EXISTS));
	}

	@Test
	void renameTableKeepsItsColumnsAndRows() {
		upgrade((op) -> {
			op.createTable("before_name", (t) -> t.column("a", ColumnType.INTEGER));
			op.execute("INSERT INTO before_name VALUES (7)");
			op.renameTable("before_name", "after_name");
		});
		assertThat(this.catalog.exists("before_name")).isFalse();
		assertThat(this.catalog.textRows("after_name")).containsExactly(List.of("7"));
	}

	@Test
	void dropTableIfExistsIgnoresAMissingTableWhereAPlainDropFails() {
		upgrade((op) -> op.dropTable("never_created", DropOption.IF_EXISTS));
		assertThatExceptionOfType(StepFailedException.class)
			.isThrownBy(() -> upgrade((op) -> op.dropTable("never_created")))
			.withMessageContaining("does not exist");
	}

	@Test
	void dropTableCascadeAlsoDropsTheViewsOnIt() {
		upgrade((op) -> {
			op.createTable("viewed", (t) -> t.column("a", ColumnType.INTEGER));
			op.createView("viewed_view", "SELECT a FROM viewed");
		});
		assertThatExceptionOfType(StepFailedException.class).isThrownBy(() -> upgrade((op) -> op.dropTable("viewed")))
			.withMessageContaining("depend");
		upgrade((op) -> op.dropTable("viewed", DropOption.CASCADE));
		assertThat(this.catalog.exists("viewed")).isFalse();
		assertThat(this.catalog.exists("viewed_view")).isFalse();
	}

	@Test
	void addColumnWithDefaultAndNotNullFillsExistingRows() {
		upgrade((op) -> {
			op.createTable("grown", (t) -> t.column("id", ColumnType.INTEGER));
			op.execute("INSERT INTO grown VALUES (1), (2)");
			op.addColumn("grown", "plain", ColumnType.TEXT);
			op.addColumn("grown", "status", ColumnType.varchar(10),
					(c) -> c.notNull().defaultValue("new").comment("lifecycle"));
		});
		assertThat(this.catalog.columns("grown")).containsExactly("id", "plain", "status");
		assertThat(this.catalog.type("grown", "status")).isEqualTo("character varying(10)");
		assertThat(this.catalog.nullable("grown", "status")).isFalse();
		assertThat(this.catalog.defaultOf("grown", "status")).isEqualTo("'new'::character varying");
		assertThat(this.catalog.columnComment("grown", "status")).isEqualTo("lifecycle");
		assertThat(this.catalog.textRows("grown")).containsExactly(Arrays.asList("1", null, "new"),
				Arrays.asList("2", null, "new"));
	}

	@Test
	void dropColumnRemovesItAndIfExistsIgnoresAMissingOne() {
		upgrade((op) -> {
			op.createTable("shrunk", (t) -> t.column("a", ColumnType.INTEGER).column("b", ColumnType.TEXT));
			op.dropColumn("shrunk", "b");
			op.dropColumn("shrunk", "b", DropOption.IF_EXISTS);
		});
		assertThat(this.catalog.columns("shrunk")).containsExactly("a");
	}

	@Test
	void dropColumnCascadeDropsTheViewThatReadsIt() {
		upgrade((op) -> {
			op.createTable("source", (t) -> t.column("a", ColumnType.INTEGER).column("b", ColumnType.INTEGER));
			op.createView("source_b", "SELECT b FROM source");
		});
		assertThatExceptionOfType(StepFailedException.class)
			.isThrownBy(() -> upgrade((op) -> op.dropColumn("source", "b")));
		upgrade((op) -> op.dropColumn("source", "b", DropOption.CASCADE));
		assertThat(this.catalog.columns("source")).containsExactly("a");
		assertThat(this.catalog.exists("source_b")).isFalse();
	}

	@Test
	void renameColumnKeepsTypeAndValues() {
		upgrade((op) -> {
			op.createTable("renamed", (t) -> t.column("old_name", ColumnType.numeric(6, 2)));
			op.execute("INSERT INTO renamed VALUES (12.5)");
			op.renameColumn("renamed", "old_name", "new_name");
		});
		assertThat(this.catalog.columns("renamed")).containsExactly("new_name");
		assertThat(this.catalog.type("renamed", "new_name")).isEqualTo("numeric(6,2)");
		assertThat(this.catalog.textRows("renamed")).containsExactly(List.of("12.50"));
	}

	@Test
	void alterColumnTypeUsingConvertsTheExistingValues() {
		upgrade((op) -> {
			op.createTable("converted", (t) -> t.column("amount", ColumnType.TEXT));
			op.execute("INSERT INTO converted VALUES (' 42 '), ('7')");
			op.alterColumnType("converted", "amount", ColumnType.INTEGER,
					(change) -> change.using("trim(amount)::integer"));
		});
		assertThat(this.catalog.type("converted", "amount")).isEqualTo("integer");
		assertThat(this.catalog.rows("SELECT amount FROM converted ORDER BY amount"))
			.containsExactly(Map.of("amount", 7), Map.of("amount", 42));
	}

	@Test
	void alterColumnTypeWithoutUsingWidensTheType() {
		upgrade((op) -> {
			op.createTable("widened", (t) -> t.column("code", ColumnType.varchar(3)).column("n", ColumnType.INTEGER));
			op.alterColumnType("widened", "code", ColumnType.varchar(50));
			op.alterColumnType("widened", "n", ColumnType.BIGINT);
		});
		assertThat(this.catalog.type("widened", "code")).isEqualTo("character varying(50)");
		assertThat(this.catalog.type("widened", "n")).isEqualTo("bigint");
	}

	@Test
	void setNotNullAndDropNotNullChangeTheNullability() {
		upgrade((op) -> {
			op.createTable("strict",
					(t) -> t.column("a", ColumnType.INTEGER).column("b", ColumnType.INTEGER, (c) -> c.notNull()));
			op.setNotNull("strict", "a");
			op.dropNotNull("strict", "b");
		});
		assertThat(this.catalog.nullable("strict", "a")).isFalse();
		assertThat(this.catalog.nullable("strict", "b")).isTrue();
	}

	@Test
	void setNotNullFailsWhileARowHoldsNull() {
		upgrade((op) -> {
			op.createTable("holey", (t) -> t.column("a", ColumnType.INTEGER));
			op.execute("INSERT INTO holey VALUES (NULL)");
		});
		assertThatExceptionOfType(StepFailedException.class)
			.isThrownBy(() -> upgrade((op) -> op.setNotNull("holey", "a")))
			.withMessageContaining("23502");
		assertThat(this.catalog.nullable("holey", "a")).isTrue();
	}

	@Test
	void commentsOnTablesAndColumnsKeepQuotesAndBackslashesAndCanBeRemoved() {
		String tricky = "it's a \\path\\ with \"quotes\";\nand a second line";
		upgrade((op) -> {
			op.createTable("commented", (t) -> t.column("a", ColumnType.INTEGER));
			op.commentOnTable("commented", tricky);
			op.commentOnColumn("commented", "a", tricky + " for a");
		});
		assertThat(this.catalog.tableComment("commented")).isEqualTo(tricky);
		assertThat(this.catalog.columnComment("commented", "a")).isEqualTo(tricky + " for a");
		upgrade((op) -> {
			op.commentOnTable("commented", null);
			op.commentOnColumn("commented", "a", null);
		});
		assertThat(this.catalog.tableComment("commented")).isNull();
		assertThat(this.catalog.columnComment("commented", "a")).isNull();
	}

	@Test
	void identifiersThatNeedQuotingAreCreatedExactlyAsWritten() {
		upgrade((op) -> op.createTable("Order Lines", (t) -> t.column("select", ColumnType.INTEGER)
			.column("CamelCase", ColumnType.TEXT)
			.column("with \"quote\"", ColumnType.TEXT)));
		assertThat(this.catalog.columns("\"Order Lines\"")).containsExactly("select", "CamelCase", "with \"quote\"");
	}

	private void upgrade(Migration migration) {
		Steps.upgrade(this.dataSource, migration);
	}

}
