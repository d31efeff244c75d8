package dev.migration.core.trace;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import dev.migration.core.dialect.PostgresScanner;
import dev.migration.core.trace.CatalogSnapshot.RelationState;
import dev.migration.core.trace.LockObserver.HeldLock;

/**
 * Runs a revision's statements on a scratch database, in one transaction except those that
 * cannot run in a transaction block, and records for each what PostgreSQL did: the locks it
 * took, the relations it rewrote, the tables it scanned and how long others would have waited.
 *
 * <p>It holds three sessions: the traced one, which runs the statements and reads the catalog
 * and its own statistics counters; an observer, which reads the traced session's locks in
 * {@code pg_locks} so that reading them adds none; and a gate, whose snapshot holds a
 * statement outside a transaction at its last wait until its locks have been sampled. A tracer
 * is not thread-safe.
 */
public final class StatementTracer implements AutoCloseable {

	/** {@code ROLLBACK TO SAVEPOINT} and {@code COMMIT PREPARED} are ordinary statements to run. */
	private static final Pattern NOT_TRANSACTION_END = Pattern
		.compile("(?is).*\\b(rollback|abort|commit)\\s+(to|prepared)\\b.*");

	private final Connection session;

	private final Connection observerSession;

	private final Connection gateSession;

	private final LockObserver observer;

	private final int pid;

	private StatementTracer(Connection session, Connection observerSession, Connection gateSession, int pid) {
		this.session = session;
		this.observerSession = observerSession;
		this.gateSession = gateSession;
		this.observer = new LockObserver(observerSession, gateSession, pid);
		this.pid = pid;
	}

