package dev.migration.slices;

import org.springframework.test.context.DynamicPropertyRegistry;

import dev.migration.testdb.TestDatabase;
import dev.migration.testdb.TestDatabaseServer;

/** A fresh database per test class, handed to the slice as spring.datasource properties. */
final class SliceDatabase {

	private SliceDatabase() {
	}

	static TestDatabase create(String hint) {
		return TestDatabaseServer.get().createDatabase(hint);
	}

	static void register(DynamicPropertyRegistry registry, TestDatabase database) {
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::user);
		registry.add("spring.datasource.password", database::password);
	}

}
