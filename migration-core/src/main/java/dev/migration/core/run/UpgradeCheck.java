package dev.migration.core.run;

import java.util.List;

import javax.sql.DataSource;

import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;

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
	 * Returns a check that runs this one, then the next.
	 * @param next the check after this one
	 * @return both checks
	 */
	default UpgradeCheck andThen(UpgradeCheck next) {
		return (catalog, toApply, database) -> {
			check(catalog, toApply, database);
			next.check(catalog, toApply, database);
		};
	}

}
