package dev.migration.core.op;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import dev.migration.core.schema.Names;

/**
 * An SQL expression written by the migration author with a {@code ?} for each value bound to
 * it, such as {@code status = ? AND created_at < ?}; the values never become part of its text.
 *
 * @param sql the expression, one SQL expression without {@code ;}
 * @param values the bound values in the order of the placeholders, {@code null} allowed
 */
public record BoundExpression(String sql, List<Object> values) {

	public BoundExpression {
		sql = Names.requireSql("expression", sql);
		// List.copyOf would reject the NULLs a value may be
		values = Collections.unmodifiableList(new ArrayList<>(values));
	}

	/**
	 * One value, bound as it is.
	 * @param value the value, possibly {@code null}
	 * @return the expression {@code ?} with that value
	 */
	public static BoundExpression value(Object value) {
		return new BoundExpression("?", Collections.singletonList(value));
	}

	/**
	 * An expression with its values as a migration passes them to a varargs method, where a
	 * single {@code null} arrives as a {@code null} array.
	 * @param sql the expression
	 * @param values the values
	 * @return the expression
	 */
	public static BoundExpression of(String sql, Object... values) {
		return new BoundExpression(sql, (values != null) ? Arrays.asList(values) : Collections.singletonList(null));
	}

}
