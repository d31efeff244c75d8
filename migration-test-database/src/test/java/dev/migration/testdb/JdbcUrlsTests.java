package dev.migration.testdb;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JdbcUrlsTests {

	@Test
	void replacesTheDatabaseAndKeepsParameters() {
		assertThat(JdbcUrls.withDatabase("jdbc:postgresql://localhost:5432/postgres?sslmode=disable", "mt_x"))
			.isEqualTo("jdbc:postgresql://localhost:5432/mt_x?sslmode=disable");
	}

	@Test
	void addsADatabaseWhenTheUrlHasNone() {
		assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db.example", "mt_x"))
			.isEqualTo("jdbc:postgresql://db.example/mt_x");
	}

	@Test
	void rejectsAUrlOfAnotherDriverWithoutShowingItsParameters() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JdbcUrls.withDatabase("jdbc:mysql://h/db?password=secret", "mt_x"))
			.withMessageContaining("MIGRATIONS_TEST_JDBC_URL must look like")
			.withMessageNotContaining("secret");
	}

}
