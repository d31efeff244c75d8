package dev.migration.jpa;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migration.core.catalog.MigrationCatalog;

import static org.assertj.core.api.Assertions.assertThat;

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

}
