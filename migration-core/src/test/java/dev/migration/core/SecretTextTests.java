package dev.migration.core;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class SecretTextTests {

	@Test
	void masksThePasswordOfAUrl() {
		assertThat(SecretText.mask("cannot reach postgresql://app:s3cret@db:5432/app"))
			.isEqualTo("cannot reach postgresql://app:******@db:5432/app");
	}

	@Test
	void masksPasswordParameters() {
		assertThat(SecretText.mask("jdbc:postgresql://db/app?user=app&password=s3cret&ssl=true"))
			.isEqualTo("jdbc:postgresql://db/app?user=app&password=******&ssl=true");
		assertThat(SecretText.mask("login failed for pwd: 's3cret'")).isEqualTo("login failed for pwd: ******");
	}

	@Test
	void leavesOrdinaryTextAlone() {
		String message = "Revision 2000dd failed: relation \"greeting\" does not exist (see https://example.org/help)";
		assertThat(SecretText.mask(message)).isEqualTo(message);
		assertThat(SecretText.mask(null)).isNull();
	}

	@Test
	void masksTheLiteralOfASqlPasswordClauseQuotesAndAll() {
		assertThat(SecretText.mask("CREATE ROLE reporting LOGIN ENCRYPTED PASSWORD 'it''s s3cret' VALID UNTIL 'infinity'"))
			.isEqualTo("CREATE ROLE reporting LOGIN ENCRYPTED PASSWORD '******' VALID UNTIL 'infinity'");
		assertThat(SecretText.mask("alter user app with password\n  'x'")).isEqualTo("alter user app with password\n  '******'");
	}

	/**
	 * Text shown by the endpoint can come from a request: an 11 MB body of letters held a core for
	 * over ten minutes when a scheme could start at every letter; masking must finish with the request.
	 */
	@Test
	void longTextThatAlmostMatchesIsMaskedWithoutBacktrackingOverIt() {
		String letters = "a".repeat(11_000_000);
		String schemes = "a://b".repeat(200_000);
		String keys = "password ".repeat(200_000);
		assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
			assertThat(SecretText.mask(letters)).isEqualTo(letters);
			assertThat(SecretText.mask(schemes)).isEqualTo(schemes);
			assertThat(SecretText.mask(keys)).isEqualTo(keys);
		});
	}

}
