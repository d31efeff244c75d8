package dev.migration.testdb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresTest
class PostgresDatabaseExtensionTests {

	@Test
	void injectsAFreshDatabaseNamedAfterTheTestClass(TestDatabase database) throws SQLException {
		assertThat(database.name()).startsWith("mt_postgresdatabaseextensiontests_");
		assertThat(queryString(database.dataSource(), "SELECT current_database()")).isEqualTo(database.name());
		assertThat(queryString(database.dataSource(),
				"SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isEqualTo("0");
	}

	@Test
	void runsAPostgreSqlServerOfVersion13OrNewer(DataSource dataSource) throws SQLException {
		int version = Integer.parseInt(queryString(dataSource, "SHOW server_version_num"));
		assertThat(version).isGreaterThanOrEqualTo(130000);
	}

	@Test
	void givesEachRequestAnotherDatabase() {
		TestDatabaseServer server = TestDatabaseServer.get();
		TestDatabase first = server.createDatabase("one");
		TestDatabase second = server.createDatabase("one");
		try {
			assertThat(first.name()).isNotEqualTo(second.name());
			assertThat(first.url()).contains("/" + first.name());
		}
		finally {
			server.dropDatabase(first);
			server.dropDatabase(second);
		}
	}

	@Test
	void keepsThePasswordOutOfToString() {
		TestDatabase database = new TestDatabase("db", "jdbc:postgresql://h/db", "u", "secret");
		assertThat(database.toString()).doesNotContain("secret");
	}

	static String queryString(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
	}

}
