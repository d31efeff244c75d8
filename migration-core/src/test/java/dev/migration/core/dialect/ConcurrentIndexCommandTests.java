package dev.migration.core.dialect;

import org.junit.jupiter.api.Test;

import dev.migration.core.schema.QualifiedName;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the names of a concurrent index build or drop from its text, as a rerun's check does. */
class ConcurrentIndexCommandTests {

	@Test
	void aBuildNamesItsIndexInTheSchemaOfItsTable() {
		assertThat(ConcurrentIndexCommand.parse("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS Ix_Email "
				+ "ON ONLY Shop.\"Customer\" USING btree (email)"))
			.contains(new ConcurrentIndexCommand(true, new QualifiedName("shop", "ix_email"),
					new QualifiedName("shop", "Customer")));
	}

	@Test
	void quotedNamesKeepTheirCaseAndCommentsAreSkipped() {
		assertThat(ConcurrentIndexCommand.parse("/* rebuilt */ create index -- why\n concurrently \"UX \"\"A\"\"\" "
				+ "on account (email)"))
			.contains(new ConcurrentIndexCommand(true, new QualifiedName(null, "UX \"A\""),
					new QualifiedName(null, "account")));
	}

	@Test
	void aDropNamesItsIndex() {
		assertThat(ConcurrentIndexCommand.parse("DROP INDEX CONCURRENTLY IF EXISTS public.\"UX Account Email\""))
			.contains(new ConcurrentIndexCommand(false, new QualifiedName("public", "UX Account Email"), null));
	}

	@Test
	void otherStatementsAndNamelessBuildsAreNotRead() {
		assertThat(ConcurrentIndexCommand.parse("CREATE INDEX CONCURRENTLY ON account (email)")).isEmpty();
		assertThat(ConcurrentIndexCommand.parse("CREATE INDEX ix_plain ON account (email)")).isEmpty();
		assertThat(ConcurrentIndexCommand.parse("REINDEX INDEX CONCURRENTLY ix_plain")).isEmpty();
		assertThat(ConcurrentIndexCommand.parse("DROP INDEX ix_plain")).isEmpty();
	}

}