	/**
	 * Opens the traced session, the observer and the gate on a scratch database.
	 * @param scratch a database whose contents may change; each connection it gives must be
	 * a new session of the same database
	 * @return the tracer, to close
	 */
	public static StatementTracer open(DataSource scratch) throws SQLException {
		List<Connection> sessions = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				sessions.add(scratch.getConnection());
				sessions.get(i).setAutoCommit(true);
			}
			return new StatementTracer(sessions.get(0), sessions.get(1), sessions.get(2), backendPid(sessions.get(0)));
		}
		catch (SQLException | RuntimeException ex) {
			for (Connection session : sessions) {
				session.close();
			}
			throw ex;
		}
	}

	/**
	 * Traces statements in two sessions opened for the purpose and closed after.
	 * @param scratch a database whose contents may change
	 * @param statements the statements of one revision
	 * @return what PostgreSQL did
	 */
	public static TraceReport trace(DataSource scratch, List<String> statements) throws SQLException {
		try (StatementTracer tracer = open(scratch)) {
			return tracer.trace("statements", statements);
		}
	}

	/**
	 * Runs a revision's statements and records what each did; after a statement fails, its
	 * transaction is rolled back and no later statement runs.
	 * @param revision a name for the report
	 * @param statements the statements, each one complete
	 * @return what PostgreSQL did
	 */
	public TraceReport trace(String revision, List<String> statements) throws SQLException {
		return new RevisionRun(revision).run(statements);
	}

	/**
	 * Starts the trace of a revision whose statements arrive one by one, from a
	 * {@link TracingStatementSink}.
	 * @param revision a name for the report
	 * @return the run, to feed and then finish
	 */
	RevisionRun start(String revision) {
		return new RevisionRun(revision);
	}

	/**
	 * Returns the traced session, in auto-commit mode between traces, for settings such as
	 * {@code search_path} that the statements expect.
	 * @return the session
	 */
	public Connection session() {
		return this.session;
	}

	/**
	 * Returns the traced session's server process id.
	 * @return {@code pg_backend_pid()} of the traced session
	 */
	public int pid() {
		return this.pid;
	}

	@Override
	public void close() throws SQLException {
		try (Connection gate = this.gateSession; Connection observer = this.observerSession) {
			this.session.close();
		}
	}

	/**
	 * Returns how a statement must run.
	 * @param sql one statement
	 * @return its kind
	 */
	static Kind kind(String sql) {
		if (PostgresScanner.requiresNoTransaction(sql)) {
			return Kind.OUTSIDE_TRANSACTION;
		}
		String first = PostgresScanner.firstWord(sql);
		if (NOT_TRANSACTION_END.matcher(sql).matches()) {
			return Kind.IN_TRANSACTION;
		}
		return switch (first) {
			case "begin", "start" -> Kind.BEGIN;
			case "commit", "end" -> Kind.COMMIT;
			case "rollback", "abort" -> Kind.ROLLBACK;
			default -> Kind.IN_TRANSACTION;
		};
	}

	private static int backendPid(Connection session) throws SQLException {
		try (Statement statement = session.createStatement();
				ResultSet rows = statement.executeQuery("SELECT pg_catalog.pg_backend_pid()")) {
			rows.next();
			return rows.getInt(1);
		}
	}

	/** How PostgreSQL must run a statement. */
	enum Kind {

		/** In the revision's transaction. */
		IN_TRANSACTION,

		/** On its own in auto-commit mode, as {@code CREATE INDEX CONCURRENTLY} must. */
		OUTSIDE_TRANSACTION,

		/** {@code BEGIN}: the statements already share a transaction. */
		BEGIN,

		/** {@code COMMIT}: the transaction ends where it stands. */
		COMMIT,

		/** {@code ROLLBACK}: the transaction is undone where it stands. */
		ROLLBACK

	}

	/** The tracing of one revision: its open transaction and the traces that wait for the transaction's end. */
	final class RevisionRun {

		private final String revision;

		private final List<StatementTrace> traces = new ArrayList<>();

		private final List<PendingTrace> pending = new ArrayList<>();

		/** Per relation of the open transaction: 0 nothing blocked yet, 1 writes blocked, 2 reads blocked too. */
		private final Map<Long, Integer> levels = new HashMap<>();

		private Set<Long> existedAtStart = Set.of();

		/** The catalog after the last statement; {@code null} when no transaction is open. */
		private CatalogSnapshot current;

		private int transaction;

		RevisionRun(String revision) {
			this.revision = revision;
		}

		TraceReport run(List<String> statements) throws SQLException {
			try {
				for (String statement : statements) {
					if (!step(statement)) {
						break;
					}
				}
				end();
			}
			finally {
				abandon();
			}
			return report();
		}

		/**
		 * Returns what was traced so far; call it once every transaction has ended.
		 * @return the report
		 */
		TraceReport report() {
			return new TraceReport(this.revision, this.traces.stream().filter((trace) -> trace != null).toList());
		}

		/** Rolls back a transaction an error of the server or of the caller left open, so the session is usable again. */
		void abandon() throws SQLException {
			if (this.current != null) {
				StatementTracer.this.session.rollback();
				StatementTracer.this.session.setAutoCommit(true);
				this.current = null;
			}
		}

		/** Opens a transaction block unless one is open, as {@code BEGIN} does. */
		void openTransaction() throws SQLException {
			if (this.current == null) {
				begin();
			}
		}

		/**
		 * Runs a statement that may run in a transaction block: in the open one, else in one of its own.
		 * @return whether it succeeded
		 */
		boolean transactional(String sql) throws SQLException {
			boolean own = this.current == null;
			int index = this.traces.size();
			if (!inTransaction(index, sql)) {
				return false;
			}
			return !own || end();
		}

		/**
		 * Runs a statement that cannot run in a transaction block, sampling its locks while it runs.
		 * @return whether it succeeded
		 */
		boolean nonTransactional(String sql) throws SQLException {
			return outsideTransaction(this.traces.size(), sql);
		}

		/**
		 * Commits or rolls back the open transaction, if any; a failed commit is traced.
		 * @return the server's message when the commit failed, else {@code null}
		 */
		String close(boolean commit) throws SQLException {
			int ended = this.transaction;
			String error = endTransaction(commit);
			if (error != null) {
				this.traces.add(PendingTrace.empty(this.traces.size(), "COMMIT", ended, Duration.ZERO).failing(error));
			}
			return error;
		}

		/**
		 * Returns the server's message for the statement traced last, when it failed.
		 * @return the message, or {@code null}
		 */
		String lastError() {
			return this.traces.isEmpty() || this.traces.get(this.traces.size() - 1) == null ? null
					: this.traces.get(this.traces.size() - 1).error();
		}

		/** Runs one statement; returns whether the revision goes on. */
		private boolean step(String sql) throws SQLException {
			int index = this.traces.size();
			long start = System.nanoTime();
			switch (kind(sql)) {
				case BEGIN -> {
					this.traces.add(PendingTrace.empty(index, sql, this.transaction, elapsed(start)));
					return true;
				}
				case COMMIT, ROLLBACK -> {
					int ended = this.transaction;
					this.traces.add(null);
					String error = endTransaction(kind(sql) == Kind.COMMIT);
					this.traces.set(index, PendingTrace.empty(index, sql, ended, elapsed(start)).failing(error));
					return error == null;
				}
				case OUTSIDE_TRANSACTION -> {
					return outsideTransaction(index, sql);
				}
				default -> {
					return inTransaction(index, sql);
				}
			}
		}

		private boolean inTransaction(int index, String sql) throws SQLException {
			if (this.current == null) {
				begin();
			}
			CatalogSnapshot before = this.current;
			Map<HeldLock, Long> locksBefore = StatementTracer.this.observer.read();
			long start = System.nanoTime();
			String error = execute(sql);
			long end = System.nanoTime();
			Map<HeldLock, Long> locksAfter = StatementTracer.this.observer.read();
			// an aborted transaction can read nothing; its locks stay until the rollback
			CatalogSnapshot after = (error == null) ? CatalogSnapshot.read(StatementTracer.this.session) : before;
			Map<HeldLock, Long> taken = new LinkedHashMap<>();
			// a lock is taken at some moment of the statement: its start is the moment others could first wait
			locksAfter.keySet()
				.stream()
				.filter((lock) -> !locksBefore.containsKey(lock))
				.forEach((lock) -> taken.put(lock, start));
			PendingTrace trace = describe(new Run(index, sql, true, start, end, error), taken, locksAfter.keySet(),
					before, after);
			this.traces.add(null);
			this.pending.add(trace);
			this.current = after;
			if (error != null) {
				endTransaction(false);
				return false;
			}
			return true;
		}

		private boolean outsideTransaction(int index, String sql) throws SQLException {
			if (!end()) {
				return false;
			}
			CatalogSnapshot before = CatalogSnapshot.read(StatementTracer.this.session);
			this.existedAtStart = before.relations().keySet();
			this.levels.clear();
			LockObserver.Sampling sampling = StatementTracer.this.observer.sample();
			long start = System.nanoTime();
			String error;
			Map<HeldLock, Long> seen;
			try {
				error = execute(sql);
			}
			finally {
				// the sampler holds the gate; it must stop even when the connection fails
				seen = sampling.stop();
			}
			long end = System.nanoTime();
			CatalogSnapshot after = CatalogSnapshot.read(StatementTracer.this.session);
			PendingTrace trace = describe(new Run(index, sql, false, start, end, error), seen, seen.keySet(), before,
					after);
			this.traces.add(trace.finish(end));
			this.transaction++;
			return error == null;
		}

		private void begin() throws SQLException {
			StatementTracer.this.session.setAutoCommit(false);
			this.current = CatalogSnapshot.read(StatementTracer.this.session);
			this.existedAtStart = this.current.relations().keySet();
			this.levels.clear();
		}

		/** Commits the open transaction, if any; returns whether it could. */
		private boolean end() throws SQLException {
			return close(true) == null;
		}

		/** Ends the open transaction, if any, completing its traces; returns the server's message when the commit fails. */
		private String endTransaction(boolean commit) throws SQLException {
			if (this.current == null) {
				return null;
			}
			String error = null;
			try {
				if (commit) {
					StatementTracer.this.session.commit();
				}
				else {
					StatementTracer.this.session.rollback();
				}
			}
			catch (SQLException ex) {
				// a deferred constraint fails at the commit
				error = ex.getMessage();
			}
			long done = System.nanoTime();
			this.pending.forEach((trace) -> {
				StatementTrace finished = trace.finish(done);
				this.traces.set(finished.index(), finished);
			});
			this.pending.clear();
			this.current = null;
			StatementTracer.this.session.setAutoCommit(true);
			this.transaction++;
			return error;
		}

		private PendingTrace describe(Run run, Map<HeldLock, Long> taken, Set<HeldLock> heldAfter,
				CatalogSnapshot before, CatalogSnapshot after) {
			List<RelationLock> newLocks = new ArrayList<>();
			int catalogLocks = 0;
			Set<TracedRelation> touched = new LinkedHashSet<>();
			for (HeldLock lock : taken.keySet()) {
				RelationState state = before.find(lock.oid(), after);
				if (state == null) {
					catalogLocks++;
				}
				else {
					newLocks.add(new RelationLock(state.relation(), lock.mode(), lock.granted()));
					touched.add(state.relation());
				}
			}
			List<Rewrite> rewrites = before.rewritesUntil(after);
			List<TableScan> scans = before.scansUntil(after);
			rewrites.forEach((rewrite) -> touched.add(rewrite.relation()));
			scans.forEach((scan) -> touched.add(scan.table()));
			Map<TracedRelation, Long> rows = new LinkedHashMap<>();
			for (TracedRelation relation : touched) {
				rows.put(relation, before.find(relation.oid(), after).estimatedRows());
			}
			StatementTrace partial = new StatementTrace(run.index(), run.sql(), this.transaction, run.inTransaction(),
					Duration.ofNanos(run.end() - run.start()), newLocks, strongest(heldAfter, before, after),
					catalogLocks, rewrites, before.createdUntil(after), after.createdUntil(before), scans, List.of(), rows,
					run.error());
			PendingTrace trace = new PendingTrace(partial);
			addHolds(trace, taken, before, after);
			return trace;
		}

		private Map<TracedRelation, LockMode> strongest(Set<HeldLock> held, CatalogSnapshot before,
				CatalogSnapshot after) {
			Map<TracedRelation, LockMode> strongest = new LinkedHashMap<>();
			for (HeldLock lock : held) {
				RelationState state = before.find(lock.oid(), after);
				if (lock.granted() && state != null) {
					strongest.merge(state.relation(), lock.mode(), LockMode::max);
				}
			}
			return strongest;
		}

		/** Records each lock that raises what a relation blocks: first writes, then reads. */
		private void addHolds(PendingTrace trace, Map<HeldLock, Long> taken, CatalogSnapshot before,
				CatalogSnapshot after) {
			Comparator<Map.Entry<HeldLock, Long>> order = Map.Entry.comparingByValue();
			taken.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().granted())
				.sorted(order.thenComparing((entry) -> entry.getKey().mode(), Comparator.reverseOrder()))
				.forEach((entry) -> {
					HeldLock lock = entry.getKey();
					RelationState state = before.find(lock.oid(), after);
					int level = lock.mode().blocksReads() ? 2 : lock.mode().blocksWrites() ? 1 : 0;
					if (state != null && level > this.levels.getOrDefault(lock.oid(), 0)) {
						this.levels.put(lock.oid(), level);
						trace.hold(state.relation(), lock.mode(), entry.getValue(),
								this.existedAtStart.contains(lock.oid()));
					}
				});
		}

		/** Runs a statement; returns the server's message when it fails. */
		private String execute(String sql) throws SQLException {
			try (Statement statement = StatementTracer.this.session.createStatement()) {
				if (PostgresScanner.isCopyWithData(sql)) {
					copyIn(sql);
				}
				else {
					statement.execute(sql);
				}
				return null;
			}
			catch (SQLException ex) {
				if (ex.getSQLState() != null && ex.getSQLState().startsWith("08")) {
					throw ex;
				}
				return ex.getMessage();
			}
		}

		/** The data goes through the copy protocol, as psql sends it. */
		private void copyIn(String sql) throws SQLException {
			try {
				StatementTracer.this.session.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn(PostgresScanner.copyCommand(sql), new StringReader(PostgresScanner.copyData(sql)));
			}
			catch (IOException ex) {
				throw new SQLException("Could not send the data of " + PostgresScanner.copyCommand(sql), ex);
			}
		}

		private Duration elapsed(long start) {
			return Duration.ofNanos(System.nanoTime() - start);
		}

	}

	/** A statement that ran: where, when and how it ended. */
	private record Run(int index, String sql, boolean inTransaction, long start, long end, String error) {
	}

}
