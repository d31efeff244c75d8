package dev.migration.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a {@link Migration} as one revision of the schema, Alembic-style: its id, the
 * revisions it revises (two or more make it a merge point) and what it does.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Revision {

	/**
	 * The revision id, unique among all migrations (for example {@code "3f9a1c2b7d4e"}).
	 * @return the id
	 */
	String id();

	/**
	 * The ids of the revisions this one comes after; empty for a base revision.
	 * @return the parent revision ids
	 */
	String[] revises() default {};

	/**
	 * The revisions this one squashes, when it was written to stand for the history from base
	 * up to them (as the {@code squash} command writes it): a new database runs it in their
	 * place, a database that has them all counts it as applied without running it, and the
	 * revisions after them follow it. It revises nothing.
	 * @return the ids of the revisions it replaces
	 */
	String[] replaces() default {};

	/**
	 * A short description shown in history, logs and the offline script.
	 * @return the message
	 */
	String message() default "";

	/**
	 * Labels naming the branch this revision starts or belongs to, usable in targets such as
	 * {@code label@head}.
	 * @return the branch labels
	 */
	String[] branchLabels() default {};

	/**
	 * Revisions, possibly on other branches, that must be applied before this one without
	 * being its parents.
	 * @return the revision ids this one depends on
	 */
	String[] dependsOn() default {};

	/**
	 * Whether the revision may run in a transaction. When {@code true} (the default) it runs
	 * in one transaction unless its first operation cannot run inside a transaction (such as
	 * {@code CREATE INDEX CONCURRENTLY}); when {@code false} every statement commits on its own.
	 * @return whether to use a transaction
	 */
	boolean transactional() default true;

	/**
	 * When the revision runs: during start-up (the default), in the background once the
	 * application is ready, or once an operator releases it. Revisions after a background or
	 * contract revision wait for it, whatever their own stage.
	 * @return the stage
	 */
	Stage stage() default Stage.STARTUP;

}
