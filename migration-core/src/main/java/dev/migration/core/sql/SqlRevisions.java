package dev.migration.core.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.migration.core.Stage;
import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.dialect.PostgresScanner;
import dev.migration.core.graph.RevisionNode;

/**
 * Turns SQL migration files into revisions: one per version, chained in version order, its
 * undo file as its downgrade. A file that needs to run outside a transaction (such as
 * {@code CREATE INDEX CONCURRENTLY}) makes its revision non-transactional, each statement
 * committing on its own, as Flyway runs such a file.
 */
public final class SqlRevisions {

	private SqlRevisions() {
	}

	/**
	 * Declares the revisions of the given files.
	 * @param scripts the files, in any order
	 * @return the revisions, in version order
	 * @throws InvalidSqlMigrationException naming the file when a name does not parse, two
	 * files have one version, an undo file has no versioned file, or a header is wrong
	 */
	public static List<DeclaredRevision> declare(List<SqlScript> scripts) {
		Map<MigrationVersion, Named> versioned = new TreeMap<>();
		Map<MigrationVersion, Named> undo = new TreeMap<>();
		Map<MigrationVersion, Named> baselines = new TreeMap<>();
		List<DeclaredRevision> repeatables = new ArrayList<>();
		for (SqlScript script : scripts) {
			SqlFileName name = SqlFileName.parse(script.fileName(), script.location());
			switch (name.kind()) {
				case VERSIONED -> putOnce(versioned, name.version(), new Named(script, name));
				case UNDO -> putOnce(undo, name.version(), new Named(script, name));
				case BASELINE -> putOnce(baselines, name.version(), new Named(script, name));
				case REPEATABLE -> repeatables.add(repeatable(script, name));
			}
		}
		undo.forEach((version, named) -> {
			if (!versioned.containsKey(version) && !baselines.containsKey(version)) {
				throw new InvalidSqlMigrationException(named.script().location(), 0,
						"it undoes version " + version + ", but no V" + version + "__*.sql file is there");
			}
		});
		List<DeclaredRevision> revisions = new ArrayList<>();
		String previous = null;
		List<String> sinceBaseline = new ArrayList<>();
		for (Named named : inVersionOrder(versioned, baselines)) {
			MigrationVersion version = named.name().version();
			DeclaredRevision revision;
			if (named.name().kind() == SqlFileName.Kind.BASELINE) {
				// a versioned file of the same version keeps its undo file: the baseline gets one once that file is gone
				Named undone = versioned.containsKey(version) ? null : undo.get(version);
				revision = baseline(named, (undone != null) ? undone.script() : null, sinceBaseline);
				sinceBaseline.clear();
			}
			else {
				Named undone = undo.get(version);
				revision = declare(named, (undone != null) ? undone.script() : null, previous);
			}
			revisions.add(revision);
			sinceBaseline.add(revision.id());
			previous = revision.id();
		}
		revisions.addAll(repeatables);
		return List.copyOf(revisions);
	}

	/** Versioned files and baselines by version; a baseline comes after the versioned file of its own version. */
	private static List<Named> inVersionOrder(Map<MigrationVersion, Named> versioned,
			Map<MigrationVersion, Named> baselines) {
		List<Named> ordered = new ArrayList<>();
		Set<MigrationVersion> versions = new TreeSet<>(versioned.keySet());
		versions.addAll(baselines.keySet());
		for (MigrationVersion version : versions) {
			if (versioned.containsKey(version)) {
				ordered.add(versioned.get(version));
			}
			if (baselines.containsKey(version)) {
				ordered.add(baselines.get(version));
			}
		}
		return ordered;
	}

