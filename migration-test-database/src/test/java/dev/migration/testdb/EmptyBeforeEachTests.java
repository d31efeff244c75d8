package dev.migration.testdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static dev.migration.testdb.PostgresDatabaseExtensionTests.queryString;
import static org.assertj.core.api.Assertions.assertThat;

/** A test class that asks for an empty database before each test gets one, whatever the test before it left. */
@PostgresTest(emptyBeforeEach = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmptyBeforeEachTests {

	@Test
	@Order(1)
	void leavesATableBehind(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE left_behind (id int)");
		}
		assertThat(queryString(dataSource, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isEqualTo("1");
	}

	@Test
	@Order(2)
	void findsTheSchemaEmptyAgain(DataSource dataSource) throws SQLException {
		assertThat(queryString(dataSource, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isEqualTo("0");
	}

}
