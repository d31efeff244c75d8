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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A data source whose connections count their round trips to the server (every execute,
 * commit and rollback of every connection it hands out) and, once the chosen round trip has
 * returned, have the server terminate that connection with {@code pg_terminate_backend}, as a
 * DBA or a failover would: the work it sent is done or not, as PostgreSQL decided, and the
 * client learns of it only at its next round trip.
 */
final class InterruptingDataSource implements DataSource {

	private final DataSource target;

	private final JdbcTemplate admin;

	private final int interruptAfter;

	private final AtomicInteger roundTrips = new AtomicInteger();

	private volatile boolean interrupted;

	/**
	 * Creates the data source.
	 * @param target the real database
	 * @param interruptAfter the round trip after which to terminate, or 0 to only count
	 */
	InterruptingDataSource(DataSource target, int interruptAfter) {
		this.target = target;
		this.admin = new JdbcTemplate(target);
		this.interruptAfter = interruptAfter;
	}

	int roundTrips() {
		return this.roundTrips.get();
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
		if (roundTrip && this.roundTrips.incrementAndGet() == this.interruptAfter) {
			terminate(pid);
		}
	}

	private void terminate(int pid) {
		this.interrupted = true;
		this.admin.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, pid);
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (this.admin.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE pid = ?", Integer.class, pid) > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Session " + pid + " outlived pg_terminate_backend by 10 s");
			}
			Thread.onSpinWait();
		}
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
