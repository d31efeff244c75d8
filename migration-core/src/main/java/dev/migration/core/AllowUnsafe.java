package dev.migration.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Accepts one linter rule's findings in a revision, with the reason why they are safe here; the
 * report still lists them, as suppressed, with that reason.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(AllowUnsafe.List.class)
public @interface AllowUnsafe {

	/**
	 * The rule id, such as {@code index-not-concurrent}.
	 * @return the rule id
	 */
	String rule();

	/**
	 * Why the finding is safe in this revision, such as "the table is empty until the next release".
	 * @return the reason, never blank
	 */
	String reason();

	/**
	 * Limits the suppression to the findings whose statement contains this text (case-insensitive),
	 * such as an index or table name; empty, the default, suppresses the rule in the whole revision.
	 * @return the text the statement must contain
	 */
	String on() default "";

	/**
	 * Holds repeated {@link AllowUnsafe} annotations.
	 */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@interface List {

		/**
		 * The annotations.
		 * @return the annotations
		 */
		AllowUnsafe[] value();

	}

}
