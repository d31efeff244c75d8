package dev.migration.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

/**
 * Application traffic at a fixed total rate: {@link #CLIENTS} client threads, each sending
 * point reads, inserts and updates of {@code orders} on its own schedule, one request every
 * {@code CLIENTS / rate} seconds. A request's latency is measured from the time it was due, not
 * from when it was sent, so a client held up by a lock is charged for every request it could
 * not send meanwhile (no coordinated omission); the service time (sent to answered) is kept
 * as well. Clients have no lock or statement timeout: like most applications, they wait.
 *
 * <p>Until {@link #writeNewColumn()} is called, inserts leave {@code public_id} out (the
 * column does not exist yet); afterwards they write it, with a fresh UUID and a customer that
 * exists, so they satisfy the NOT NULL, foreign key and unique constraints the migration adds.
 */
final class LoadGenerator {

	/** Concurrent clients, each with a connection of the load's own pool. */
	static final int CLIENTS = 8;

	/** Share of point reads by id, in percent; the rest is split between inserts and updates. */
	private static final int READ_PERCENT = 60;

	private static final int INSERT_PERCENT = 20;

	private static final String READ = "SELECT id, customer_id, status, total, note, created_at FROM orders WHERE id = ?";

	private static final String UPDATE = "UPDATE orders SET status = ?, note = ? WHERE id = ?";

	private static final String INSERT_BEFORE = "INSERT INTO orders (customer_id, status, total, note) "
			+ "VALUES (?, 'new', ?, ?)";

	private static final String INSERT_AFTER = "INSERT INTO orders (customer_id, status, total, note, public_id) "
			+ "VALUES (?, 'new', ?, ?, ?)";

	private static final String[] STATUSES = { "paid", "shipped", "delivered", "cancelled" };

	private final DataSource dataSource;

	private final long rows;

	private final int customers;

	private final long intervalNanos;

	private final List<Client> clients = new ArrayList<>();

	private volatile boolean running;

	private volatile boolean newColumn;

	private long origin;

	/**
	 * @param dataSource the load's own pool, of at least {@link #CLIENTS} connections
	 * @param rows the ids of {@code orders} reads and updates pick from, 1 to rows
	 * @param customers the ids of {@code customers} inserts pick from, 1 to customers
	 * @param rate the total requests per second
	 */
	LoadGenerator(DataSource dataSource, long rows, int customers, double rate) {
		this.dataSource = dataSource;
		this.rows = rows;
		this.customers = customers;
		this.intervalNanos = (long) (1e9 * CLIENTS / rate);
	}

	/**
	 * Starts the clients; times are measured from now on.
	 * @return the origin, a {@link System#nanoTime()} value
	 */
	long start() {
		this.running = true;
		this.origin = System.nanoTime();
		for (int i = 0; i < CLIENTS; i++) {
			// clients spread over one interval, so the total rate is even
			Client client = new Client(i, this.origin + this.intervalNanos * i / CLIENTS);
			this.clients.add(client);
			client.thread.start();
		}
		return this.origin;
	}

	/** Nanoseconds since {@link #start()}. */
	long now() {
		return System.nanoTime() - this.origin;
	}

