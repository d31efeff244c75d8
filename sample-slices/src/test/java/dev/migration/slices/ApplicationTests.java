package dev.migration.slices;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migration.core.Migration;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole application: component scanning and the starter's scan together register each revision once. */
@SpringBootTest
class ApplicationTests {

	private static final TestDatabase database = SliceDatabase.create("slice_app");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		SliceDatabase.register(registry, database);
	}

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void eachRevisionIsOneBeanAndRanOnce() {
		Map<String, Migration> revisions = this.context.getBeansOfType(Migration.class);
		assertThat(revisions.values()).extracting((revision) -> revision.getClass().getSimpleName())
			.containsExactlyInAnyOrder("CreateBook", "CreateNote", "SeedBooks");
		assertThat(this.jdbc.sql("SELECT count(*) FROM book").query(Long.class).single()).isEqualTo(2);
	}

}
