package dev.migration.autoconfigure.jpa;

import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.autoconfigure.MigrationAutoConfiguration;
import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.schema.ColumnType;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Hibernate validates its mapping against tables only the migrations create, so it must start after them. */
@PostgresTest(emptyBeforeEach = true)
class MigrationsBeforeJpaTests {

	private final JdbcTemplate jdbc;

	private final ApplicationContextRunner contextRunner;

	MigrationsBeforeJpaTests(TestDatabase database) {
		this.jdbc = new JdbcTemplate(database.dataSource());
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
					MigrationAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + database.url(),
					"spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password(),
					"spring.jpa.hibernate.ddl-auto=validate")
			.withUserConfiguration(Entities.class);
	}

	@Test
	void hibernateValidatesTheSchemaAfterMigrationsCreatedIt() {
		this.contextRunner.withBean(CreateGreeting.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(EntityManagerFactory.class);
			assertThat(this.jdbc.queryForObject("SELECT to_regclass('greeting')", String.class)).isEqualTo("greeting");
		});
	}

	@Test
	void withoutTheMigrationHibernateFindsNoTable() {
		this.contextRunner.run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.hasStackTraceContaining("greeting"));
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Greeting.class)
	static class Entities {

	}

	@Revision(id = "g1", message = "create greeting")
	static class CreateGreeting implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.createTable("greeting", (t) -> t.column("id", ColumnType.BIGINT, (c) -> c.primaryKey())
				.column("text", ColumnType.varchar(255)));
		}

	}

}
