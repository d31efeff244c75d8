package dev.migration.jpa;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.Migration;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.lint.Linter;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.jpa.generate.DeclaredRenames;
import dev.migration.jpa.generate.GeneratedRevision;
import dev.migration.jpa.generate.RevisionWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AutogenerateTests {

	private static final Class<?>[] EVERY_SHAPE = { Shapes.Customer.class, Shapes.Doc.class, Shapes.Animal.class,
			Shapes.Dog.class, Shapes.Vehicle.class, Shapes.Car.class, MoreShapes.Author.class, MoreShapes.Book.class,
			MoreShapes.Receipt.class, MoreShapes.Label.class, LastShapes.Invoice.class, LastShapes.Payment.class,
			LastShapes.InvoiceSummary.class };

	@Test
	void everyShapeFromNothingIsWrittenCompilesLintsCleanAndThenMatches() {
		EntitySchema entities = EntitySchema.of(EVERY_SHAPE);
		GeneratedRevision generated = generate(List.of(), entities, DeclaredRenames.NONE);
		assertThat(generated.unwritten()).isEmpty();
		CompiledRevision.Compiled compiled = CompiledRevision.of(generated, "g1", List.of());
		MigrationCatalog catalog = MigrationCatalog.of(List.of(compiled.revision()));
		assertThat(Linter.lint(catalog).errors()).as(compiled.source()).isEmpty();
		assertThat(EntityModelCheck.of(catalog).diff(entities).describe()).as(compiled.source()).isEmpty();
		try (ScratchDatabases.Scratch database = ScratchDatabases.testServer().open("stairway")) {
			Migrator migrator = migrator(database.dataSource(), catalog);
			migrator.upgrade("heads");
			migrator.downgrade("base");
			assertThat(new JdbcTemplate(database.dataSource()).queryForObject(
					"SELECT count(*) FROM pg_class WHERE relname = 'customer'", Integer.class)).isZero();
			migrator.upgrade("heads");
		}
	}

	@Test
	void changesOnTopOfAHistoryWithRowsAreWrittenSafelyAndThenMatch() {
		EntitySchema entities = EntitySchema.of(Evolution.Shop.class, Evolution.Clerk.class);
		Migration first = new Evolution.CreateShop();
		GeneratedRevision generated = generate(List.of(first), entities, DeclaredRenames.NONE);
		CompiledRevision.Compiled compiled = CompiledRevision.of(generated, "e2", List.of("e1"));
		String source = compiled.source();
		assertThat(generated.unwritten()).as(source).isEmpty();
		assertThat(source).contains("op.addColumn(\"shop\", \"city\", ColumnType.varchar(255));",
				"op.backfill(\"shop\", (b) -> b.set(\"city = ''\").where(\"city IS NULL\"));",
				"op.setNotNullOnline(\"shop\", \"city\");", "op.setNotNullOnline(\"shop\", \"owner\");",
				"op.alterColumnType(\"shop\", \"name\", ColumnType.varchar(200), (t) -> t.from(ColumnType.varchar(100)));",
				"op.createIndex(\"shop_city_idx\", \"shop\", (i) -> i.on(\"city\").concurrently());",
				"op.addUniqueOnline(\"shop_name_city_key\", \"shop\", \"name\", \"city\");",
				"op.addCheckNotValid(\"shop_status_check\", \"shop\"", "op.validateConstraint(\"shop_status_check\", \"shop\");",
				"op.addForeignKey(\"clerk_shop_id_fkey\", \"clerk\", (fk) -> fk.columns(\"shop_id\").references(\"shop\", \"id\"));",
				"op.createIndex(\"ix_clerk_full_name\", \"clerk\", (i) -> i.on(\"full_name\"));",
				"op.addForeignKeyOnline(\"shop_parent_id_fkey\", \"shop\", (fk) -> fk.columns(\"parent_id\").references(\"shop\", \"id\"));",
				"op.retireColumn(\"shop\", \"legacy_code\");", "op.retireTable(\"audit_log\");",
				"@AllowUnsafe(rule = \"rename-column\"", "@AllowUnsafe(rule = \"rename-table\"",
				"Written by autogenerate", "up to e1");
		assertThat(generated.reviews()).anySatisfy((review) -> assertThat(review).contains("shop get city = ''"))
			.anySatisfy((review) -> assertThat(review).contains("shop get owner = ''"));
		MigrationCatalog catalog = MigrationCatalog.of(List.of(first, compiled.revision()));
		assertThat(Linter.lint(catalog).errors()).as(source).isEmpty();
		try (ScratchDatabases.Scratch database = ScratchDatabases.testServer().open("evolution")) {
			Migrator migrator = migrator(database.dataSource(), catalog);
			migrator.upgrade("e1");
			JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
			jdbc.update("INSERT INTO shop (name, legacy_code) VALUES ('north', 'N1'), ('south', NULL)");
			migrator.upgrade("heads");
			assertThat(jdbc.queryForList("SELECT name || ':' || city || ':' || owner FROM shop ORDER BY id", String.class))
				.containsExactly("north::", "south::");
			assertThat(jdbc.queryForList("SELECT legacy_code_retired FROM shop ORDER BY id", String.class))
				.as("the retired column keeps its data under its new name").containsExactly("N1", null);
			migrator.downgrade("e1");
			assertThat(jdbc.queryForList("SELECT legacy_code FROM shop ORDER BY id", String.class))
				.containsExactly("N1", null);
			migrator.upgrade("heads");
		}
		assertThat(EntityModelCheck.of(catalog).diff(entities).describe()).as(source).isEmpty();
	}

	@Test
	void aDeclaredRenameIsWrittenAsItsExpandStepAndOneMatchingNothingIsRefused() {
		EntitySchema entities = EntitySchema.of(Evolution.Shop.class, Evolution.Clerk.class);
		List<Migration> history = List.of(new Evolution.CreateShop());
		GeneratedRevision renamed = generate(history, entities,
				DeclaredRenames.parse(List.of("shop.legacy_code=city"), "migrations.autogenerate.renames"));
		String source = CompiledRevision.of(renamed, "e3", List.of("e1")).source();
		assertThat(source).contains("op.renameColumnOnline(\"shop\", \"legacy_code\", \"city\", ColumnType.varchar(255));")
			.doesNotContain("retireColumn(\"shop\", \"legacy_code\")").doesNotContain("addColumn(\"shop\", \"city\"");
		assertThat(renamed.reviews()).anySatisfy((review) -> assertThat(review).contains("finishRenameColumnOnline"));
		assertThatIllegalArgumentException().isThrownBy(() -> generate(history, entities,
				DeclaredRenames.parse(List.of("shop.nothing=city"), "migrations.autogenerate.renames")))
			.withMessageContaining("[shop.nothing]");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DeclaredRenames.parse(List.of("legacy_code=city"), "migrations.autogenerate.renames"))
			.withMessageContaining("migrations.autogenerate.renames holds 'legacy_code=city'");
	}

	@Test
	void entitiesThatMatchTheirRevisionsGiveNothingToWrite() {
		GeneratedRevision generated = generate(List.of(new MoreShapes.CreateReceipt()),
				EntitySchema.of(MoreShapes.Receipt.class), DeclaredRenames.NONE);
		assertThat(generated.isEmpty()).isTrue();
		assertThat(generated.body().upgrade()).isEmpty();
	}

	private static GeneratedRevision generate(List<Migration> history, EntitySchema entities, DeclaredRenames renames) {
		ModelComparison comparison = EntityModelCheck.of(MigrationCatalog.of(new ArrayList<>(history))).compare(entities);
		return RevisionWriter.write(comparison, renames);
	}

	private static Migrator migrator(DataSource database, MigrationCatalog catalog) {
		return new Migrator(database, catalog, new PostgresDialect(), RunSettings.defaults());
	}

}
