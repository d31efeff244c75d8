package dev.migration.core.sink;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.migration.core.dialect.Dialect;
import dev.migration.core.dialect.PostgresScanner;
import dev.migration.core.dialect.SqlStatement;

/** Runs statements on one JDBC connection, binding values as parameters. */
public final class JdbcStatementSink implements StatementSink {

	private final Connection connection;

	private final JdbcTemplate reads;

	/** Settings waiting to travel with the next statement, saving a round trip each. */
	private final List<String> pendingSettings = new ArrayList<>();

	/** Statements of the open transaction waiting to be sent together, or {@code null} to send each at once. */
	private final StatementBatch batch;

	/**
	 * Creates a sink that sends each statement at once, on a connection it does not own.
	 * @param connection the connection, in auto-commit mode
	 */
	public JdbcStatementSink(Connection connection) {
		this(connection, null);
	}

	/**
	 * Creates a sink that holds the statements of a transaction back and sends them in one
	 * round trip, with values inlined by {@code dialect} exactly as the offline script shows them.
	 * @param connection the connection, in auto-commit mode; the caller closes it
	 * @param dialect renders values as literals, or {@code null} to send each statement at once
	 */
	public JdbcStatementSink(Connection connection, Dialect dialect) {
		this.connection = Objects.requireNonNull(connection, "connection");
		this.reads = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
		this.batch = (dialect != null) ? new StatementBatch(dialect) : null;
	}

	@Override
	public void begin() {
		run("BEGIN", () -> this.connection.setAutoCommit(false));
	}

	@Override
	public void execute(SqlStatement statement) {
		if (statement.isCopyIn()) {
			copyIn(statement.sql());
			return;
		}
		if (this.batch != null && statement.transactional() && !autoCommit()) {
			if (this.batch.isEmpty()) {
				this.batch.lead(this.pendingSettings);
				this.pendingSettings.clear();
			}
			if (this.batch.add(statement)) {
				this.batch.send(this.connection);
			}
			return;
		}
		sendBatch();
		if (statement.setting() && !statement.hasParameters()) {
			this.pendingSettings.add(statement.sql());
			return;
		}
		if (!statement.transactional() || autoCommit()) {
			// outside a transaction block, statements sent together form an implicit one: PostgreSQL then refuses
			// DROP INDEX CONCURRENTLY or a COMMIT inside DO, and a failure would undo the settings sent along
			flush();
		}
		String sql = withPendingSettings(statement.sql());
		// the message shows the statement itself, not the settings sent along with it
		run(statement.sql(), () -> {
			long rows = statement.hasParameters() ? executePrepared(sql, statement.parameters()) : executePlain(sql);
			if (statement.expectedRows() != null && rows != statement.expectedRows()) {
				throw new UnexpectedRowCountException(statement.sql(), statement.expectedRows(), rows);
			}
		});
	}

	@Override
	public void flush() {
		sendBatch();
		if (!this.pendingSettings.isEmpty()) {
			String sql = withPendingSettings("");
			run(sql, () -> executePlain(sql));
		}
	}

	@Override
	public void commit() {
		if (this.batch != null && !this.batch.isEmpty() && this.batch.canCarryCommit()) {
			// one round trip for the whole step; the driver then sees the transaction already ended
			this.batch.sendWithCommit(this.connection);
		}
		flush();
		run("COMMIT", () -> {
			this.connection.commit();
			this.connection.setAutoCommit(true);
		});
	}

	@Override
	public void rollback() {
		if (this.batch != null) {
			// held statements of a transaction that is rolled back need not run at all
			this.batch.discard();
		}
		// settings of an aborted transaction are gone with it; session settings still apply
		flushQuietly();
		run("ROLLBACK", () -> {
			this.connection.rollback();
			this.connection.setAutoCommit(true);
		});
	}

	@Override
	public void comment(String text) {
		// nothing to do online; the runner logs each step itself
	}

	@Override
	public boolean offline() {
		return false;
	}

