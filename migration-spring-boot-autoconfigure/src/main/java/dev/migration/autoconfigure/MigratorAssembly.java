package dev.migration.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.migration.core.Migration;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.lint.LintGate;
import dev.migration.core.run.MigrationListener;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.OwnedSchemas;
import dev.migration.core.run.Release;
import dev.migration.core.run.RunSettings;
import dev.migration.core.run.UnmergedHeadsCheck;
import dev.migration.core.sql.BuiltInPlaceholders;
import dev.migration.core.sql.SqlCallbacks;
import dev.migration.core.sql.SqlRevisions;
import dev.migration.core.sql.SqlScript;

/**
 * Builds the engine of one database from its properties, revisions and SQL files: the same way
 * for the application's database and for each of {@code migrations.databases}.
 */
final class MigratorAssembly {

	private MigratorAssembly() {
	}

	static Migrator assemble(MigrationProperties properties, DataSource target, List<Migration> migrations,
			List<SqlScript> files, List<MigrationSettingsCustomizer> customizers, MigrationListener listener) {
		return assemble(properties, target, migrations, files, customizers, listener, false);
	}

	/**
	 * Builds the engine; with tenants, a file that uses a built-in placeholder whose value is each
	 * tenant's own is refused, since the files are read once for all tenants.
	 */
	static Migrator assemble(MigrationProperties properties, DataSource target, List<Migration> migrations,
			List<SqlScript> files, List<MigrationSettingsCustomizer> customizers, MigrationListener listener,
			boolean tenants) {
		RunSettings settings = properties.toRunSettings();
		for (MigrationSettingsCustomizer customizer : customizers) {
			settings = customizer.customize(settings);
		}
		// every use of a file (checksum, lint, offline script, run) sees the text that runs
		OwnedSchemas schemas = properties.toOwnedSchemas();
		String home = (properties.getSchema() != null) ? properties.getSchema() : schemas.defaultSchema();
		BuiltInPlaceholders builtIns = new BuiltInPlaceholders(target, home, settings.flywayTable().name());
		SqlCallbacks.Split scripts = SqlCallbacks.split(properties
			.toPlaceholders(tenants ? builtIns.forTenants() : builtIns)
			.apply(files));
		return new Migrator(target, catalog(migrations, scripts.migrations()), new PostgresDialect(), settings, listener)
			.withUpgradeCheck(new UnmergedHeadsCheck(properties.getUnmergedHeads())
				.andThen(new LintGate(properties.getLint(), properties.getLintSmallTableRows(),
						properties.getLintNotChecked())))
			.withRelease(Release.of(properties.getRelease()))
			.withBaselineOnMigrate(blankToNull(properties.getBaselineOnMigrate()))
			.withSchemas(schemas)
			.withCallbacks(scripts.callbacks());
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** The Java revisions (beans) and the SQL files of the locations, in one graph. */
	private static MigrationCatalog catalog(List<Migration> migrations, List<SqlScript> scripts) {
		List<DeclaredRevision> revisions = new ArrayList<>();
		migrations.stream().map(DeclaredRevision::of).forEach(revisions::add);
		revisions.addAll(SqlRevisions.declare(scripts));
		return MigrationCatalog.ofDeclared(revisions);
	}

}
