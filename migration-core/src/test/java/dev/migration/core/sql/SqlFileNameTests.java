package dev.migration.core.sql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migration.core.sql.SqlFileName.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SqlFileNameTests {

	@Test
	void aVersionedFileHasAVersionADescriptionAndARevisionId() {
		SqlFileName name = SqlFileName.parse("V1.2__add_customer_email.sql");
		assertThat(name.kind()).isEqualTo(Kind.VERSIONED);
		assertThat(name.version()).isEqualTo(MigrationVersion.parse("1.2"));
		assertThat(name.description()).isEqualTo("add customer email");
		assertThat(name.revisionId()).isEqualTo("V1.2");
	}

	@Test
	void aFlywayCallbackScriptIsToldApartFromAMisnamedFile() {
		assertThatExceptionOfType(InvalidSqlMigrationException.class)
			.isThrownBy(() -> SqlFileName.parse("afterMigrate__refresh_views.sql", "classpath:db/migration/afterMigrate__refresh_views.sql"))
			.withMessageContaining("classpath:db/migration/afterMigrate__refresh_views.sql")
			.withMessageContaining("Flyway callback script (afterMigrate)")
			.withMessageContaining("runs at an event, not as a revision");
		assertThatExceptionOfType(InvalidSqlMigrationException.class).isThrownBy(() -> SqlFileName.parse("beforeMigrate.sql"))
			.withMessageContaining("(beforeMigrate)");
		assertThatExceptionOfType(InvalidSqlMigrationException.class).isThrownBy(() -> SqlFileName.parse("after_all.sql"))
			.withMessageNotContaining("callback")
			.withMessageContaining("follows none of the forms");
	}

	@Test
	void theVersionAsWrittenKeepsItsZerosAndSeparatorsThatTheIdDrops() {
		assertThat(SqlFileName.writtenVersion("V0007__add_notes.sql")).isEqualTo("0007");
		assertThat(SqlFileName.parse("V0007__add_notes.sql").revisionId()).isEqualTo("V7");
		assertThat(SqlFileName.writtenVersion("V1_2___add_notes.sql")).isEqualTo("1_2");
		assertThat(SqlFileName.writtenVersion("R__views.sql")).isNull();
	}

	@Test
	void undoAndRepeatableFilesAreToldApart() {
		assertThat(SqlFileName.parse("U1_2__add_customer_email.sql").kind()).isEqualTo(Kind.UNDO);
		assertThat(SqlFileName.parse("U1_2__add_customer_email.sql").revisionId()).isEqualTo("V1.2");
		SqlFileName repeatable = SqlFileName.parse("R__customer_view.sql");
		assertThat(repeatable.kind()).isEqualTo(Kind.REPEATABLE);
		assertThat(repeatable.version()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "V1_add.sql", "X1__a.sql", "V__a.sql", "V1.a__b.sql", "v1__lower.sql", "V1__a.txt" })
	void aNameOfNoKnownFormIsRefusedNamingTheFileAndTheForms(String fileName) {
		assertThatExceptionOfType(InvalidSqlMigrationException.class).isThrownBy(() -> SqlFileName.parse(fileName))
			.withMessageContaining(fileName)
			.withMessageContaining("V<version>__<description>.sql");
	}

}
