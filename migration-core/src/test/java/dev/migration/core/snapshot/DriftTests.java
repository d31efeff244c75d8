package dev.migration.core.snapshot;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunSettings;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresTest(emptyBeforeEach = true)
class DriftTests {

	private final JdbcTemplate jdbc;

	private final Migrator migrator;

	DriftTests(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.migrator = Migrator.create(dataSource, List.of(new CreateItem(), new IndexItemName()),
				RunSettings.defaults());
	}

	@Test
	void nothingToCompareBeforeTheFirstRun() {
		assertThat(this.migrator.drift()).isEmpty();
	}

	@Test
	void aSchemaLeftAsTheLastUpgradeLeftItHasNoDrift() {
		this.migrator.upgrade("heads");
		this.jdbc.update("INSERT INTO item (name) VALUES ('rows are not drift')");
		assertThat(this.migrator.drift()).hasValueSatisfying((drift) -> assertThat(drift.isEmpty()).isTrue());
	}

	@Test
	void handMadeChangesAreListed() {
		this.migrator.upgrade("heads");
		this.jdbc.execute("CREATE INDEX ix_by_hand ON item (price)");
		this.jdbc.execute("ALTER TABLE item ALTER COLUMN price TYPE bigint");
		this.jdbc.execute("DROP INDEX ix_item_name");
		Drift drift = this.migrator.drift().orElseThrow();
		assertThat(drift.describe()).isEqualTo("""
				  - column item.price: type integer -> bigint
				  - index ix_by_hand: unexpected in the database
				  - index ix_item_name: missing in the database
				""");
		assertThat(drift.since()).isNotNull();
	}

	@Test
	void eachRunStoresWhatItChangedAndKeepsTellingWhatWasChangedByHand() {
		this.migrator.upgrade("heads");
		this.jdbc.execute("CREATE INDEX ix_by_hand ON item (price)");
		this.migrator.downgrade("-1");
		assertThat(this.migrator.drift().orElseThrow().describe())
			.isEqualTo("  - index ix_by_hand: unexpected in the database\n");
		this.migrator.stamp("d1");
		assertThat(this.migrator.drift().orElseThrow().isEmpty()).as("a stamp accepts the live schema").isTrue();
	}

	@Revision(id = "d1", message = "create item")
	static class CreateItem implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("CREATE TABLE item (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text, price integer)");
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("DROP TABLE item");
		}

	}

	@Revision(id = "d2", revises = "d1", message = "index item name")
	static class IndexItemName implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("CREATE INDEX ix_item_name ON item (name)");
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("DROP INDEX ix_item_name");
		}

	}

}
