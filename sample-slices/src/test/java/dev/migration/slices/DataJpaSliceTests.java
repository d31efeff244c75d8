package dev.migration.slices;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @DataJpaTest} with {@code ddl-auto=validate}: Hibernate starts only after the revisions made its tables. */
@DataJpaTest
class DataJpaSliceTests {

	private static final TestDatabase database = SliceDatabase.create("data_jpa_slice");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		SliceDatabase.register(registry, database);
	}

	@Autowired
	private TestEntityManager entities;

	@Test
	void hibernateValidatesAndUsesTheMigratedTable() {
		Note note = this.entities.persistFlushFind(new Note("remember the milk"));
		assertThat(note.getId()).isNotNull();
		assertThat(note.getText()).isEqualTo("remember the milk");
	}

}
