package dev.migration.core.run;

import java.util.List;

import javax.sql.DataSource;

import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.lint.SchemaScope;

/**
 * Looks at the revisions an upgrade is about to apply, once they are planned and before
 * anything changes, and throws to stop the upgrade; the linter's gate is one.
 */
@FunctionalInterface
public interface UpgradeCheck {

	/** A check that lets every upgrade through. */
	UpgradeCheck NONE = (catalog, toApply, database) -> {
	};

	/**
	 * Checks the planned upgrade.
	 * @param catalog every revision in code
	 * @param toApply the revisions the upgrade will apply, never empty
	 * @param database the database the upgrade runs on, as it is before the upgrade
	 */
	void check(MigrationCatalog catalog, List<DeclaredRevision> toApply, DataSource database);

	/**
	 * Checks the planned upgrade of a history that owns schemas, such as a tenant's; a check
	 * that reads the database reads those alone.
	 * @param catalog every revision in code
	 * @param toApply the revisions the upgrade will apply, never empty
	 * @param database the database the upgrade runs on, as it is before the upgrade
	 * @param scope the schemas the history owns, and how to tell another history's
	 */
	default void check(MigrationCatalog catalog, List<DeclaredRevision> toApply, DataSource database,
			SchemaScope scope) {
		check(catalog, toApply, database);
	}

	/**
	 * Returns a check that runs this one, then the next.
	 * @param next the check after this one
	 * @return both checks
	 */
	default UpgradeCheck andThen(UpgradeCheck next) {
		UpgradeCheck first = this;
		return new UpgradeCheck() {

			@Override
			public void check(MigrationCatalog catalog, List<DeclaredRevision> toApply, DataSource database) {
				check(catalog, toApply, database, SchemaScope.ALL);
			}

			@Override
			public void check(MigrationCatalog catalog, List<DeclaredRevision> toApply, DataSource database,
					SchemaScope scope) {
				first.check(catalog, toApply, database, scope);
				next.check(catalog, toApply, database, scope);
			}

		};
	}

}
