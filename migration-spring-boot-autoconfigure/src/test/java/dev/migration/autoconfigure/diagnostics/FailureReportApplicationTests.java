package dev.migration.autoconfigure.diagnostics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.migration.autoconfigure.command.BrokenCatalogApplication;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/** A start that fails reports through Spring Boot's own "APPLICATION FAILED TO START" report. */
@PostgresTest
@ExtendWith(OutputCaptureExtension.class)
class FailureReportApplicationTests {

	private final TestDatabase database;

	FailureReportApplicationTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void aBrokenCatalogIsReportedWithDescriptionAndActionAndNoStackTrace(CapturedOutput output) {
		SpringApplication application = new SpringApplication(BrokenCatalogApplication.class);
		assertThatException().isThrownBy(() -> application.run("--spring.main.web-application-type=none",
				"--spring.datasource.url=" + this.database.url(), "--spring.datasource.username=" + this.database.user(),
				"--spring.datasource.password=" + this.database.password()));
		assertThat(output.toString()).contains("APPLICATION FAILED TO START",
				"Description:\n\nRevision 'x9' revises 'missing', which no migration declares.\n",
				"Action:\n\nAdd the missing revision or correct the revises attribute of 'x9'.\n")
			.doesNotContain("\tat ");
	}

}
