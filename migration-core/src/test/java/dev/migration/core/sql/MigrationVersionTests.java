package dev.migration.core.sql;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.migration.core.MigrationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MigrationVersionTests {

	@Test
	void partsCompareAsNumbersSoOnePointTenComesAfterOnePointTwo() {
		List<String> sorted = Stream.of("1.10", "2", "1.2", "1", "1.2.1")
			.map(MigrationVersion::parse)
			.sorted()
			.map(MigrationVersion::toString)
			.toList();
		assertThat(sorted).containsExactly("1", "1.2", "1.2.1", "1.10", "2");
	}

	@Test
	void underscoresSeparatePartsAndTrailingZerosDoNotCount() {
		assertThat(MigrationVersion.parse("1_2")).isEqualTo(MigrationVersion.parse("1.2"));
		assertThat(MigrationVersion.parse("1.0")).isEqualTo(MigrationVersion.parse("1")).hasSameHashCodeAs(
				MigrationVersion.parse("1"));
		assertThat(MigrationVersion.parse("2026_01_15").toString()).isEqualTo("2026.1.15");
	}

	@Test
	void aVersionThatIsNotNumbersIsRefusedSayingWhatAVersionLooksLike() {
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> MigrationVersion.parse("1.a"))
			.withMessageContaining("'1.a'")
			.withMessageContaining("such as 1.2");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> MigrationVersion.parse("1..2"));
	}

}
