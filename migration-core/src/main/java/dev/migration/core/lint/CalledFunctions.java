package dev.migration.core.lint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.migration.core.lint.parse.ParsedStatement.CreateFunction;
import dev.migration.core.lint.parse.TableName;

/**
 * What the linter knows of a function a statement calls: PostgreSQL's own compute values (the
 * few that change a sequence or a setting are judged as the statement around them is), one
 * declared {@code STABLE} or {@code IMMUTABLE} can change nothing, and any other may change rows
 * or the schema out of the linter's sight, unless it reads the body.
 */
final class CalledFunctions {

	private static final Set<String> BUILT_IN = builtIn();

	private CalledFunctions() {
	}

	private static Set<String> builtIn() {
		try (InputStream in = CalledFunctions.class.getResourceAsStream("builtin-functions.txt");
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			return reader.lines().filter((line) -> !line.isBlank() && !line.startsWith("#")).collect(Collectors.toSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns whether the call names one of PostgreSQL's own functions (or of an extension that
	 * only computes values, in whatever schema it was installed), and the linted SQL made none of
	 * that name.
	 */
	static boolean isBuiltIn(TableName call, Scope scope) {
		String name = Scope.key(call.name());
		if (scope.schema.function(name) != null) {
			return false;
		}
		boolean unqualified = call.schema() == null || call.schema().equals("pg_catalog");
		return BUILT_IN.contains(name) || unqualified && scope.schema.facts.isBuiltIn(name);
	}

	/** Returns whether the body of a function the linted SQL created can be judged where it is called. */
	static boolean readable(CreateFunction function) {
		String language = (function.language() != null) ? function.language() : "sql";
		return !function.procedure() && function.body() != null && (language.equals("sql") || language.equals("plpgsql"));
	}

	/**
	 * Returns why a call cannot be judged, or {@code null} when it changes nothing the linter
	 * should see: a function declared {@code STABLE} or {@code IMMUTABLE}, in the linted SQL or the
	 * database, reads only (PostgreSQL refuses a write in one).
	 * @param call the function called, not one of PostgreSQL's own nor one whose body is read
	 * @param scope what the linter knows
	 * @return the detail of the statement not checked, or {@code null}
	 */
	static String unseen(TableName call, Scope scope) {
		CreateFunction created = scope.schema.function(call.name());
		if (created != null) {
			return (created.volatility() != CreateFunction.Volatility.VOLATILE) ? null : unread(call, created);
		}
		Optional<Boolean> declared = scope.schema.facts.declaresVolatile(Scope.key(call.name()));
		if (declared.isPresent()) {
			return declared.get() ? "It calls " + call + "(), which the database declares VOLATILE: its body, which "
					+ "the linter does not read, may change rows or the schema." : null;
		}
		return "It calls " + call + "(), a function the linter does not know (neither PostgreSQL's own, nor created "
				+ "in the linted SQL" + (scope.schema.facts.known() ? ", nor in the database" : "") + "): it may "
				+ "change rows or the schema. Declared STABLE or IMMUTABLE, it could change nothing.";
	}

	private static String unread(TableName call, CreateFunction created) {
		if (created.procedure()) {
			return "It calls the procedure " + call + ", whose body the linter does not read: it may change rows or "
					+ "the schema, or commit.";
		}
		String body = (created.body() == null) ? "no body the linter can find"
				: "a body in " + created.language() + ", which the linter does not read";
		return "It calls " + call + "(), created in the linted SQL with " + body + ": it may change rows or the schema.";
	}

}