	/**
	 * A baseline squashes the files up to its version: those since the baseline before it, and
	 * that baseline, which squashed the ones before; the files after it follow it. Its
	 * {@code -- replaces:} lines name them, so that it still knows them once they are deleted.
	 */
	private static DeclaredRevision baseline(Named named, SqlScript undo, List<String> inCode) {
		SqlScript script = named.script();
		if (!script.header("revises").isEmpty()) {
			throw new InvalidSqlMigrationException(script.location(), 0, "a baseline squashes every versioned file up "
					+ "to its version, from base, so it revises nothing; remove the '-- revises:' line");
		}
		List<String> declared = script.header("replaces");
		List<String> unnamed = inCode.stream().filter((id) -> !declared.isEmpty() && !declared.contains(id)).toList();
		if (!unnamed.isEmpty()) {
			throw new InvalidSqlMigrationException(script.location(), 0, "its '-- replaces:' lines leave out " + unnamed
					+ ", which come before it; a baseline squashes every file up to its version: add them");
		}
		return new DeclaredRevision(node(script, named.name(), List.of()), new SqlMigration(script, undo),
				transactional(script), stage(script), false, declared.isEmpty() ? List.copyOf(inCode) : declared);
	}

	/** A repeatable script stands outside the chain: it only waits for what it depends on. */
	private static DeclaredRevision repeatable(SqlScript script, SqlFileName name) {
		if (!script.header("revises").isEmpty()) {
			throw new InvalidSqlMigrationException(script.location(), 0, "a repeatable script revises no revision: "
					+ "it runs after the others whenever it changes; use '-- depends-on: <id>' to make it wait for one");
		}
		return new DeclaredRevision(node(script, name, List.of()), new SqlMigration(script, null),
				transactional(script), stage(script), true);
	}

	private static DeclaredRevision declare(Named named, SqlScript undo, String previous) {
		SqlScript script = named.script();
		List<String> revises = script.header("revises");
		List<String> parents = !revises.isEmpty() ? revises : (previous != null) ? List.of(previous) : List.of();
		return new DeclaredRevision(node(script, named.name(), parents), new SqlMigration(script, undo),
				transactional(script), stage(script));
	}

	/** A header naming an id the graph cannot take is the file's fault: the message names the file. */
	private static RevisionNode node(SqlScript script, SqlFileName name, List<String> parents) {
		try {
			return new RevisionNode(name.revisionId(), parents, Set.of(), new LinkedHashSet<>(script.header("depends-on")),
					name.description());
		}
		catch (RuntimeException ex) {
			throw new InvalidSqlMigrationException(script.location(), 0, ex.getMessage());
		}
	}

	/**
	 * Only a file that names a word such statements start with is split here; the others are
	 * split when they run or are linted, which reports a broken one before anything runs.
	 */
	private static boolean transactional(SqlScript script) {
		return !PostgresScanner.mentionsNoTransactionWord(script.text())
				|| script.statements().stream().noneMatch(PostgresScanner::requiresNoTransaction);
	}

	private static Stage stage(SqlScript script) {
		List<String> stage = script.header("stage");
		if (stage.isEmpty()) {
			return Stage.STARTUP;
		}
		try {
			return Stage.valueOf(stage.get(0).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSqlMigrationException(script.location(), 0, "'-- stage: " + stage.get(0)
					+ "' names no stage; use startup, background or contract");
		}
	}

	/**
	 * Declares a callback as a revision outside the graph, to be linted as the files around it
	 * are: its id is its file name, its {@code -- allow-unsafe:} lines accept findings.
	 * @param script the callback's file
	 * @return the revision, never applied or recorded
	 */
	public static DeclaredRevision callback(SqlScript script) {
		RevisionNode node = new RevisionNode(script.fileName(), List.of(), Set.of(), Set.of(),
				"callback " + SqlFileName.callbackEvent(script.fileName()));
		return new DeclaredRevision(node, new SqlMigration(script, null), transactional(script), Stage.STARTUP, true);
	}

	private static void putOnce(Map<MigrationVersion, Named> files, MigrationVersion version, Named named) {
		Named other = files.putIfAbsent(version, named);
		if (other != null) {
			throw new InvalidSqlMigrationException(named.script().location(), 0, "version " + version
					+ " is also the version of " + other.script().location() + "; give one of them another version");
		}
	}

	/** A file with its parsed name, so the name is read once. */
	private record Named(SqlScript script, SqlFileName name) {

	}

}
