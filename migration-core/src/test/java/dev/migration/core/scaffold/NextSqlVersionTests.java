package dev.migration.core.scaffold;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NextSqlVersionTests {

	private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 24, 10, 15, 30);

	@Test
	void theLastNumberIsIncrementedKeepingItsWidthAndSeparators() {
		assertThat(NextSqlVersion.after("0007", NOW)).isEqualTo("0008");
		assertThat(NextSqlVersion.after("0099", NOW)).isEqualTo("0100");
		assertThat(NextSqlVersion.after("9", NOW)).isEqualTo("10");
		assertThat(NextSqlVersion.after("1_2", NOW)).isEqualTo("1_3");
		assertThat(NextSqlVersion.after("1.9", NOW)).isEqualTo("1.10");
		assertThat(NextSqlVersion.after("2026_01_15", NOW)).isEqualTo("2026_01_16");
	}

	@Test
	void aVersionThatIsATimeTakesTheCurrentTimeInItsForm() {
		assertThat(NextSqlVersion.after("20240101120000", NOW)).isEqualTo("20261124101530");
		assertThat(NextSqlVersion.after("202401011200", NOW)).isEqualTo("202611241015");
		assertThat(NextSqlVersion.after("20240101", NOW)).isEqualTo("20261124");
	}

	@Test
	void aTimeThatIsNotBeforeNowIsIncrementedSoTheNewVersionIsStillHigher() {
		assertThat(NextSqlVersion.after("20261124", NOW)).isEqualTo("20261125");
		assertThat(NextSqlVersion.after("20991231235959", NOW)).isEqualTo("20991231235960");
	}

	@Test
	void aCounterOfEightDigitsIsNoDate() {
		assertThat(NextSqlVersion.after("00000007", NOW)).isEqualTo("00000008");
	}

}
