package dev.migration.autoconfigure;

import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import dev.migration.core.MigrationException;

/**
 * The migration DataSource, found on first use: commands that read only the code ({@code lint},
 * {@code sql}, {@code heads}, {@code revision}, {@code merge}) then run with no database
 * configured, and one that needs it says what to set.
 */
public final class DeferredDataSource extends DelegatingDataSource {

	private final Supplier<DataSource> resolver;

	private final boolean configured;

	private volatile DataSource resolved;

	/**
	 * Creates the data source.
	 * @param resolver finds the real one
	 * @param configured whether a connection is configured at all (a URL, or a bean of the
	 * application's own), so that a failure to find it is not reported as a missing setting
	 */
	DeferredDataSource(Supplier<DataSource> resolver, boolean configured) {
		this.resolver = resolver;
		this.configured = configured;
	}

	@Override
	public DataSource getTargetDataSource() {
		return obtainTargetDataSource();
	}

	@Override
	protected DataSource obtainTargetDataSource() {
		DataSource target = this.resolved;
		if (target == null) {
			synchronized (this) {
				if (this.resolved == null) {
					this.resolved = resolve();
				}
				target = this.resolved;
			}
		}
		return target;
	}

	private DataSource resolve() {
		try {
			return this.resolver.get();
		}
		catch (RuntimeException ex) {
			if (this.configured) {
				throw ex;
			}
			throw new DatabaseNotConfiguredException("It needs the database, and none is configured ("
					+ NestedExceptionUtils.getMostSpecificCause(ex).getMessage() + "): set spring.datasource.url "
					+ "(with spring.datasource.username and spring.datasource.password) or migrations.url, or define "
					+ "a DataSource bean.", ex);
		}
	}

	@Override
	public void afterPropertiesSet() {
		// the target is found on first use, not when the bean is made
	}

	/** A command or run reached for the database where none is configured. */
	public static final class DatabaseNotConfiguredException extends MigrationException {

		DatabaseNotConfiguredException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
