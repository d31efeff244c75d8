package dev.migration.core.crash;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A small pool for the runs that only set the scene of the crash matrix: a closed connection is
 * given back, its session reset, and handed out again while it is alive.
 */
final class WarmConnections extends DelegatingDataSource implements AutoCloseable {

	private final Deque<Connection> idle = new ArrayDeque<>();

	private final List<Connection> opened = new ArrayList<>();

	WarmConnections(DataSource target) {
		super(target);
	}

	@Override
	public Connection getConnection() throws SQLException {
		Connection connection = takeAlive();
		if (connection == null) {
			connection = obtainTargetDataSource().getConnection();
			synchronized (this) {
				this.opened.add(connection);
			}
		}
		return givenBackOnClose(connection);
	}

	@Override
	public void close() {
		List<Connection> all;
		synchronized (this) {
			all = new ArrayList<>(this.opened);
			this.opened.clear();
			this.idle.clear();
		}
		for (Connection connection : all) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// it was broken already
			}
		}
	}

	/** Returns an idle connection that still answers, or null; a fault may have ended the others. */
	private Connection takeAlive() throws SQLException {
		while (true) {
			Connection connection;
			synchronized (this) {
				connection = this.idle.pollFirst();
			}
			if (connection == null || connection.isValid(5)) {
				return connection;
			}
			connection.close();
		}
	}

	private Connection givenBackOnClose(Connection connection) {
		boolean[] closed = { false };
		return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> switch (method.getName()) {
					case "close" -> {
						if (!closed[0]) {
							closed[0] = true;
							giveBack(connection);
						}
						yield null;
					}
					case "isClosed" -> closed[0] || connection.isClosed();
					case "equals" -> proxy == args[0];
					case "hashCode" -> System.identityHashCode(proxy);
					default -> invoke(connection, method, args);
				});
	}

	private static Object invoke(Connection connection, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(connection, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	/** Keeps a connection for the next user, as a new session would meet it: no transaction, no settings. */
	private void giveBack(Connection connection) throws SQLException {
		if (connection.isClosed()) {
			return;
		}
		if (!connection.getAutoCommit()) {
			connection.rollback();
			connection.setAutoCommit(true);
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("RESET ALL");
		}
		synchronized (this) {
			this.idle.push(connection);
		}
	}

}
