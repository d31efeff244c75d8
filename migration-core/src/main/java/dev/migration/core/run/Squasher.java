package dev.migration.core.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.MigrationException;
import dev.migration.core.baseline.BaselineScope;
import dev.migration.core.baseline.BaselineScript;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.Dialect;
import dev.migration.core.graph.RevisionNode;
import dev.migration.core.scaffold.SquashTemplate.Squash;
import dev.migration.core.schema.QualifiedName;
import dev.migration.core.snapshot.ObjectKind;
import dev.migration.core.snapshot.SchemaObject;
import dev.migration.core.snapshot.SchemaSnapshot;
import dev.migration.core.sql.SqlMigration;

/**
 * Writes what a squash revision holds: the statements that rebuild a database, read from its
 * catalog, and the revisions (or Liquibase changesets) that built it.
 *
 * @param catalog the revisions in code
 * @param settings where the histories live, left out of what is read
 * @param dialect quotes names
 */
record Squasher(MigrationCatalog catalog, RunSettings settings, Dialect dialect) {

	/**
	 * Returns the squash of the history up to a revision, read from a scratch database that the
	 * given migrator upgraded there: every row in it came from the revisions, so rows are kept.
	 * @param scratch the upgraded scratch database
	 * @param target the revision squashed up to, with the revisions before it
	 * @param id the new revision's id
	 * @param date today
	 * @return the squash
	 */
	Squash ofHistory(DataSource scratch, String target, String id, LocalDate date) {
		List<String> replaced = new ArrayList<>();
		Set<String> wanted = this.catalog.graph().ancestors(target);
		for (RevisionNode node : this.catalog.graph().topologicalOrder()) {
			if (wanted.contains(node.id()) || node.id().equals(target)) {
				replaced.add(node.id());
			}
		}
		BaselineScript script = read(scratch);
		return new Squash(id, "squash of " + replaced.size() + " revision(s) up to " + target, replaced,
				script.upgrade(), script.downgrade(), "a scratch database upgraded to " + target, date);
	}

	/**
	 * Returns the squash of what Liquibase built, read from a database it updated: the
	 * baseline that stands for each changeset its history records.
	 * @param database the database Liquibase updated
	 * @param id the new revision's id
	 * @param date today
	 * @param maxRows the most rows the baseline may carry: more are a sign of a database in use
	 * @return the squash
	 */
	Squash ofLiquibase(DataSource database, String id, LocalDate date, int maxRows) {
		JdbcTemplate jdbc = new JdbcTemplate(database);
		if (!LiquibaseHistory.exists(jdbc, this.settings.liquibaseTable(), this.dialect)) {
			throw new MigrationException("The database has no " + this.settings.liquibaseTable() + " to squash: point "
					+ "spring.datasource.url (or migrations.url) at a database Liquibase updated, or set "
					+ "migrations.liquibase-table to where Liquibase kept its history.");
		}
		List<String> changesets = LiquibaseHistory.read(jdbc, this.settings.liquibaseTable(), this.dialect).changesets();
		if (changesets.isEmpty()) {
			throw new MigrationException(this.settings.liquibaseTable() + " records no changeset, so a baseline would "
					+ "stand for nothing: point spring.datasource.url at a database Liquibase updated; nothing was written.");
		}
		if (rowsUpTo(database, maxRows + 1L) > maxRows) {
			throw new MigrationException("The database holds more than " + maxRows + " rows, the most a baseline "
					+ "carries (migrations.squash.max-rows): it looks like a database in use, whose rows are not the "
					+ "changelog's. Point it at a database Liquibase built from empty (as CI does), or raise "
					+ "migrations.squash.max-rows when the rows are the changelog's own; nothing was written.");
		}
		BaselineScript script = read(database);
		return new Squash(id, "baseline of " + changesets.size() + " Liquibase changeset(s)", changesets,
				script.upgrade(), script.downgrade(), "the database Liquibase updated (" + this.settings.liquibaseTable()
						+ ")", date);
	}

	private BaselineScope scope() {
		return BaselineScope.of(this.settings.history(), this.settings.flywayTable().name())
			.leavingOut(this.settings.liquibaseTable().name());
	}

	/**
	 * Returns the statements that drop what one snapshot holds and the other does not, such
	 * as what repeatable scripts made on top of a squash, newest kinds first; each only if it
	 * is there, since a repeatable script may not have run yet.
	 * @param before the schema without them
	 * @param after the schema with them
	 * @return the drop statements
	 */
	List<String> drops(SchemaSnapshot before, SchemaSnapshot after) {
		Set<String> existing = before.byKey().keySet();
		List<String> drops = new ArrayList<>();
		for (ObjectKind kind : List.of(ObjectKind.TRIGGER, ObjectKind.VIEW, ObjectKind.FUNCTION, ObjectKind.TABLE,
				ObjectKind.SEQUENCE, ObjectKind.ENUM_TYPE)) {
			after.objects().stream().filter((object) -> object.kind() == kind && !existing.contains(object.key()))
				.map(this::drop).forEach(drops::add);
		}
		return drops;
	}

	private String drop(SchemaObject object) {
		String name = object.name();
		return switch (object.kind()) {
			case TRIGGER -> {
				int dot = name.lastIndexOf('.');
				yield "DROP TRIGGER IF EXISTS " + this.dialect.quote(name.substring(dot + 1)) + " ON "
						+ this.dialect.quote(QualifiedName.parse(name.substring(0, dot)));
			}
			case VIEW -> ("true".equals(object.attributes().get("materialized")) ? "DROP MATERIALIZED VIEW IF EXISTS "
					: "DROP VIEW IF EXISTS ") + this.dialect.quote(QualifiedName.parse(name));
			case FUNCTION -> {
				int paren = name.indexOf('(');
				yield "DROP ROUTINE IF EXISTS " + this.dialect.quote(QualifiedName.parse(name.substring(0, paren)))
						+ name.substring(paren);
			}
			case TABLE -> "DROP TABLE IF EXISTS " + this.dialect.quote(QualifiedName.parse(name));
			case SEQUENCE -> "DROP SEQUENCE IF EXISTS " + this.dialect.quote(QualifiedName.parse(name));
			default -> "DROP TYPE IF EXISTS " + this.dialect.quote(QualifiedName.parse(name));
		};
	}

	/** Whether the squash is a SQL baseline file: when every revision it replaces is a SQL file. */
	boolean isSqlHistory(Squash squash) {
		return squash.replaces().stream().allMatch((id) -> this.catalog.graph().find(id).isPresent()
				&& this.catalog.get(id).migration() instanceof SqlMigration);
	}

	private long rowsUpTo(DataSource database, long limit) {
		try (Connection connection = database.getConnection()) {
			return BaselineScript.rowsUpTo(connection, scope(), limit);
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not count the rows to squash: " + ex.getMessage(), ex);
		}
	}

	private BaselineScript read(DataSource database) {
		try (Connection connection = database.getConnection()) {
			return BaselineScript.read(connection, scope());
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not read the schema to squash: " + ex.getMessage(), ex);
		}
	}

}
