package dev.migration.core.run;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.trace.HistoryTrace;
import dev.migration.testdb.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The schemas a history owns, as Flyway's defaultSchema and schemas: created, searched, home of the history. */
@PostgresTest(emptyBeforeEach = true)
class OwnedSchemasTests {

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	OwnedSchemasTests(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@BeforeEach
	void withoutTheOwnedSchemas() {
		// emptying the database between tests clears public; these tests make schemas of their own
		this.jdbc.execute("DROP SCHEMA IF EXISTS bpdm, bpdm_audit CASCADE");
	}

	@Test
	void stepsRunInTheDefaultSchemaWhichHoldsTheHistoryAndTheOtherSchemasAreCreated() {
		Migrator migrator = migrator(new OwnedSchemas("bpdm", List.of("bpdm_audit"), true));
		migrator.upgrade("heads");
		assertThat(schemaOf("business_partner")).isEqualTo("bpdm");
		assertThat(schemaOf("migration_history_state")).isEqualTo("bpdm");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname = 'bpdm_audit'",
				Integer.class)).isOne();
		assertThat(this.jdbc.queryForObject("SELECT current_setting('search_path')", String.class))
			.as("the pool's connections keep their own search path").doesNotContain("bpdm");
		assertThat(migrator.current()).containsExactly("s2");
		assertThat(migrator.upgrade("heads").steps()).isEmpty();
		assertThat(migrator.upgradeSql("base", "heads")).contains("CREATE SCHEMA IF NOT EXISTS bpdm;",
				"SET search_path TO bpdm;", "CREATE TABLE IF NOT EXISTS bpdm.migration_history");
	}

	@Test
	void aConnectionWithASearchPathOfItsOwnGetsItBack() throws Exception {
		SingleConnectionDataSource one = new SingleConnectionDataSource(this.dataSource.getConnection(), true);
		try {
			new JdbcTemplate(one).execute("SET search_path TO reporting, public");
			Migrator.create(one, List.of(new CreatePartner()), RunSettings.defaults())
				.withSchemas(new OwnedSchemas("bpdm", List.of(), true))
				.upgrade("heads");
			assertThat(new JdbcTemplate(one).queryForObject("SELECT current_setting('search_path')", String.class))
				.isEqualTo("reporting, public");
		}
		finally {
			one.destroy();
		}
	}

	@Test
	void aTraceRunsInTheDefaultSchemaToo() {
		HistoryTrace trace = migrator(new OwnedSchemas("bpdm", List.of(), true))
			.trace(this.dataSource, "heads", 10);
		assertThat(trace.problems()).as(trace.render()).isEmpty();
		assertThat(schemaOf("business_partner")).isEqualTo("bpdm");
	}

	@Test
	void otherSchemasNeedADefaultOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OwnedSchemas(null, List.of("bpdm"), true))
			.withMessageContaining("needs migrations.default-schema")
			.withMessageContaining("set it to bpdm");
	}

	private String schemaOf(String table) {
		return this.jdbc.queryForObject("SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
				+ "WHERE c.relname = ?", String.class, table);
	}

	private Migrator migrator(OwnedSchemas schemas) {
		return Migrator.create(this.dataSource, List.of(new CreatePartner(), new IndexPartner()), RunSettings.defaults())
			.withSchemas(schemas);
	}

	@Revision(id = "s1", message = "create business partner")
	static class CreatePartner implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("CREATE TABLE business_partner (id bigint PRIMARY KEY, name text)");
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("DROP TABLE business_partner");
		}

	}

	@Revision(id = "s2", revises = "s1", message = "index business partner")
	static class IndexPartner implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createIndex("ix_business_partner_name", "business_partner", (index) -> index.on("name").concurrently());
		}

		@Override
		public void downgrade(Operations op) {
			op.dropIndex("ix_business_partner_name");
		}

	}

}
