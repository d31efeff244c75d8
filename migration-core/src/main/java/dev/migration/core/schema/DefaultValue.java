package dev.migration.core.schema;

/**
 * A column default: a value the dialect renders as a safe literal, an SQL expression the
 * migration author wrote (such as {@code now()}), or no default at all.
 */
public sealed interface DefaultValue {

	/** No default. */
	DefaultValue NONE = new None();

	/**
	 * A literal value: a String, a number, a Boolean, a UUID, a date or time, or bytes.
	 * @param value the value
	 * @return the default
	 */
	static DefaultValue of(Object value) {
		return new Literal(value);
	}

	/**
	 * An SQL expression evaluated by the database, such as {@code now()} or
	 * {@code gen_random_uuid()}.
	 * @param sql the expression
	 * @return the default
	 */
	static DefaultValue expression(String sql) {
		return new Expression(Names.requireSql("default expression", sql));
	}

	/**
	 * A literal default value.
	 *
	 * @param value the value, rendered by the dialect; {@code null} is SQL {@code NULL}
	 */
	record Literal(Object value) implements DefaultValue {

	}

	/**
	 * A default computed by an SQL expression.
	 *
	 * @param sql the expression, written by the migration author
	 */
	record Expression(String sql) implements DefaultValue {

		public Expression {
			sql = Names.requireSql("default expression", sql);
		}

	}

	/** The absence of a default. */
	record None() implements DefaultValue {

	}

}
