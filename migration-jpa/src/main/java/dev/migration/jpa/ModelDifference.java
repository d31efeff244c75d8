package dev.migration.jpa;

import java.util.Locale;
import java.util.Objects;

import dev.migration.core.snapshot.SchemaObject;

/**
 * One way the entities and the revisions disagree, such as a column the entities map that the
 * revisions never made.
 *
 * @param aspect what differs
 * @param subject where: a table, {@code table.column}, or the table and definition of a constraint or index
 * @param expected what the entities expect, or {@code null} for nothing
 * @param actual what the revisions made, or {@code null} for nothing
 * @param entityObject the object of the entities' side as read from the catalog (a table, column,
 * constraint, index, sequence or enum type), or {@code null} when that side has none
 * @param revisionObject the object of the revisions' side, or {@code null} when that side has none
 */
public record ModelDifference(Aspect aspect, String subject, String expected, String actual,
		SchemaObject entityObject, SchemaObject revisionObject) {

	public ModelDifference {
		Objects.requireNonNull(aspect, "aspect");
		Objects.requireNonNull(subject, "subject");
	}

	/**
	 * Creates a difference that carries no catalog objects, such as one written in a test.
	 * @param aspect what differs
	 * @param subject where
	 * @param expected what the entities expect, or {@code null} for nothing
	 * @param actual what the revisions made, or {@code null} for nothing
	 */
	public ModelDifference(Aspect aspect, String subject, String expected, String actual) {
		this(aspect, subject, expected, actual, null, null);
	}

	/**
	 * Describes this difference in one line.
	 * @return such as {@code type orders.total: the entities expect numeric(38,2), the revisions made integer}
	 */
	public String describe() {
		return this.aspect.label() + " " + this.subject + ": the entities expect " + shown(this.expected)
				+ ", the revisions made " + shown(this.actual);
	}

	private static String shown(String value) {
		return (value != null) ? value.strip().replaceAll("\\s+", " ") : "nothing";
	}

	/** What can differ between the entities and the revisions. */
	public enum Aspect {

		/** A table the entities map and the revisions never made. */
		MISSING_TABLE,

		/** A table the revisions made and no entity maps. */
		EXTRA_TABLE,

		/** A column the entities map and the revisions never made. */
		MISSING_COLUMN,

		/** A column the revisions made and no entity maps. */
		EXTRA_COLUMN,

		/** A column's type, as PostgreSQL prints it. */
		TYPE,

		/** Whether a column takes nulls. */
		NULLABILITY,

		/** A column's default. */
		DEFAULT,

		/** Whether and how a column is an identity column. */
		IDENTITY,

		/** A generated column's expression. */
		GENERATED,

		/** A table's or a column's comment. */
		COMMENT,

		/** A primary key. */
		PRIMARY_KEY,

		/** A unique constraint. */
		UNIQUE,

		/** A foreign key. */
		FOREIGN_KEY,

		/** A check constraint. */
		CHECK,

		/** An exclusion constraint. */
		EXCLUSION,

		/** An index. */
		INDEX,

		/** A sequence. */
		SEQUENCE,

		/** An enum type. */
		ENUM_TYPE;

		/**
		 * Returns the aspect as written in a difference, such as {@code missing column}.
		 * @return the readable name
		 */
		public String label() {
			return name().toLowerCase(Locale.ROOT).replace('_', ' ');
		}

	}

}
