package dev.migration.core.integration;

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
class ViewSequenceAndTypeOperationsTests {

	private final DataSource dataSource;

	private final Catalog catalog;

	ViewSequenceAndTypeOperationsTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.catalog = new Catalog(dataSource);
	}

	@Test
	void createViewAndCreateOrReplaceViewDefineWhatTheViewReturns() {
		numbers("view_numbers");
		upgrade((op) -> op.createView("small_numbers", "SELECT n FROM view_numbers WHERE n < 3"));
		assertThat(this.catalog.value("SELECT count(*) FROM small_numbers", Integer.class)).isEqualTo(2);
		upgrade((op) -> op.createOrReplaceView("small_numbers",
				"SELECT n, n * 2 AS twice FROM view_numbers WHERE n < 4"));
		assertThat(this.catalog.value("SELECT definition FROM pg_views WHERE viewname = 'small_numbers'", String.class))
			.contains("n * 2").contains("n < 4");
		assertThat(this.catalog.columns("small_numbers")).containsExactly("n", "twice");
		assertThat(this.catalog.value("SELECT sum(twice) FROM small_numbers", Integer.class)).isEqualTo(12);
	}

	@Test
	void createViewFailsWhenTheViewExists() {
		numbers("taken_numbers");
		upgrade((op) -> op.createView("taken_view", "SELECT n FROM taken_numbers"));
		assertThatExceptionOfType(StepFailedException.class)
			.isThrownBy(() -> upgrade((op) -> op.createView("taken_view", "SELECT 1 AS n")))
			.withMessageContaining("already exists");
	}

	@Test
	void materializedViewIsPopulatedWhenCreated() {
		numbers("mat_numbers");
		upgrade((op) -> op.createMaterializedView("mat_total", "SELECT sum(n) AS total FROM mat_numbers"));
		assertThat(this.catalog.rows("SELECT ispopulated FROM pg_matviews WHERE matviewname = 'mat_total'"))
			.containsExactly(Map.of("ispopulated", true));
		this.catalog.jdbc().update("INSERT INTO mat_numbers VALUES (100)");
		assertThat(this.catalog.value("SELECT total FROM mat_total", Long.class)).isEqualTo(15);
	}

	@Test
	void dropViewAndDropMaterializedViewRemoveOnlyTheirKind() {
		numbers("dropped_numbers");
		upgrade((op) -> {
			op.createView("plain_view", "SELECT n FROM dropped_numbers");
			op.createMaterializedView("mat_view", "SELECT n FROM dropped_numbers");
		});
		assertThatExceptionOfType(StepFailedException.class).isThrownBy(() -> upgrade((op) -> op.dropView("mat_view")));
		upgrade((op) -> {
			op.dropView("plain_view");
			op.dropMaterializedView("mat_view");
			op.dropView("plain_view", DropOption.IF_EXISTS);
			op.dropMaterializedView("mat_view", DropOption.IF_EXISTS);
		});
		assertThat(this.catalog.exists("plain_view")).isFalse();
		assertThat(this.catalog.exists("mat_view")).isFalse();
		assertThat(this.catalog.exists("dropped_numbers")).isTrue();
	}

	@Test
	void dropViewCascadeDropsTheViewsBuiltOnIt() {
		numbers("stacked_numbers");
		upgrade((op) -> {
			op.createView("lower_view", "SELECT n FROM stacked_numbers");
			op.createView("upper_view", "SELECT n FROM lower_view");
			op.createMaterializedView("lower_mat", "SELECT n FROM stacked_numbers");
			op.createView("upper_on_mat", "SELECT n FROM lower_mat");
		});
		upgrade((op) -> {
			op.dropView("lower_view", DropOption.CASCADE);
			op.dropMaterializedView("lower_mat", DropOption.CASCADE);
		});
		assertThat(List.of("lower_view", "upper_view", "lower_mat", "upper_on_mat")).noneMatch(this.catalog::exists);
	}

	@Test
	void createSequenceWithoutOptionsTakesPostgresDefaults() {
		upgrade((op) -> op.createSequence("plain_seq"));
		assertThat(sequence("plain_seq")).isEqualTo(Map.of("type", "bigint", "start", 1L, "increment", 1L, "min", 1L,
				"max", Long.MAX_VALUE, "cache", 1L, "cycle", false));
	}

	@Test
	void createSequenceAppliesEveryOption() {
		upgrade((op) -> op.createSequence("full_seq", (s) -> s.type(ColumnType.SMALLINT)
			.startWith(10)
			.incrementBy(5)
			.minValue(10)
			.maxValue(20)
			.cache(2)
			.cycle()));
		assertThat(sequence("full_seq")).isEqualTo(Map.of("type", "smallint", "start", 10L, "increment", 5L, "min",
				10L, "max", 20L, "cache", 2L, "cycle", true));
		assertThat(this.catalog.jdbc()
			.queryForList("SELECT nextval('full_seq') FROM generate_series(1, 4)", Long.class))
			.containsExactly(10L, 15L, 20L, 10L);
	}

	@Test
	void descendingSequenceCountsDown() {
		upgrade((op) -> op.createSequence("down_seq",
				(s) -> s.incrementBy(-1).minValue(-5).maxValue(-1).startWith(-1)));
		assertThat(this.catalog.jdbc()
			.queryForList("SELECT nextval('down_seq') FROM generate_series(1, 2)", Long.class))
			.containsExactly(-1L, -2L);
	}

	@Test
	void sequenceOwnedByAColumnIsDroppedWithItsTable() {
		upgrade((op) -> {
			op.createTable("ticket", (t) -> t.column("number", ColumnType.BIGINT));
			op.createSequence("ticket_number_seq", (s) -> s.ownedBy("ticket", "number"));
			op.setDefaultExpression("ticket", "number", "nextval('ticket_number_seq')");
		});
		assertThat(this.catalog.value("SELECT pg_get_serial_sequence('ticket', 'number')", String.class))
			.isEqualTo("public.ticket_number_seq");
		upgrade((op) -> op.dropTable("ticket"));
		assertThat(this.catalog.exists("ticket_number_seq")).isFalse();
	}

	@Test
	void createSequenceIfNotExistsKeepsTheExistingSequence() {
		upgrade((op) -> op.createSequence("kept_seq", (s) -> s.startWith(50)));
		upgrade((op) -> op.createSequence("kept_seq", (s) -> s.startWith(7).ifNotExists()));
		assertThat(sequence("kept_seq")).containsEntry("start", 50L);
	}

	@Test
	void dropSequenceCascadeAlsoDropsTheDefaultsThatUseIt() {
		upgrade((op) -> {
			op.createSchema("counters");
			op.createSequence("counters.shared_seq");
			op.createTable("counted", (t) -> t.column("n", ColumnType.BIGINT,
					(c) -> c.defaultExpression("nextval('counters.shared_seq')")));
		});
		assertThatExceptionOfType(StepFailedException.class)
			.isThrownBy(() -> upgrade((op) -> op.dropSequence("counters.shared_seq")));
		upgrade((op) -> {
			op.dropSequence("counters.shared_seq", DropOption.CASCADE);
			op.dropSequence("counters.shared_seq", DropOption.IF_EXISTS);
		});
		assertThat(this.catalog.exists("counters.shared_seq")).isFalse();
		assertThat(this.catalog.defaultOf("counted", "n")).isNull();
	}

	@Test
	void enumTypeKeepsItsLabelsInOrderIncludingQuotes() {
		upgrade((op) -> op.createEnumType("feeling", "happy", "it's ok", "back\\slash", "sad"));
		assertThat(this.catalog.enumLabels("feeling")).containsExactly("happy", "it's ok", "back\\slash", "sad");
	}

	@Test
	void addEnumValuePlacesTheLabelAtTheEndBeforeOrAfterAnother() {
		upgrade((op) -> op.createEnumType("stage", "draft", "published"));
		upgrade((op) -> {
			op.addEnumValue("stage", "archived");
			op.addEnumValueBefore("stage", "review", "published");
			op.addEnumValueAfter("stage", "idea's", "draft");
		});
		assertThat(this.catalog.enumLabels("stage"))
			.containsExactly("draft", "idea's", "review", "published", "archived");
		assertThat(this.catalog.value("SELECT 'review'::stage < 'published'::stage", Boolean.class)).isTrue();
	}

	@Test
	void schemaQualifiedEnumTypesAreCreatedAndDroppedInTheirSchema() {
		upgrade((op) -> {
			op.createSchema("kinds");
			op.createEnumType("kinds.level", "low", "high");
			op.addEnumValueAfter("kinds.level", "mid", "low");
		});
		assertThat(this.catalog.enumLabels("kinds.level")).containsExactly("low", "mid", "high");
		assertThat(this.catalog.typeExists("public.level")).isFalse();
		upgrade((op) -> op.dropType("kinds.level"));
		assertThat(this.catalog.typeExists("kinds.level")).isFalse();
	}

	@Test
	void dropTypeCascadeDropsTheColumnsOfThatTypeAndIfExistsIgnoresAMissingType() {
		upgrade((op) -> {
			op.createEnumType("shade", "light", "dark");
			op.createTable("painted",
					(t) -> t.column("id", ColumnType.INTEGER).column("shade", ColumnType.named("shade")));
		});
		assertThatExceptionOfType(StepFailedException.class).isThrownBy(() -> upgrade((op) -> op.dropType("shade")));
		upgrade((op) -> {
			op.dropType("shade", DropOption.CASCADE);
			op.dropType("shade", DropOption.IF_EXISTS);
		});
		assertThat(this.catalog.typeExists("shade")).isFalse();
		assertThat(this.catalog.columns("painted")).containsExactly("id");
	}

	private Map<String, Object> sequence(String name) {
		return this.catalog.jdbc()
			.queryForMap("SELECT format_type(seqtypid, NULL) AS type, seqstart AS start, seqincrement AS increment,"
					+ " seqmin AS min, seqmax AS max, seqcache AS cache, seqcycle AS cycle"
					+ " FROM pg_sequence WHERE seqrelid = to_regclass(?)", name);
	}

	private void numbers(String table) {
		upgrade((op) -> {
			op.createTable(table, (t) -> t.column("n", ColumnType.INTEGER));
			op.execute("INSERT INTO " + table + " SELECT generate_series(1, 5)");
		});
	}

	private void upgrade(Migration migration) {
		Steps.upgrade(this.dataSource, migration);
	}

}
