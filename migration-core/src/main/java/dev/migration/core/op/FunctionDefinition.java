package dev.migration.core.op;

import java.util.List;
import java.util.Objects;

import dev.migration.core.MigrationException;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * What {@code CREATE FUNCTION} needs: the signature, the result type, and the body as the
 * migration author wrote it, in plpgsql unless another language is named.
 *
 * @param name the function
 * @param arguments its arguments, in order
 * @param returns the result type; {@link #TRIGGER} for a trigger function
 * @param language the language of the body, such as {@code plpgsql} or {@code sql}
 * @param body the body, an SQL fragment rendered as it is inside a dollar quote
 * @param volatility what the function promises about its results, for the planner
 */
public record FunctionDefinition(QualifiedName name, List<Argument> arguments, ColumnType returns, String language,
		String body, Volatility volatility) {

	/** The result type of a trigger function. */
	public static final ColumnType TRIGGER = ColumnType.builtIn("trigger");

	public FunctionDefinition {
		Objects.requireNonNull(name, "name");
		arguments = List.copyOf(arguments);
		if (returns == null) {
			throw new MigrationException("Function " + name + " needs returns(type) or returnsTrigger().");
		}
		Names.require("language", language);
		body = Names.requireSql("body of function " + name, body);
		Objects.requireNonNull(volatility, "volatility");
		if (returns.equals(TRIGGER) && !arguments.isEmpty()) {
			throw new MigrationException("Trigger function " + name + " cannot declare arguments; a trigger passes "
					+ "its arguments in TG_ARGV.");
		}
	}

	/**
	 * Returns the types of the arguments, which with the name identify the function.
	 * @return the argument types, in order
	 */
	public List<ColumnType> argumentTypes() {
		return this.arguments.stream().map(Argument::type).toList();
	}

	/**
	 * One argument of a function.
	 *
	 * @param name the argument's name, or {@code null} for none
	 * @param type its type
	 */
	public record Argument(String name, ColumnType type) {

		public Argument {
			if (name != null) {
				Names.require("argument", name);
			}
			Objects.requireNonNull(type, "type");
		}

	}

	/** What a function promises about its results, as {@code VOLATILE}, {@code STABLE} or {@code IMMUTABLE}. */
	public enum Volatility {

		/** May return another result on every call, or change the database; PostgreSQL's default. */
		VOLATILE,

		/** Returns the same result for the same arguments within one statement. */
		STABLE,

		/** Returns the same result for the same arguments for ever. */
		IMMUTABLE

	}

}
