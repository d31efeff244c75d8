package dev.migration.slices;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @JdbcTest} keeps no component, yet the revisions ran before the test reads their tables. */
@JdbcTest
class JdbcSliceTests {

	private static final TestDatabase database = SliceDatabase.create("jdbc_slice");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		SliceDatabase.register(registry, database);
	}

	@Autowired
	private JdbcClient jdbc;

	@Test
	void theRevisionsRanBeforeTheTest() {
		assertThat(this.jdbc.sql("SELECT title FROM book ORDER BY id").query(String.class).list())
			.containsExactly("Dune", "Solaris");
		assertThat(this.jdbc.sql("SELECT count(*) FROM note").query(Long.class).single()).isZero();
	}

}
