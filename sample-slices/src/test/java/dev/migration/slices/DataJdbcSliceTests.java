package dev.migration.slices;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @DataJdbcTest} maps aggregates onto the tables the revisions made. */
@DataJdbcTest
class DataJdbcSliceTests {

	private static final TestDatabase database = SliceDatabase.create("data_jdbc_slice");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		SliceDatabase.register(registry, database);
	}

	@Autowired
	private JdbcAggregateTemplate aggregates;

	@Test
	void aggregatesReadAndWriteTheMigratedTable() {
		assertThat(this.aggregates.findAll(Book.class)).extracting(Book::title).containsExactlyInAnyOrder("Dune", "Solaris");
		Book saved = this.aggregates.insert(new Book(null, "Ubik"));
		assertThat(this.aggregates.findById(saved.id(), Book.class)).isEqualTo(saved);
	}

}
