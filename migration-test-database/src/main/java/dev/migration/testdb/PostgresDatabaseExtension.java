package dev.migration.testdb;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives each test class its own fresh database on the shared
 * {@link TestDatabaseServer} and injects it as a {@link TestDatabase} or {@link DataSource}
 * parameter; the database is dropped after the class unless the system property
 * {@code migrations.test.keep-databases} is {@code true}.
 */
public final class PostgresDatabaseExtension implements BeforeAllCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(PostgresDatabaseExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		database(context);
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