	@Override
	public <T> List<T> query(String sql, RowMapper<T> mapper, List<Object> args) {
		flush();
		return this.reads.query(sql, mapper, args.toArray());
	}

	/** The data goes through the copy protocol: the server reads it as psql would send it. */
	private void copyIn(String statement) {
		flush();
		String command = PostgresScanner.copyCommand(statement);
		run(command, () -> {
			try {
				this.connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn(command, new StringReader(PostgresScanner.copyData(statement)));
			}
			catch (IOException ex) {
				throw new SQLException("Could not send the data of " + command + ": " + ex.getMessage(), ex);
			}
		});
	}

	private void sendBatch() {
		if (this.batch != null && !this.batch.isEmpty()) {
			this.batch.send(this.connection);
		}
	}

	private boolean autoCommit() {
		try {
			return this.connection.getAutoCommit();
		}
		catch (SQLException ex) {
			throw new StatementFailedException("(auto-commit mode)", ex);
		}
	}

	private String withPendingSettings(String sql) {
		if (this.pendingSettings.isEmpty()) {
			return sql;
		}
		StringBuilder text = new StringBuilder();
		this.pendingSettings.forEach((setting) -> text.append(setting).append(";\n"));
		this.pendingSettings.clear();
		return text.append(sql).toString();
	}

	private void flushQuietly() {
		try {
			flush();
		}
		catch (StatementFailedException ex) {
			// the transaction already failed; its rollback below reports the state
		}
	}

	private long executePlain(String sql) throws SQLException {
		try (Statement jdbc = this.connection.createStatement()) {
			jdbc.execute(sql);
			return lastUpdateCount(jdbc);
		}
	}

	private long executePrepared(String sql, List<Object> parameters) throws SQLException {
		try (PreparedStatement jdbc = this.connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.size(); i++) {
				bind(jdbc, i + 1, parameters.get(i));
			}
			jdbc.execute();
			return lastUpdateCount(jdbc);
		}
	}

	/** Returns the update count of the last statement, after any settings sent before it. */
	private static long lastUpdateCount(Statement jdbc) throws SQLException {
		long count = jdbc.getLargeUpdateCount();
		while (jdbc.getMoreResults() || jdbc.getLargeUpdateCount() != -1) {
			count = jdbc.getLargeUpdateCount();
		}
		return count;
	}

	private static void bind(PreparedStatement jdbc, int index, Object value) throws SQLException {
		if (value == null) {
			jdbc.setNull(index, Types.NULL);
		}
		else if (value instanceof CharSequence || value instanceof Character || value instanceof Enum<?>) {
			// sent untyped, so the server casts text to jsonb, enum or uuid columns as a literal would be
			jdbc.setObject(index, (value instanceof Enum<?> constant) ? constant.name() : value.toString(), Types.OTHER);
		}
		else if (isTemporal(value)) {
			// sent untyped as the text the offline script writes: a typed timestamptz would be shifted into
			// the session's time zone in timestamp, date or text columns, and the two runs would differ
			String text = (value instanceof ZonedDateTime zoned) ? zoned.toOffsetDateTime().toString()
					: value.toString();
			jdbc.setObject(index, text, Types.OTHER);
		}
		else if (value instanceof BigInteger integer) {
			jdbc.setBigDecimal(index, new BigDecimal(integer));
		}
		else {
			jdbc.setObject(index, value);
		}
	}

	private static boolean isTemporal(Object value) {
		return value instanceof LocalDate || value instanceof LocalTime || value instanceof LocalDateTime
				|| value instanceof OffsetDateTime || value instanceof OffsetTime || value instanceof Instant
				|| value instanceof ZonedDateTime;
	}

	private static void run(String sql, SqlAction action) {
		try {
			action.run();
		}
		catch (SQLException ex) {
			throw new StatementFailedException(sql, ex);
		}
	}

	/** A JDBC call that may throw {@link SQLException}. */
	@FunctionalInterface
	private interface SqlAction {

		void run() throws SQLException;

	}

}
