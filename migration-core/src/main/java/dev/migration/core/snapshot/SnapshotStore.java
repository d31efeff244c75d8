package dev.migration.core.snapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.core.dialect.Dialect;
import dev.migration.core.history.HistoryTable;

/**
 * Keeps the schema snapshot taken after the last successful run in one row of the table
 * beside the history ({@code <table>_snapshot}), so that {@code check} can tell what was
 * changed by hand since.
 */
public final class SnapshotStore {

	private final HistoryTable history;

	private final String qualifiedName;

	private final List<String> schemas;

	/**
	 * Creates the store of the given history.
	 * @param dialect quotes the table name
	 * @param history where the history lives; the snapshot table is named after its log table
	 */
	public SnapshotStore(Dialect dialect, HistoryTable history) {
		this(Objects.requireNonNull(history, "history"), ((history.schema() != null) ? dialect.quote(history.schema())
				+ "." : "") + dialect.quote(history.table() + SnapshotReader.SNAPSHOT_SUFFIX), null);
	}

	private SnapshotStore(HistoryTable history, String qualifiedName, List<String> schemas) {
		this.history = history;
		this.qualifiedName = qualifiedName;
		this.schemas = (schemas != null) ? List.copyOf(schemas) : null;
	}

	/**
	 * Returns a store whose snapshots hold only the given schemas, such as those a history owns:
	 * a tenant's history keeps its own schema, and another tenant's changes are no drift of it.
	 * @param owned the schemas, or {@code null} for every schema
	 * @return the store
	 */
	public SnapshotStore onlySchemas(List<String> owned) {
		return new SnapshotStore(this.history, this.qualifiedName, owned);
	}

	/**
	 * Reads the live schema and stores it as the latest snapshot, replacing the one before.
	 * @param connection a connection in auto-commit mode
	 * @return the snapshot stored
	 * @throws SQLException when the snapshot cannot be read or written
	 */
	public SchemaSnapshot takeAndSave(Connection connection) throws SQLException {
		SchemaSnapshot snapshot = read(connection);
		save(connection, snapshot);
		return snapshot;
	}

	/**
	 * Reads the live schema, as a snapshot would store it.
	 * @param connection a connection
	 * @return the live schema
	 * @throws SQLException when it cannot be read
	 */
	public SchemaSnapshot read(Connection connection) throws SQLException {
		SnapshotReader reader = SnapshotReader.allSchemas(this.history);
		return ((this.schemas != null) ? reader.onlySchemas(this.schemas) : reader).read(connection);
	}

	/**
	 * Stores a snapshot as the latest, replacing the one before.
	 * @param connection a connection in auto-commit mode
	 * @param snapshot the snapshot
	 * @throws SQLException when it cannot be written
	 */
	public void save(Connection connection, SchemaSnapshot snapshot) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS " + this.qualifiedName + " (\n"
					+ "    id integer PRIMARY KEY CHECK (id = 1),\n"
					+ "    taken_at timestamptz NOT NULL DEFAULT clock_timestamp(),\n"
					+ "    snapshot text NOT NULL\n)");
		}
		try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + this.qualifiedName
				+ " (id, snapshot) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET snapshot = excluded.snapshot, "
				+ "taken_at = excluded.taken_at")) {
			statement.setString(1, snapshot.toText());
			statement.executeUpdate();
		}
	}

	/**
	 * Returns whether a step was logged after the stored snapshot was taken: a run ended before
	 * it could store its snapshot, or none was ever stored.
	 * @param connection a connection, outside a transaction (a missing table fails the query)
	 * @param log the quoted, qualified history log table
	 * @return whether the snapshot is missing or older than the last step
	 */
	public boolean isStale(Connection connection, String log) {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT coalesce((SELECT applied_at FROM " + log
						+ " ORDER BY id DESC LIMIT 1) > coalesce((SELECT taken_at FROM " + this.qualifiedName
						+ " WHERE id = 1), '-infinity'), false)")) {
			rows.next();
			return rows.getBoolean(1);
		}
		catch (SQLException ex) {
			// no snapshot table yet: a locked run makes one
			return true;
		}
	}

	/**
	 * Returns the stored snapshot, if a run stored one.
	 * @param connection a connection
	 * @return the snapshot and when it was taken, or empty
	 * @throws SQLException when the table cannot be read
	 */
	public Optional<Stored> load(Connection connection) throws SQLException {
		try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
			exists.setString(1, this.qualifiedName);
			try (ResultSet rows = exists.executeQuery()) {
				if (!rows.next() || !rows.getBoolean(1)) {
					return Optional.empty();
				}
			}
		}
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT taken_at, snapshot FROM " + this.qualifiedName + " WHERE id = 1")) {
			if (!rows.next()) {
				return Optional.empty();
			}
			// one stored before its history owned schemas held them all: compared as it would be now
			SchemaSnapshot snapshot = SchemaSnapshot.parse(rows.getString(2));
			return Optional.of(new Stored(rows.getObject(1, OffsetDateTime.class),
					(this.schemas != null) ? snapshot.onlySchemas(this.schemas) : snapshot));
		}
	}

	/**
	 * A stored snapshot.
	 *
	 * @param takenAt when the run that stored it ended
	 * @param snapshot the schema then
	 */
	public record Stored(OffsetDateTime takenAt, SchemaSnapshot snapshot) {

	}

}
