package dev.migration.core.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.run.AppliedStep;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.RunResult;
import dev.migration.core.run.RunSettings;
import dev.migration.core.run.SharedSessionException;
import dev.migration.testdb.LocalServer;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs through a real PgBouncer: in transaction pooling a session lock holds for whoever gets the
 * session next, so the run refuses before anything runs; in session pooling two runners at once
 * apply each revision once.
 */
class PoolerTests {

	private static final int RUNNERS = 2;

	private static LocalServer server;

	@BeforeAll
	static void startServer() throws Exception {
		assumeTrue(PgBouncer.program().isPresent(), "PgBouncer is not installed: install Debian's pgbouncer package "
				+ "(.ci/run does) to run the pooler tests");
		server = LocalServer.start();
	}

	@AfterAll
	static void stopServer() throws Exception {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void transactionPoolingIsRefusedBeforeAnythingRunsAndADirectConnectionThenWorks() throws Exception {
		TestDatabase direct = server.createDatabase("refused");
		try (PgBouncer bouncer = PgBouncer.start(server, "transaction")) {
			List<Throwable> failures = runTogether(bouncer.database("refused"));
			assertThat(failures).hasSize(RUNNERS).allSatisfy((failure) -> assertThat(failure)
				.isInstanceOf(SharedSessionException.class)
				.hasMessageContaining("transaction or statement pooling mode")
				.hasMessageContaining("set migrations.url (with migrations.user and migrations.password) to the server "
						+ "itself"));
		}
		JdbcTemplate jdbc = new JdbcTemplate(direct.dataSource());
		assertThat(jdbc.queryForList("SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace",
				String.class)).as("nothing was created, not even the history table").isEmpty();
		// the advice followed: migrations connect to the server itself
		RunResult result = Migrator.create(direct.dataSource(), ConcurrentHistory.all(), RunSettings.defaults())
			.upgrade("heads");
		assertThat(result.steps()).extracting(AppliedStep::revision).containsExactlyElementsOf(ConcurrentHistory.ids());
	}

	@Test
	void sessionPoolingRunsAndTwoRunnersAtOnceApplyEachRevisionOnce() throws Exception {
		TestDatabase direct = server.createDatabase("session_pooled");
		try (PgBouncer bouncer = PgBouncer.start(server, "session")) {
			List<Throwable> failures = runTogether(bouncer.database("session_pooled"));
			assertThat(failures).isEmpty();
		}
		JdbcTemplate jdbc = new JdbcTemplate(direct.dataSource());
		Map<String, Integer> once = ConcurrentHistory.ids().stream()
			.collect(Collectors.toMap(Function.identity(), (id) -> 1));
		assertThat(HistoryRows.logCounts(jdbc, "upgrade", "success")).isEqualTo(once);
		assertThat(jdbc.queryForList("SELECT revision FROM applied_mark ORDER BY revision", String.class))
			.containsExactlyElementsOf(ConcurrentHistory.ids());
	}

	/** Starts two runners at once on a database and returns what each failed with. */
	private static List<Throwable> runTogether(TestDatabase database) throws Exception {
		CyclicBarrier start = new CyclicBarrier(RUNNERS);
		ExecutorService pool = Executors.newFixedThreadPool(RUNNERS);
		List<Throwable> failures = new ArrayList<>();
		try {
			List<Future<RunResult>> runs = new ArrayList<>();
			for (int i = 0; i < RUNNERS; i++) {
				Migrator migrator = Migrator.create(database.dataSource(), ConcurrentHistory.all(), RunSettings.defaults());
				runs.add(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return migrator.upgrade("heads");
				}));
			}
			for (Future<RunResult> run : runs) {
				try {
					run.get(60, TimeUnit.SECONDS);
				}
				catch (ExecutionException ex) {
					failures.add(ex.getCause());
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
		return failures;
	}

}
