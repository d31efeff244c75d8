package dev.migration.autoconfigure.endpoint;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretMaskingTests {

	@Test
	void masksThePasswordOfAUrl() {
		assertThat(SecretMasking.mask("cannot reach postgresql://app:s3cret@db:5432/app"))
			.isEqualTo("cannot reach postgresql://app:******@db:5432/app");
	}

	@Test
	void masksPasswordParameters() {
		assertThat(SecretMasking.mask("jdbc:postgresql://db/app?user=app&password=s3cret&ssl=true"))
			.isEqualTo("jdbc:postgresql://db/app?user=app&password=******&ssl=true");
		assertThat(SecretMasking.mask("login failed for pwd: 's3cret'")).isEqualTo("login failed for pwd: ******");
	}

	@Test
	void leavesOrdinaryTextAlone() {
		String message = "Revision 2000dd failed: relation \"greeting\" does not exist (see https://example.org/help)";
		assertThat(SecretMasking.mask(message)).isEqualTo(message);
		assertThat(SecretMasking.mask(null)).isNull();
	}

}
