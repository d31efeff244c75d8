package dev.migration.testdb;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against its own fresh PostgreSQL database, injected as a
 * {@link TestDatabase} or {@link javax.sql.DataSource} parameter, and emptied before each test
 * when asked.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(PostgresDatabaseExtension.class)
public @interface PostgresTest {

	/**
	 * Whether the {@code public} schema is dropped and made again before each test (before the
	 * class's own {@code @BeforeEach} methods), so every test starts from an empty database.
	 * @return whether to empty the database before each test
	 */
	boolean emptyBeforeEach() default false;

}
