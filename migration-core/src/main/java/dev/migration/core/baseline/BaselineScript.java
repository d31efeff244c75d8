package dev.migration.core.baseline;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.migration.core.baseline.CatalogStatements.Phases;
import dev.migration.core.baseline.SchemaObjects.SchemaObject;

/**
 * The SQL that rebuilds a database's schema and its rows on an empty database, read from
 * PostgreSQL's catalog (14 or later), with the SQL that drops it all again.
 *
 * <p>Read from a scratch database that a history of migrations has built, it is the one
 * script that can stand in for that history. The upgrade follows {@code pg_dump}'s order:
 * schemas, extensions ({@code IF NOT EXISTS}, in the schema they are in); then types (enums,
 * domains with their constraints, composite and range types), sequences, functions and
 * procedures, tables (columns in their order with type, collation, default, identity,
 * generated expression and {@code NOT NULL}; check constraints; unlogged, partitioned,
 * partitions, inheritance, storage parameters) and views, each after what it depends on;
 * partitions attached, serial sequences owned, column statistics, storage and compression; the
 * rows and the sequences' values; primary keys, unique and exclusion constraints,
 * {@code NOT VALID} checks, the views that need a key (grouping by it); indexes (attached to
 * their partitioned parents), clustering,
 * replica identity, foreign keys, triggers with their enabled state, rules, row-level
 * security and policies, comments; last, materialized views that held data are refreshed.
 *
 * <p>Left out: what an extension created (the extension is created instead), the tables of
 * the {@link BaselineScope}, grants, default privileges and owners (they name roles of the
 * cluster, not of the database, and the script runs as whoever applies it), tablespaces,
 * per-column options, aggregates, operators, casts, collations, text search objects, foreign
 * data, publications, event triggers, extended statistics and large objects.
 *
 * <p>The downgrade drops, newest first, what the upgrade created: foreign keys first, then
 * views, tables (with their rows, indexes, constraints and triggers), routines, sequences and
 * types, each as itself without {@code CASCADE}, so that it never drops what the baseline did
 * not create. Extensions stay, as do schemas that hold one or hold a table left out: the
 * upgrade only creates them if they are missing, so they may have been there before.
 *
 * @param upgrade the statements that build the schema and its rows, in order
 * @param downgrade the statements that drop it, in order
 */
public record BaselineScript(List<String> upgrade, List<String> downgrade) {

	/**
	 * Routines come before the tables whose defaults call them, so their bodies cannot be
	 * checked against tables yet: {@code pg_dump} turns the check off the same way.
	 */
	private static final String NO_BODY_CHECKS = "SET check_function_bodies = false";

	private static final String BODY_CHECKS = "RESET check_function_bodies";

	public BaselineScript {
		upgrade = List.copyOf(upgrade);
		downgrade = List.copyOf(downgrade);
	}

	/**
	 * Reads the baseline of a database, leaving the connection's settings as they were.
	 * @param connection a connection to the database
	 * @param scope the schemas to read and the tables to leave out
	 * @return the script
	 * @throws SQLException when the catalog or a table cannot be read
	 */
	public static BaselineScript read(Connection connection, BaselineScope scope) throws SQLException {
		Objects.requireNonNull(scope, "scope");
		try (ReadingSession session = ReadingSession.open(connection)) {
			SchemaObjects.Ordered objects = SchemaObjects.read(connection, scope);
			Phases phases = CatalogStatements.read(connection, scope);
			List<Step> rows = SeedRows.read(connection, scope);
			return of(steps(objects, phases, rows));
		}
	}

	/**
	 * Counts the rows a baseline of the database would carry, stopping at a limit: a baseline
	 * read from a database in use would carry its data.
	 * @param connection a connection to the database
	 * @param scope the schemas to read and the tables to leave out
	 * @param limit the count at which to stop
	 * @return the rows counted, no more than about the limit
	 * @throws SQLException when a table cannot be read
	 */
	public static long rowsUpTo(Connection connection, BaselineScope scope, long limit) throws SQLException {
		return SeedRows.rowsUpTo(connection, scope, limit);
	}

	private static List<Step> steps(SchemaObjects.Ordered objects, Phases phases, List<Step> rows) {
		List<Step> steps = new ArrayList<>();
		steps.add(Step.of(NO_BODY_CHECKS));
		steps.addAll(phases.beforeObjects());
		steps.addAll(creations(objects.beforeRows()));
		steps.addAll(phases.beforeRows());
		steps.addAll(rows);
		steps.addAll(phases.keys());
		steps.addAll(creations(objects.afterKeys()));
		steps.addAll(phases.afterKeys());
		objects.all().stream().map(SchemaObject::refresh).filter(Objects::nonNull).map(Step::of).forEach(steps::add);
		steps.add(Step.of(BODY_CHECKS));
		return steps;
	}

	private static List<Step> creations(List<SchemaObject> objects) {
		return objects.stream().map((object) -> new Step(object.create(), object.drop())).toList();
	}

	private static BaselineScript of(List<Step> steps) {
		List<String> undo = new ArrayList<>();
		steps.stream().map(Step::undo).filter(Objects::nonNull).forEach(undo::add);
		Collections.reverse(undo);
		return new BaselineScript(steps.stream().map(Step::sql).toList(), undo);
	}

	/**
	 * Returns the upgrade as an SQL file: a short header, then each statement ended by
	 * {@code ;} on a paragraph of its own.
	 * @return the file's text
	 */
	public String upgradeText() {
		return text("-- Baseline: the schema and rows the history builds, read from PostgreSQL's catalog.\n"
				+ "-- Run it on an empty database. Grants and owners are not included.\n", this.upgrade);
	}

	/**
	 * Returns the downgrade as an SQL file, as {@link #upgradeText()} does.
	 * @return the file's text
	 */
	public String downgradeText() {
		return text("-- Drops what the baseline created, newest first. Extensions stay (the baseline only creates\n"
				+ "-- them if missing, and other objects may use them), as do the schemas that hold them.\n", this.downgrade);
	}

	private static String text(String header, List<String> statements) {
		return header + "\n" + statements.stream().map((statement) -> statement + ";\n").collect(Collectors.joining("\n"));
	}

}