	/**
	 * Makes inserts write {@code public_id} from now on, as a new version of the application
	 * would once the column exists, and returns once no client can still be sending an insert
	 * without it (each client has answered a request started after the switch), so a backfill
	 * that starts afterwards sees every row that lacks the value.
	 */
	void writeNewColumn() {
		this.newColumn = true;
		long[] seen = new long[CLIENTS];
		for (int i = 0; i < CLIENTS; i++) {
			seen[i] = this.clients.get(i).completed;
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		for (int i = 0; i < CLIENTS; i++) {
			while (this.clients.get(i).completed <= seen[i] && System.nanoTime() < deadline) {
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
			}
		}
	}

	/**
	 * Stops the clients after the request each is sending.
	 * @return every request and error, merged in order of the time each was due
	 */
	RequestLog stop() {
		this.running = false;
		for (Client client : this.clients) {
			try {
				client.thread.join(TimeUnit.MINUTES.toMillis(2));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (client.thread.isAlive()) {
				throw new IllegalStateException(client.thread.getName() + " did not stop within 2 minutes");
			}
		}
		return RequestLog.merge(this.clients.stream().map((client) -> client.log).toList());
	}

	/** One application client: a thread sending one request at a time on a fixed schedule. */
	private final class Client {

		private final Thread thread;

		private final RequestLog log = new RequestLog();

		private final SplittableRandom random;

		private final long firstDue;

		private volatile long completed;

		Client(int index, long firstDue) {
			this.random = new SplittableRandom(42 + index);
			this.firstDue = firstDue;
			this.thread = new Thread(this::loop, "client-" + index);
			this.thread.setDaemon(true);
		}

		private void loop() {
			long due = this.firstDue;
			while (LoadGenerator.this.running) {
				long wait = due - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(50)));
					continue;
				}
				int dice = this.random.nextInt(100);
				byte kind = (dice < READ_PERCENT) ? RequestLog.READ
						: (dice < READ_PERCENT + INSERT_PERCENT) ? RequestLog.INSERT : RequestLog.UPDATE;
				long sent = System.nanoTime();
				String error = send(kind);
				long answered = System.nanoTime();
				this.log.add(due - LoadGenerator.this.origin, answered - due, answered - sent, kind, error);
				this.completed++;
				due += LoadGenerator.this.intervalNanos;
			}
		}

		/** Sends one request and returns null, or a summary of the error it got. */
		private String send(byte kind) {
			try (Connection connection = LoadGenerator.this.dataSource.getConnection()) {
				switch (kind) {
					case RequestLog.READ -> read(connection);
					case RequestLog.INSERT -> insert(connection);
					default -> update(connection);
				}
				return null;
			}
			catch (SQLException ex) {
				return ex.getSQLState() + " " + firstLine(ex.getMessage());
			}
			catch (RuntimeException ex) {
				return ex.getClass().getSimpleName() + " " + firstLine(ex.getMessage());
			}
		}

		private void read(Connection connection) throws SQLException {
			try (PreparedStatement statement = connection.prepareStatement(READ)) {
				statement.setLong(1, orderId());
				try (ResultSet result = statement.executeQuery()) {
					while (result.next()) {
						result.getLong(1);
					}
				}
			}
		}

		private void insert(Connection connection) throws SQLException {
			boolean withColumn = LoadGenerator.this.newColumn;
			try (PreparedStatement statement = connection.prepareStatement(withColumn ? INSERT_AFTER : INSERT_BEFORE)) {
				statement.setLong(1, 1 + this.random.nextInt(LoadGenerator.this.customers));
				statement.setBigDecimal(2, java.math.BigDecimal.valueOf(100 + this.random.nextInt(100_000), 2));
				statement.setString(3, (this.random.nextInt(10) == 0) ? "gift" : null);
				if (withColumn) {
					statement.setObject(4, new UUID(this.random.nextLong(), this.random.nextLong()));
				}
				statement.executeUpdate();
			}
		}

		private void update(Connection connection) throws SQLException {
			try (PreparedStatement statement = connection.prepareStatement(UPDATE)) {
				statement.setString(1, STATUSES[this.random.nextInt(STATUSES.length)]);
				statement.setString(2, "touched " + this.random.nextInt(1000));
				statement.setLong(3, orderId());
				statement.executeUpdate();
			}
		}

		private long orderId() {
			return 1 + this.random.nextLong(LoadGenerator.this.rows);
		}

		private static String firstLine(String message) {
			if (message == null) {
				return "";
			}
			int end = message.indexOf('\n');
			// numbers vary from error to error (keys, pids); without them errors group by kind
			return ((end < 0) ? message : message.substring(0, end)).replaceAll("\\d+", "#");
		}

	}

}
