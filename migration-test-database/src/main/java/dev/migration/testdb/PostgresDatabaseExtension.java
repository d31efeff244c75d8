package dev.migration.testdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension that gives each test class its own fresh database on the shared
 * {@link TestDatabaseServer} and injects it as a {@link TestDatabase} or {@link DataSource}
 * parameter, emptied before each test when {@link PostgresTest#emptyBeforeEach()} says so; the
 * database is dropped after the class unless the system property
 * {@code migrations.test.keep-databases} is {@code true}.
 */
public final class PostgresDatabaseExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(PostgresDatabaseExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		database(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) throws SQLException {
		boolean empty = AnnotationSupport.findAnnotation(classContext(context).getRequiredTestClass(), PostgresTest.class)
			.map(PostgresTest::emptyBeforeEach)
			.orElse(false);
		if (empty) {
			try (Connection connection = database(context).dataSource().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
			}
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		return type == TestDatabase.class || type == DataSource.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		TestDatabase database = database(extensionContext);
		return (parameterContext.getParameter().getType() == DataSource.class) ? database.dataSource() : database;
	}

	private static TestDatabase database(ExtensionContext context) {
		ExtensionContext classContext = classContext(context);
		return classContext.getStore(NAMESPACE)
			.computeIfAbsent(classContext.getRequiredTestClass(), OwnedDatabase::create, OwnedDatabase.class)
			.database();
	}

	private static ExtensionContext classContext(ExtensionContext context) {
		ExtensionContext current = context;
		// nested classes share the database of their outermost test class
		while (current.getParent().flatMap(ExtensionContext::getTestClass).isPresent()) {
			current = current.getParent().get();
		}
		return current;
	}

	/** A database owned by one test class, dropped when JUnit closes the class's store. */
	private record OwnedDatabase(TestDatabase database) implements AutoCloseable {

		static OwnedDatabase create(Class<?> testClass) {
			return new OwnedDatabase(TestDatabaseServer.get().createDatabase(testClass.getSimpleName()));
		}

		@Override
		public void close() {
			if (!Boolean.getBoolean("migrations.test.keep-databases")) {
				TestDatabaseServer.get().dropDatabase(this.database);
			}
		}

	}

}
