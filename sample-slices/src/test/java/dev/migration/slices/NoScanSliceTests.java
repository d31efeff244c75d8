package dev.migration.slices;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** With the scan off, a slice drops every revision, the component one too: what the scan is for. */
@JdbcTest(properties = "migrations.revisions.scan=false")
class NoScanSliceTests {

	private static final TestDatabase database = SliceDatabase.create("no_scan_slice");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		SliceDatabase.register(registry, database);
	}

	@Autowired
	private JdbcClient jdbc;

	@Test
	void noRevisionRan() {
		assertThat(this.jdbc.sql("SELECT to_regclass('book')::text").query(String.class).optional()).isEmpty();
	}

}
