package dev.migration.core.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migration.core.dialect.Dialect;
import dev.migration.core.dialect.SqlStatement;
import dev.migration.core.history.HistoryTable;
import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * The schemas a history owns, as Flyway's {@code defaultSchema} and {@code schemas}: each one
 * created when missing, the default schema the search path of every step (so a file's
 * unqualified names land there, wherever the connection pointed) and the home of the history
 * and of Flyway's history table.
 *
 * @param defaultSchema the schema steps run in, or {@code null} to keep the connection's search path
 * @param others further schemas the history owns, created with the default one
 * @param create whether missing schemas are created
 */
public record OwnedSchemas(String defaultSchema, List<String> others, boolean create) {

	/** No schema owned: steps run on the connection's search path. */
	public static final OwnedSchemas NONE = new OwnedSchemas(null, List.of(), false);

	public OwnedSchemas {
		others = List.copyOf(others);
		if (defaultSchema != null) {
			Names.require("default schema (migrations.default-schema)", defaultSchema);
		}
		others.forEach((schema) -> Names.require("schema (migrations.schemas)", schema));
		if (defaultSchema == null && !others.isEmpty()) {
			throw new IllegalArgumentException("migrations.schemas " + others + " needs migrations.default-schema, "
					+ "the schema the steps run in; Flyway takes the first of its schemas, so set it to " + others.get(0)
					+ ".");
		}
	}

	/**
	 * Returns whether a default schema is set.
	 * @return whether steps run in a schema of their own
	 */
	public boolean isSet() {
		return this.defaultSchema != null;
	}

	/** The schemas to create: the default one first. */
	List<String> all() {
		Set<String> all = new LinkedHashSet<>();
		if (this.defaultSchema != null) {
			all.add(this.defaultSchema);
		}
		all.addAll(this.others);
		return new ArrayList<>(all);
	}

	/**
	 * Returns the statements that create the missing schemas.
	 * @param dialect quotes the names
	 * @return the statements, none when creating is off
	 */
	List<SqlStatement> createStatements(Dialect dialect) {
		if (!this.create) {
			return List.of();
		}
		return all().stream().map((schema) -> SqlStatement.of("CREATE SCHEMA IF NOT EXISTS " + dialect.quote(schema)))
			.toList();
	}

	/**
	 * Returns the setting that makes the default schema the search path of the session.
	 * @param dialect quotes the name
	 * @return the setting, or none when no default schema is set
	 */
	List<SqlStatement> searchPath(Dialect dialect) {
		return isSet() ? List.of(SqlStatement.setting("SET search_path TO " + dialect.quote(this.defaultSchema)))
				: List.of();
	}

	/**
	 * Returns the settings with the history, and Flyway's history when unqualified, in the
	 * default schema unless placed elsewhere.
	 * @param settings the settings
	 * @return the settings
	 */
	RunSettings place(RunSettings settings) {
		if (!isSet()) {
			return settings;
		}
		RunSettings placed = settings;
		if (settings.history().schema() == null) {
			placed = placed.withHistory(new HistoryTable(this.defaultSchema, settings.history().table()));
		}
		if (settings.flywayTable().schema() == null) {
			placed = placed.withFlywayTable(new QualifiedName(this.defaultSchema, settings.flywayTable().name()));
		}
		if (settings.liquibaseTable().schema() == null) {
			placed = placed.withLiquibaseTable(new QualifiedName(this.defaultSchema, settings.liquibaseTable().name()));
		}
		return placed;
	}

}
