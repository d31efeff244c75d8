package dev.migration.core.integration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.migration.core.Migration;
import dev.migration.core.execute.StepFailedException;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.schema.DropOption;
import dev.migration.core.schema.IndexElement;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@PostgresTest
class IndexOperationsTests {

	private final DataSource dataSource;

	private final Catalog catalog;

	IndexOperationsTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.catalog = new Catalog(dataSource);
	}

	@Test
	void createIndexBuildsABtreeIndexOnTheColumns() {
		table("plain");
		upgrade((op) -> op.createIndex("ix_plain_a_b", "plain", (i) -> i.on("a", "b")));
		assertThat(this.catalog.index("ix_plain_a_b"))
			.isEqualTo("CREATE INDEX ix_plain_a_b ON public.plain USING btree (a, b)");
	}

	@Test
	void uniqueIndexRejectsDuplicates() {
		table("uniq");
		upgrade((op) -> op.createIndex("ux_uniq_a", "uniq", (i) -> i.on("a").unique()));
		assertThat(this.catalog.index("ux_uniq_a"))
			.isEqualTo("CREATE UNIQUE INDEX ux_uniq_a ON public.uniq USING btree (a)");
		assertThatExceptionOfType(StepFailedException.class)
			.isThrownBy(() -> upgrade((op) -> op.execute("INSERT INTO uniq (a) VALUES (1), (1)")))
			.withMessageContaining("23505");
	}

	@Test
	void concurrentIndexIsBuiltValidOutsideATransaction() {
		table("busy");
		this.catalog.jdbc().update("INSERT INTO busy (a, b) SELECT g, g FROM generate_series(1, 100) g");
		upgrade((op) -> op.createIndex("ix_busy_a", "busy", (i) -> i.on("a").unique().concurrently()));
		assertThat(this.catalog.index("ix_busy_a"))
			.isEqualTo("CREATE UNIQUE INDEX ix_busy_a ON public.busy USING btree (a)");
		assertThat(this.catalog.indexValid("ix_busy_a")).isTrue();
	}

	@Test
	void partialIndexKeepsItsPredicate() {
		table("partial");
		upgrade((op) -> op.createIndex("ix_partial_open", "partial", (i) -> i.on("a").where("b IS NULL AND a > 0")));
		assertThat(this.catalog.index("ix_partial_open"))
			.isEqualTo("CREATE INDEX ix_partial_open ON public.partial USING btree (a)"
					+ " WHERE ((b IS NULL) AND (a > 0))");
	}

	@Test
	void includeAddsNonKeyColumns() {
		table("covering");
		upgrade((op) -> op.createIndex("ix_covering", "covering", (i) -> i.on("a").include("b", "name")));
		assertThat(this.catalog.index("ix_covering"))
			.isEqualTo("CREATE INDEX ix_covering ON public.covering USING btree (a) INCLUDE (b, name)");
	}

	@Test
	void expressionKeysDescendingKeysAndOperatorClassesAreKept() {
		table("keys");
		upgrade((op) -> op.createIndex("ix_keys", "keys",
				(i) -> i.onExpression("lower(name)")
					.key(IndexElement.column("b").desc())
					.key(IndexElement.column("name").withOperatorClass("text_pattern_ops").desc())));
		assertThat(this.catalog.index("ix_keys")).isEqualTo(
				"CREATE INDEX ix_keys ON public.keys USING btree (lower(name), b DESC, name text_pattern_ops DESC)");
	}

	@Test
	void ginIndexOnJsonbUsesItsMethodAndOperatorClass() {
		upgrade((op) -> {
			op.createTable("docs", (t) -> t.column("body", ColumnType.JSONB));
			op.createIndex("ix_docs_body", "docs",
					(i) -> i.using("gin").key(IndexElement.column("body").withOperatorClass("jsonb_path_ops")));
		});
		assertThat(this.catalog.index("ix_docs_body"))
			.isEqualTo("CREATE INDEX ix_docs_body ON public.docs USING gin (body jsonb_path_ops)");
	}

	@Test
	void createIndexIfNotExistsLeavesAnExistingIndexAlone() {
		table("twice_indexed");
		upgrade((op) -> op.createIndex("ix_twice", "twice_indexed", (i) -> i.on("a")));
		upgrade((op) -> op.createIndex("ix_twice", "twice_indexed", (i) -> i.on("b").ifNotExists()));
		assertThat(this.catalog.index("ix_twice"))
			.isEqualTo("CREATE INDEX ix_twice ON public.twice_indexed USING btree (a)");
		assertThatExceptionOfType(StepFailedException.class)
			.isThrownBy(() -> upgrade((op) -> op.createIndex("ix_twice", "twice_indexed", (i) -> i.on("b"))))
			.withMessageContaining("already exists");
	}

	@Test
	void indexesOnSchemaQualifiedTablesLiveInThatSchemaAndDropByQualifiedName() {
		upgrade((op) -> {
			op.createSchema("inventory");
			op.createTable("inventory.item", (t) -> t.column("sku", ColumnType.TEXT));
			op.createIndex("ix_item_sku", "inventory.item", (i) -> i.on("sku"));
		});
		assertThat(this.catalog.index("inventory.ix_item_sku"))
			.isEqualTo("CREATE INDEX ix_item_sku ON inventory.item USING btree (sku)");
		upgrade((op) -> op.dropIndex("inventory.ix_item_sku"));
		assertThat(this.catalog.index("inventory.ix_item_sku")).isNull();
	}

	@Test
	void dropIndexIfExistsIgnoresAMissingIndex() {
		table("dropped");
		upgrade((op) -> {
			op.createIndex("ix_dropped", "dropped", (i) -> i.on("a"));
			op.dropIndex("ix_dropped");
			op.dropIndex("ix_dropped", DropOption.IF_EXISTS);
		});
		assertThat(this.catalog.index("ix_dropped")).isNull();
		assertThat(this.catalog.exists("dropped")).isTrue();
	}

	@Test
	void dropIndexConcurrentlyRunsOutsideATransaction() {
		table("concurrent_drop");
		upgrade((op) -> op.createIndex("ix_concurrent_drop", "concurrent_drop", (i) -> i.on("a")));
		upgrade((op) -> op.dropIndex("ix_concurrent_drop", DropOption.CONCURRENTLY, DropOption.IF_EXISTS));
		assertThat(this.catalog.index("ix_concurrent_drop")).isNull();
	}

	@Test
	void dropIndexCascadeAlsoDropsTheForeignKeyThatNeedsIt() {
		upgrade((op) -> {
			op.createTable("referenced", (t) -> t.column("code", ColumnType.TEXT));
			op.createIndex("ux_referenced_code", "referenced", (i) -> i.on("code").unique());
			op.createTable("referencing", (t) -> t.column("code", ColumnType.TEXT)
				.foreignKey("fk_referencing_code", (fk) -> fk.columns("code").references("referenced", "code")));
		});
		assertThatExceptionOfType(StepFailedException.class)
			.isThrownBy(() -> upgrade((op) -> op.dropIndex("ux_referenced_code")));
		upgrade((op) -> op.dropIndex("ux_referenced_code", DropOption.CASCADE));
		assertThat(this.catalog.index("ux_referenced_code")).isNull();
		assertThat(this.catalog.constraint("referencing", "fk_referencing_code")).isNull();
	}

	private void table(String name) {
		upgrade((op) -> op.createTable(name, (t) -> t.column("a", ColumnType.INTEGER)
			.column("b", ColumnType.INTEGER)
			.column("name", ColumnType.TEXT)));
	}

	private void upgrade(Migration migration) {
		Steps.upgrade(this.dataSource, migration);
	}

}
