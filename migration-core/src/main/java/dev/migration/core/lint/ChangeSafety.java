package dev.migration.core.lint;

/**
 * What the linter knows of a change before it is written, for tools that write revisions: which
 * type changes rewrite the table and which defaults are volatile.
 */
public final class ChangeSafety {

	private ChangeSafety() {
	}

	/**
	 * Returns whether changing a column's type rewrites the table (and its indexes) under an
	 * ACCESS EXCLUSIVE lock, as the {@code type-change-rewrite} rule judges it.
	 * @param from the type now, as SQL writes it, such as {@code character varying(20)}
	 * @param to the new type
	 * @return whether PostgreSQL rewrites the table
	 */
	public static boolean typeChangeRewrites(String from, String to) {
		return !TypeName.parse(to).binaryCompatibleFrom(TypeName.parse(from));
	}

	/**
	 * Returns whether a default calls a volatile function (such as {@code gen_random_uuid()}),
	 * which makes adding a column with it rewrite the table.
	 * @param sql the default expression
	 * @return whether the {@code volatile-default} rule would report it
	 */
	public static boolean volatileDefault(String sql) {
		return Expressions.volatileCall(sql, (name) -> false) != null;
	}

}
