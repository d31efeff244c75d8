package dev.migration.autoconfigure.diagnostics;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import dev.migration.core.SecretText;

/**
 * Analyzes a connection that could not be opened, which Spring reports only as "Failed to
 * obtain JDBC Connection": it says whether the password, the user, the database, the host or
 * the network is wrong, names host, port, database and user (never the password) and the
 * property to change. It comes before the other analyzers, since a failure to connect is the
 * cause of whatever the engine was trying to do.
 */
public class ConnectionFailureAnalyzer implements FailureAnalyzer, Ordered {

	private final Environment environment;

	/**
	 * Creates the analyzer; Spring Boot passes the environment of the application that failed.
	 * @param environment the application's properties
	 */
	public ConnectionFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		SQLException refusal = refusal(failure);
		if (refusal == null && find(failure, CannotGetJdbcConnectionException.class) == null) {
			return null;
		}
		ConnectionTarget target = ConnectionTarget.of(this.environment);
		Advice advice = advise(target, failure, refusal);
		return new FailureAnalysis(SecretText.mask(advice.description()), SecretText.mask(advice.action()), failure);
	}

	private static Advice advise(ConnectionTarget target, Throwable failure, SQLException refusal) {
		String state = (refusal != null && refusal.getSQLState() != null) ? refusal.getSQLState() : "";
		String where = target.describe();
		String reason = reason(failure, refusal);
		if (state.equals("28P01")) {
			String user = (target.user() != null) ? "user '" + target.user() + "'" : "the user";
			return new Advice("PostgreSQL refused the password of " + user + " at " + where + ": "
					+ reason, "Set the password of that user in " + target.passwordProperty() + ", or another user in "
							+ target.userProperty() + ".");
		}
		if (state.startsWith("28")) {
			return new Advice("PostgreSQL refused the login at " + where + ": " + reason, "Set a user that exists "
					+ "and may log in to that database in " + target.userProperty() + " (CREATE ROLE ... LOGIN), or "
					+ "allow it in the server's pg_hba.conf.");
		}
		if (state.equals("3D000")) {
			return new Advice("The database does not exist at " + where + ": " + reason, "Correct the database name "
					+ "in " + target.urlProperty() + ", or create the database (CREATE DATABASE \"" + target.database()
					+ "\").");
		}
		return network(target, failure, refusal, reason);
	}

	private static Advice network(ConnectionTarget target, Throwable failure, SQLException refusal, String reason) {
		String where = target.describe();
		if (find(failure, UnknownHostException.class) != null) {
			return new Advice("The host '" + target.host() + "' of " + target.urlProperty() + " is unknown: "
					+ reason, "Correct the host in " + target.urlProperty() + ".");
		}
		if (find(failure, ConnectException.class) != null) {
			return new Advice("Nothing accepted the connection at " + where + ": " + reason, "Start PostgreSQL "
					+ "there, or correct the host and port in " + target.urlProperty() + ".");
		}
		if (find(failure, SocketTimeoutException.class) != null) {
			return new Advice("Connecting to " + where + " timed out: " + reason, "Check that the server is up and "
					+ "reachable from here (network, firewall), or raise connectTimeout in " + target.urlProperty()
					+ ".");
		}
		return new Advice("Could not connect to " + where + ": " + reason, "Check " + target.urlProperty() + ", "
				+ target.userProperty() + " and " + target.passwordProperty() + ", and that the server accepts "
				+ "connections from this host.");
	}

	/** The driver's own words, with the SQLSTATE; Spring's wrapper says nothing more. */
	private static String reason(Throwable failure, SQLException refusal) {
		Throwable cause = (refusal != null) ? refusal : innermost(failure);
		String message = (cause.getMessage() != null) ? cause.getMessage().strip() : cause.getClass().getName();
		String state = (refusal != null && refusal.getSQLState() != null) ? " (SQLSTATE " + refusal.getSQLState() + ")"
				: "";
		return message + state + ".";
	}

	/** The first SQLException that refuses the connection itself, not a statement on it. */
	private static SQLException refusal(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && refusesConnection(sql.getSQLState())) {
				return sql;
			}
		}
		return null;
	}

	private static boolean refusesConnection(String state) {
		// 08001/08004: cannot connect or rejected; 28: authentication; 3D000: no such database;
		// 53300: too many connections; 57P03: the server is starting or shutting down
		return state != null && (state.equals("08001") || state.equals("08004") || state.startsWith("28")
				|| state.equals("3D000") || state.equals("53300") || state.equals("57P03"));
	}

	private static <E extends Throwable> E find(Throwable failure, Class<E> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	private static Throwable innermost(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	/** What happened and what to do. */
	private record Advice(String description, String action) {

	}

}
