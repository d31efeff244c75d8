package dev.migration.autoconfigure.diagnostics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.env.Environment;

/**
 * Where the migrations connect, as the properties say: host, port, database and user, read from
 * the JDBC URL and the user property, and the names of those properties. It never holds the
 * password, nor the URL's parameters, where a password may be written.
 *
 * @param host the first host of the URL, or {@code null} when no URL is configured
 * @param port the port, {@code 5432} when the URL names none
 * @param database the database, or {@code null} when the URL names none
 * @param user the user, or {@code null} when none is configured
 * @param urlProperty the property that holds the URL
 * @param userProperty the property that holds the user
 * @param passwordProperty the property that holds the password
 */
record ConnectionTarget(String host, int port, String database, String user, String urlProperty,
		String userProperty, String passwordProperty) {

	private static final int DEFAULT_PORT = 5432;

	/** {@code jdbc:postgresql://host[:port][,more]/database?parameters}, or {@code jdbc:postgresql:database}. */
	private static final Pattern URL = Pattern
		.compile("jdbc:postgresql:(?://(\\[[^\\]]*+]|[^:/?,]*+)(?::(\\d++))?[^/?]*+)?/?([^?;]*+)(?:\\?(.*+))?");

	private static final Pattern USER_PARAMETER = Pattern.compile("(?:^|&)user=([^&]*+)");

	/**
	 * Reads the target of the migrations' connection from the properties: {@code migrations.url}
	 * when set, else {@code spring.datasource.url}; {@code migrations.user} when set, else
	 * {@code spring.datasource.username}, as the auto-configuration chooses them.
	 * @param environment the application's properties
	 * @return the target
	 */
	static ConnectionTarget of(Environment environment) {
		boolean own = environment.getProperty("migrations.url") != null;
		String urlProperty = own ? "migrations.url" : "spring.datasource.url";
		boolean ownUser = environment.getProperty("migrations.user") != null;
		String userProperty = ownUser ? "migrations.user" : "spring.datasource.username";
		String passwordProperty = ownUser ? "migrations.password" : "spring.datasource.password";
		return of(environment.getProperty(urlProperty), environment.getProperty(userProperty), urlProperty,
				userProperty, passwordProperty);
	}

	static ConnectionTarget of(String url, String user, String urlProperty, String userProperty,
			String passwordProperty) {
		Matcher matcher = (url != null) ? URL.matcher(url.strip()) : null;
		if (matcher == null || !matcher.matches()) {
			return new ConnectionTarget(null, DEFAULT_PORT, null, user, urlProperty, userProperty, passwordProperty);
		}
		String host = (matcher.group(1) != null && !matcher.group(1).isEmpty()) ? matcher.group(1) : "localhost";
		int port = (matcher.group(2) != null) ? Integer.parseInt(matcher.group(2)) : DEFAULT_PORT;
		String database = matcher.group(3).isEmpty() ? null : matcher.group(3);
		return new ConnectionTarget(host, port, database, (user != null) ? user : userOf(matcher.group(4)),
				urlProperty, userProperty, passwordProperty);
	}

	private static String userOf(String parameters) {
		Matcher user = (parameters != null) ? USER_PARAMETER.matcher(parameters) : null;
		return (user != null && user.find()) ? user.group(1) : null;
	}

	/**
	 * Returns where the connection goes, for a message.
	 * @return such as {@code localhost:5432, database 'app', as user 'app'}
	 */
	String describe() {
		if (this.host == null) {
			return "the database (" + this.urlProperty + " is not a PostgreSQL URL this can read)";
		}
		return this.host + ":" + this.port + ((this.database != null) ? ", database '" + this.database + "'" : "")
				+ ((this.user != null) ? ", as user '" + this.user + "'" : "") + " (" + this.urlProperty + ")";
	}

}
