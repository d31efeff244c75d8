package dev.migration.core.execute;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import dev.migration.core.sink.StatementFailedException;

import static org.assertj.core.api.Assertions.assertThat;

/** Whose fault a failure is, from the SQLSTATE among its causes. */
class FaultTests {

	@Test
	void theSqlStateTellsARevisionFaultFromAnInfrastructureFault() {
		assertThat(faultOf("42P01")).isEqualTo(Fault.REVISION);
		assertThat(faultOf("23505")).isEqualTo(Fault.REVISION);
		assertThat(faultOf("55P03")).isEqualTo(Fault.LOCK_TIMEOUT);
		assertThat(faultOf("57P01")).isEqualTo(Fault.CONNECTION);
		assertThat(faultOf("08006")).isEqualTo(Fault.CONNECTION);
		assertThat(faultOf("57014")).isEqualTo(Fault.CANCELED);
		assertThat(faultOf("40P01")).isEqualTo(Fault.CONFLICT);
		assertThat(faultOf("53100")).isEqualTo(Fault.RESOURCES);
	}

	@Test
	void aFailureWithoutSqlStateIsTheRevisions() {
		assertThat(Fault.of(new IllegalStateException("bad op"))).isEqualTo(Fault.REVISION);
	}

	@Test
	void onlyAFaultOfTheRevisionSaysToFixIt() {
		for (Fault fault : Fault.values()) {
			assertThat(fault.advice().contains("Fix the revision")).as(fault.name()).isEqualTo(fault == Fault.REVISION);
		}
	}

	private static Fault faultOf(String sqlState) {
		return Fault.of(new RuntimeException(new StatementFailedException("SELECT 1", new SQLException("x", sqlState))));
	}

}
