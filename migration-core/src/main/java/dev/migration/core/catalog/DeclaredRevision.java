package dev.migration.core.catalog;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;

import dev.migration.core.Migration;
import dev.migration.core.Revision;
import dev.migration.core.Stage;
import dev.migration.core.graph.RevisionNode;

/**
 * A migration together with what its {@link Revision} annotation declares.
 *
 * @param node the revision's place in the graph
 * @param migration the migration
 * @param transactional whether it may run in a transaction
 * @param stage when it runs: during start-up, in the background, or once released
 * @param repeatable whether it is a repeatable script: outside the graph, applied again after
 * the other revisions whenever its checksum changes, never reverted
 * @param replaces the revisions this one squashes: it stands for the history from base up to
 * them, runs on a new database in their place and counts as applied where they all are
 */
public record DeclaredRevision(RevisionNode node, Migration migration, boolean transactional, Stage stage,
		boolean repeatable, List<String> replaces) {

	public DeclaredRevision {
		Objects.requireNonNull(node, "node");
		Objects.requireNonNull(migration, "migration");
		Objects.requireNonNull(stage, "stage");
		replaces = List.copyOf(new LinkedHashSet<>(replaces));
		if (repeatable && !node.downRevisions().isEmpty()) {
			throw new InvalidMigrationException("Repeatable revision " + node.id() + " revises "
					+ node.downRevisions() + ", but a repeatable one stands outside the chain; use depends-on to "
					+ "make it wait for a revision.");
		}
		if (!replaces.isEmpty() && (repeatable || !node.downRevisions().isEmpty())) {
			throw new InvalidMigrationException("Revision " + node.id() + " replaces " + replaces + " and revises "
					+ node.downRevisions() + ", but a squash stands for the history from base: it revises nothing. "
					+ "Remove revises; the revisions after the squashed ones keep naming them as their parents.");
		}
	}

	/**
	 * Creates a revision that squashes nothing.
	 * @param node the revision's place in the graph
	 * @param migration the migration
	 * @param transactional whether it may run in a transaction
	 * @param stage when it runs
	 * @param repeatable whether it is a repeatable script
	 */
	public DeclaredRevision(RevisionNode node, Migration migration, boolean transactional, Stage stage,
			boolean repeatable) {
		this(node, migration, transactional, stage, repeatable, List.of());
	}

	/**
	 * Creates a revision of the graph, not a repeatable one.
	 * @param node the revision's place in the graph
	 * @param migration the migration
	 * @param transactional whether it may run in a transaction
	 * @param stage when it runs
	 */
	public DeclaredRevision(RevisionNode node, Migration migration, boolean transactional, Stage stage) {
		this(node, migration, transactional, stage, false);
	}

	/**
	 * Creates a revision that runs during start-up.
	 * @param node the revision's place in the graph
	 * @param migration the migration
	 * @param transactional whether it may run in a transaction
	 */
	public DeclaredRevision(RevisionNode node, Migration migration, boolean transactional) {
		this(node, migration, transactional, Stage.STARTUP);
	}

	/**
	 * Reads the {@link Revision} annotation of a migration, looking through Spring proxies.
	 * @param migration the migration
	 * @return the declared revision
	 * @throws InvalidMigrationException when the annotation is missing or invalid
	 */
	public static DeclaredRevision of(Migration migration) {
		Class<?> type = ClassUtils.getUserClass(migration);
		Revision revision = AnnotationUtils.findAnnotation(type, Revision.class);
		if (revision == null) {
			throw new InvalidMigrationException("Migration " + type.getName() + " has no @Revision annotation. Add "
					+ "@Revision(id = \"...\", revises = \"<parent id>\", message = \"...\") to the class.");
		}
		try {
			RevisionNode node = new RevisionNode(revision.id(), Arrays.asList(revision.revises()),
					new LinkedHashSet<>(Arrays.asList(revision.branchLabels())),
					new LinkedHashSet<>(Arrays.asList(revision.dependsOn())), revision.message());
			return new DeclaredRevision(node, migration, revision.transactional(), revision.stage(), false,
					Arrays.asList(revision.replaces()));
		}
		catch (RuntimeException ex) {
			throw new InvalidMigrationException("The @Revision annotation of " + type.getName() + " is invalid: "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * Returns this revision in another place of the graph, as when the parents it names were
	 * squashed into one revision.
	 * @param parents the parent ids
	 * @param dependsOn the ids it depends on
	 * @return the revision
	 */
	public DeclaredRevision withParents(List<String> parents, Set<String> dependsOn) {
		RevisionNode moved = new RevisionNode(this.node.id(), parents, this.node.branchLabels(), dependsOn,
				this.node.message());
		return new DeclaredRevision(moved, this.migration, this.transactional, this.stage, this.repeatable,
				this.replaces);
	}

	/**
	 * Returns the revision id.
	 * @return the id
	 */
	public String id() {
		return this.node.id();
	}

	/**
	 * Returns the revision message.
	 * @return the message
	 */
	public String message() {
		return this.node.message();
	}

}
