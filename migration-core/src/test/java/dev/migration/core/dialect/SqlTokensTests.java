package dev.migration.core.dialect;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migration.core.dialect.SqlTokens.Kind;
import dev.migration.core.dialect.SqlTokens.Token;

import static org.assertj.core.api.Assertions.assertThat;

/** Lexing single statements: placeholders, quotes, dollar quoting and comments. */
class SqlTokensTests {

	@Test
	void aFlywayPlaceholderIsOneWord() {
		List<Token> tokens = SqlTokens.of("ALTER TABLE ${flyway:defaultSchema}.account OWNER TO ${dbReaderUserName}");
		assertThat(tokens).extracting(Token::text)
			.containsExactly("alter", "table", "${flyway:defaultschema}", ".", "account", "owner", "to",
					"${dbreaderusername}");
		assertThat(tokens.get(2).kind()).isEqualTo(Kind.WORD);
	}

	@Test
	void aPlaceholderInsideANameStaysInThatName() {
		assertThat(SqlTokens.of("CREATE INDEX idx_${suffix}_a ON t (a)")).extracting(Token::text)
			.containsExactly("create", "index", "idx_${suffix}_a", "on", "t", "(", "a", ")");
	}

	@Test
	void dollarQuotingIsStillALiteral() {
		assertThat(SqlTokens.of("DO $$ BEGIN END $$")).extracting(Token::kind)
			.containsExactly(Kind.WORD, Kind.LITERAL);
		assertThat(SqlTokens.of("SELECT $body$ x ${y} $body$")).extracting(Token::kind)
			.containsExactly(Kind.WORD, Kind.LITERAL);
	}

	@Test
	void aDollarWithoutClosingBraceIsASymbol() {
		assertThat(SqlTokens.of("SELECT ${ x")).extracting(Token::text).containsExactly("select", "$", "{", "x");
	}

}
