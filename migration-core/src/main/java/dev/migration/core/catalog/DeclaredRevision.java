package dev.migration.core.catalog;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;

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
 */
public record DeclaredRevision(RevisionNode node, Migration migration, boolean transactional, Stage stage,
		boolean repeatable) {

	public DeclaredRevision {
		Objects.requireNonNull(node, "node");
		Objects.requireNonNull(migration, "migration");
		Objects.requireNonNull(stage, "stage");
		if (repeatable && !node.downRevisions().isEmpty()) {
			throw new InvalidMigrationException("Repeatable revision " + node.id() + " revises "
					+ node.downRevisions() + ", but a repeatable one stands outside the chain; use depends-on to "
					+ "make it wait for a revision.");
		}
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
			return new DeclaredRevision(node, migration, revision.transactional(), revision.stage());
		}
		catch (RuntimeException ex) {
			throw new InvalidMigrationException("The @Revision annotation of " + type.getName() + " is invalid: "
					+ ex.getMessage(), ex);
		}
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
