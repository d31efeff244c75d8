package dev.migration.sample;

import org.springframework.test.context.DynamicPropertyRegistry;

import dev.migration.testdb.TestDatabase;
import dev.migration.testdb.TestDatabaseServer;

/** A fresh database for one application test class, handed to the sample as its spring.datasource. */
final class SampleTestDatabase {

	private SampleTestDatabase() {
	}

	static void register(DynamicPropertyRegistry registry, TestDatabase database) {
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::user);
		registry.add("spring.datasource.password", database::password);
	}

	static void drop(TestDatabase database) {
		TestDatabaseServer.get().dropDatabase(database);
	}

}
