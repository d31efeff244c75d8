package dev.migration.jpa;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.jpa.ModelDifference.Aspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ModelCheckTests {

	@Test
	void embeddablesEnumsSequencesVersionLobJsonDefinitionsIndexesNumericsTimestampsAndElementCollectionsMatch() {
		ModelDiff diff = EntityModelCheck.of(MigrationCatalog.of(List.of(new ShapeRevisions.CreateCustomer())))
			.diff(Shapes.Customer.class);
		assertThat(diff.differences()).isEmpty();
	}

	@Test
	void uuidIdsAndUnnamedForeignKeysMatch() {
		ModelDiff diff = EntityModelCheck
			.of(MigrationCatalog.of(List.of(new ShapeRevisions.CreateCustomer(), new ShapeRevisions.CreateDoc())))
			.diff(Shapes.Customer.class, Shapes.Doc.class);
		assertThat(diff.differences()).isEmpty();
	}

	@Test
	void singleTableInheritanceMatches() {
		ModelDiff diff = EntityModelCheck.of(MigrationCatalog.of(List.of(new ShapeRevisions.CreateAnimal())))
			.diff(Shapes.Animal.class, Shapes.Dog.class);
		assertThat(diff.differences()).isEmpty();
	}

	@Test
	void joinedInheritanceMatches() {
		ModelDiff diff = EntityModelCheck.of(MigrationCatalog.of(List.of(new ShapeRevisions.CreateVehicle())))
			.diff(Shapes.Vehicle.class, Shapes.Car.class);
		assertThat(diff.differences()).isEmpty();
	}

	@Test
	void namedEnumsCommentsAndManyToManyJoinTablesMatch() {
		ModelDiff diff = EntityModelCheck.of(MigrationCatalog.of(List.of(new MoreShapes.CreateBooks())))
			.diff(MoreShapes.Author.class, MoreShapes.Book.class);
		assertThat(diff.differences()).isEmpty();
	}

	@Test
	void tablesInOtherSchemasAndUniqueColumnsMatch() {
		ModelDiff diff = EntityModelCheck.of(MigrationCatalog.of(List.of(new MoreShapes.CreateReceipt())))
			.diff(MoreShapes.Receipt.class);
		assertThat(diff.differences()).isEmpty();
	}

	@Test
	void everyShapeTogetherMatches() {
		EntityModelCheck check = EntityModelCheck.of(MigrationCatalog.of(List.of(new ShapeRevisions.CreateCustomer(),
				new ShapeRevisions.CreateDoc(), new ShapeRevisions.CreateAnimal(), new ShapeRevisions.CreateVehicle(),
				new MoreShapes.CreateBooks(), new MoreShapes.CreateReceipt())));
		check.assertEntitiesMatchRevisions(Shapes.Customer.class, Shapes.Doc.class, Shapes.Animal.class,
				Shapes.Dog.class, Shapes.Vehicle.class, Shapes.Car.class, MoreShapes.Author.class,
				MoreShapes.Book.class, MoreShapes.Receipt.class);
	}

	@Test
	void durationsTimesCascadesChecksFormulasSubselectsAndEmbeddedCollectionsMatch() {
		ModelDiff diff = EntityModelCheck.of(MigrationCatalog.of(List.of(new LastShapes.CreateInvoice())))
			.diff(LastShapes.Invoice.class, LastShapes.Payment.class, LastShapes.InvoiceSummary.class);
		assertThat(diff.describe()).isEmpty();
	}

	@Test
	void aNameTheEntitiesChooseIsCompared() {
		ModelDiff diff = EntityModelCheck.of(MigrationCatalog.of(List.of(new MoreShapes.CreateLabel())))
			.diff(MoreShapes.Label.class);
		assertThat(diff.differences()).extracting(ModelDifference::describe)
			.containsExactlyInAnyOrder(
					"unique label UNIQUE (code): the entities expect name uk_label_code, "
							+ "the revisions made name label_code_unique",
					"index label CREATE INDEX ON public.label USING btree (text): the entities expect name "
							+ "ix_label_text, the revisions made name label_text");
	}

	@Test
	void aNameTheEntitiesChooseIsComparedEvenWhenItLooksLikePostgresqls() {
		ModelDiff diff = EntityModelCheck.of(MigrationCatalog.of(List.of(new Mismatch.CreateTagOtherwise())))
			.diff(Mismatch.Tag.class);
		assertThat(diff.differences()).extracting(ModelDifference::describe)
			.containsExactly("unique tag UNIQUE (code): the entities expect name tag_code_key, "
					+ "the revisions made name tag_code_unique");
	}

	@Test
	void aMismatchedModelFailsNamingEachDifference() {
		EntityModelCheck check = EntityModelCheck.of(MigrationCatalog.of(List.of(new Mismatch.CreateInvoice())));
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> check.assertEntitiesMatchRevisions(Mismatch.Invoice.class))
			.withMessageContaining("disagree in 5 place(s)")
			.withMessageContaining("missing column invoice.note: the entities expect character varying(255) null, "
					+ "the revisions made nothing")
			.withMessageContaining("nullability invoice.number: the entities expect not null, the revisions made null")
			.withMessageContaining("type invoice.total: the entities expect numeric(10,2), the revisions made integer")
			.withMessageContaining("index invoice CREATE INDEX ON public.invoice USING btree (number): "
					+ "the entities expect ix_invoice_number CREATE INDEX ON public.invoice USING btree (number), "
					+ "the revisions made nothing")
			.withMessageContaining("extra table audit_log: the entities expect nothing, the revisions made table");
	}

	@Test
	void aSequenceIsComparedByIncrementAndAnIndexOnlyTheRevisionsMakeIsTold() {
		ModelDiff diff = EntityModelCheck.of(MigrationCatalog.of(List.of(new Mismatch.CreateVehicleOtherwise())))
			.diff(Shapes.Vehicle.class, Shapes.Car.class);
		assertThat(diff.differences()).extracting(ModelDifference::describe)
			.containsExactlyInAnyOrder(
					"sequence vehicle_seq: the entities expect increment 50, start 1, type bigint, "
							+ "the revisions made increment 1, start 1, type bigint",
					"index car CREATE UNIQUE INDEX ON public.car USING btree (plate): the entities expect nothing, "
							+ "the revisions made ix_car_plate CREATE UNIQUE INDEX ON public.car USING btree (plate)");
	}

	@Test
	void differencesTheCheckIsToldToAcceptAreLeftOut() {
		ModelDiff diff = EntityModelCheck.of(MigrationCatalog.of(List.of(new Mismatch.CreateVehicleOtherwise())))
			.ignoring((difference) -> difference.aspect() == Aspect.INDEX && difference.expected() == null)
			.diff(Shapes.Vehicle.class, Shapes.Car.class);
		assertThat(diff.differences()).extracting(ModelDifference::aspect).containsExactly(Aspect.SEQUENCE);
	}

	@Test
	void revisionsThatFailToUpgradeFailTheCheckSayingSo() {
		EntityModelCheck check = EntityModelCheck.of(MigrationCatalog.of(List.of(new Mismatch.Fails())));
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> check.assertEntitiesMatchRevisions(Shapes.Vehicle.class))
			.withMessageStartingWith("The upgrade of an empty database to heads failed: ")
			.withMessageContaining("nowhere");
	}

}
