package dev.migration.core.crash;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A data source whose connections count their round trips to the server (every execute,
 * commit and rollback of every connection it hands out) and, once the chosen round trip has
 * returned, have the server terminate that connection with {@code pg_terminate_backend}, as a
 * DBA or a failover would: the work it sent is done or not, as PostgreSQL decided, and the
 * client learns of it only at its next round trip. It can also run any other action after the
 * first round trip that sent a given text. Only the round trips of the thread that made it
 * count: the run's own, not those of a monitor that reads progress beside it at its own pace.
 */
final class InterruptingDataSource implements DataSource {

	private final DataSource target;

	private final JdbcTemplate admin;

	private final int interruptAfter;

	private final String trigger;

	private final IntConsumer action;

	private final AtomicInteger roundTrips = new AtomicInteger();

	private final List<String> sent = new CopyOnWriteArrayList<>();

	private final List<String> trips = new CopyOnWriteArrayList<>();

	private volatile boolean interrupted;

	private final Thread owner = Thread.currentThread();

	/**
	 * Creates a data source that terminates the connection of one round trip.
	 * @param target the real database
	 * @param interruptAfter the round trip after which to terminate, or 0 to only count
	 */
	InterruptingDataSource(DataSource target, int interruptAfter) {
		this.target = target;
		this.admin = new JdbcTemplate(target);
		this.interruptAfter = interruptAfter;
		this.trigger = null;
		this.action = this::terminate;
	}

	/**
	 * Creates a data source that runs an action once, after a given round trip.
	 * @param target the real database
	 * @param interruptAfter the round trip after which to act
	 * @param action what to do, given the process id of the connection's session
	 */
	InterruptingDataSource(DataSource target, int interruptAfter, IntConsumer action) {
		this.target = target;
		this.admin = new JdbcTemplate(target);
		this.interruptAfter = interruptAfter;
		this.trigger = null;
		this.action = action;
	}

	/**
	 * Creates a data source that runs an action once, after the first round trip whose SQL
	 * contains a text.
	 * @param target the real database
	 * @param trigger the text
	 * @param action what to do, given the process id of the connection's session
	 */
	InterruptingDataSource(DataSource target, String trigger, IntConsumer action) {
		this.target = target;
		this.admin = new JdbcTemplate(target);
		this.interruptAfter = 0;
		this.trigger = trigger;
		this.action = action;
	}

	int roundTrips() {
		return this.roundTrips.get();
	}

	/** Returns what each round trip sent, shortened, for a report of a run that went otherwise. */
	List<String> trips() {
		return this.trips;
	}

	boolean interrupted() {
		return this.interrupted;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return wrap(this.target.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return wrap(this.target.getConnection(username, password));
	}

	private Connection wrap(Connection connection) throws SQLException {
		int pid;
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
			result.next();
			pid = result.getInt(1);
		}
		return proxy(Connection.class, connection, pid);
	}

	@SuppressWarnings("unchecked")
	private <T> T proxy(Class<T> type, T target, int pid) {
		InvocationHandler handler = (self, method, args) -> invoke(target, method, args, pid);
		return (T) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { type }, handler);
	}

	private Object invoke(Object target, Method method, Object[] args, int pid) throws Throwable {
		if (args != null && args.length > 0 && args[0] instanceof String sql && Thread.currentThread() == this.owner) {
			this.sent.add(sql);
		}
		Object result;
		try {
			result = method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			afterRoundTrip(method, pid);
			throw ex.getCause();
		}
		afterRoundTrip(method, pid);
		return wrapResult(method, result, pid);
	}

	private Object wrapResult(Method method, Object result, int pid) {
		if (result instanceof java.sql.CallableStatement callable && method.getReturnType() == java.sql.CallableStatement.class) {
			return proxy(java.sql.CallableStatement.class, callable, pid);
		}
		if (result instanceof java.sql.PreparedStatement prepared
				&& method.getReturnType() == java.sql.PreparedStatement.class) {
			return proxy(java.sql.PreparedStatement.class, prepared, pid);
		}
		if (result instanceof Statement statement && method.getReturnType() == Statement.class) {
			return proxy(Statement.class, statement, pid);
		}
		return result;
	}

	private void afterRoundTrip(Method method, int pid) {
		String name = method.getName();
		boolean roundTrip = name.startsWith("execute") || name.equals("commit") || name.equals("rollback");
		if (!roundTrip || Thread.currentThread() != this.owner) {
			return;
		}
		int count = this.roundTrips.incrementAndGet();
		String what = name + " " + String.join(" | ", this.sent).replaceAll("\\s+", " ");
		this.trips.add(count + ": " + what.substring(0, Math.min(what.length(), 90)));
		boolean triggered = (this.trigger != null) ? this.sent.stream().anyMatch((sql) -> sql.contains(this.trigger))
				: count == this.interruptAfter;
		this.sent.clear();
		if (triggered && !this.interrupted) {
			this.interrupted = true;
			this.action.accept(pid);
		}
	}

	/**
	 * Waits until a session is gone from the server.
	 * @param admin a connection to the server
	 * @param pid the session's process id
	 */
	static void awaitGone(JdbcTemplate admin, int pid) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (admin.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE pid = ?", Integer.class, pid) > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Session " + pid + " is still there after 20 s");
			}
			Thread.onSpinWait();
		}
	}

	private void terminate(int pid) {
		this.admin.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, pid);
		awaitGone(this.admin, pid);
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.target.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.target.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.target.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.target.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() {
		return Logger.getLogger("dev.migration");
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		return this.target.unwrap(iface);
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) throws SQLException {
		return this.target.isWrapperFor(iface);
	}

}
