package dev.migration.core.scaffold;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates what a {@code @Revision} attribute may hold without a compiler: string literals,
 * their concatenation, and string constants of the same file, of a class named before them
 * ({@code Ids.FIRST}) or statically imported, followed across the project's files, but nothing
 * else (a method call, a constant of a library).
 */
final class JavaExpressions {

	/** Constants naming constants, deeper than any real source goes: a loop of them ends here. */
	private static final int MAX_DEPTH = 32;

	private final Map<String, List<JavaSourceFile>> byClass = new HashMap<>();

	/**
	 * Creates the evaluator of a project's files.
	 * @param files every file whose constants an attribute may name
	 */
	JavaExpressions(List<JavaSourceFile> files) {
		for (JavaSourceFile file : files) {
			file.classNames().forEach((name) -> this.byClass.computeIfAbsent(name, (key) -> new ArrayList<>()).add(file));
		}
	}

	/**
	 * Reads a single string, such as {@code "0007"} or {@code PREFIX + "7"}.
	 * @param expression the attribute's tokens
	 * @param in the file it is written in
	 * @return the value, or empty when it cannot be read
	 */
	Optional<String> string(List<JavaToken> expression, JavaSourceFile in) {
		return string(expression, in, 0);
	}

	/**
	 * Reads a string or an array of strings, such as {@code {"a1", B2}}.
	 * @param value the attribute's tokens
	 * @param in the file it is written in
	 * @return the values, or empty when one cannot be read
	 */
	Optional<List<String>> strings(List<JavaToken> value, JavaSourceFile in) {
		if (value.isEmpty() || !value.get(0).is("{") || !value.get(value.size() - 1).is("}")) {
			return string(value, in).map(List::of);
		}
		List<String> values = new ArrayList<>();
		for (List<JavaToken> element : splitTopLevel(value.subList(1, value.size() - 1), ",")) {
			// a trailing comma leaves an empty element, as javac allows
			if (!element.isEmpty()) {
				Optional<String> read = string(element, in);
				if (read.isEmpty()) {
					return Optional.empty();
				}
				values.add(read.get());
			}
		}
		return Optional.of(List.copyOf(values));
	}

	private Optional<String> string(List<JavaToken> expression, JavaSourceFile in, int depth) {
		if (depth > MAX_DEPTH || expression.isEmpty()) {
			return Optional.empty();
		}
		StringBuilder text = new StringBuilder();
		List<List<JavaToken>> terms = splitTopLevel(expression, "+");
		for (int i = 0; i < terms.size(); i++) {
			// 1 + 2 + "x" is "3x" in Java: a number reads as text only after a string
			Optional<String> term = term(terms.get(i), in, depth, i > 0);
			if (term.isEmpty()) {
				return Optional.empty();
			}
			text.append(term.get());
		}
		return Optional.of(text.toString());
	}

	private Optional<String> term(List<JavaToken> term, JavaSourceFile in, int depth, boolean afterString) {
		JavaToken first = term.get(0);
		if (term.size() == 1 && (first.kind() == JavaToken.Kind.STRING || first.kind() == JavaToken.Kind.CHARACTER)) {
			return Optional.of(first.text());
		}
		if (term.size() == 1 && first.kind() == JavaToken.Kind.NUMBER && afterString && first.text().matches("[0-9]+")) {
			return Optional.of(first.text());
		}
		if (term.size() > 2 && first.is("(") && term.get(term.size() - 1).is(")")) {
			return string(term.subList(1, term.size() - 1), in, depth + 1);
		}
		List<String> names = qualifiedName(term);
		return names.isEmpty() ? Optional.empty() : constant(names, in, depth + 1);
	}

	private Optional<String> constant(List<String> names, JavaSourceFile in, int depth) {
		String field = names.get(names.size() - 1);
		if (names.size() > 1) {
			return inClass(names.get(names.size() - 2), field, in, depth);
		}
		List<JavaToken> own = in.constants().get(field);
		return (own != null) ? string(own, in, depth) : staticallyImported(field, in, depth);
	}

	private Optional<String> staticallyImported(String field, JavaSourceFile in, int depth) {
		for (List<String> imported : in.staticImports()) {
			String last = imported.get(imported.size() - 1);
			if (imported.size() > 1 && (last.equals(field) || last.equals("*"))) {
				Optional<String> value = inClass(imported.get(imported.size() - 2), field, in, depth);
				if (value.isPresent()) {
					return value;
				}
			}
		}
		return Optional.empty();
	}

	/** Two classes of one simple name: the one in the same package, or neither. */
	private Optional<String> inClass(String className, String field, JavaSourceFile in, int depth) {
		List<JavaSourceFile> declaring = this.byClass.getOrDefault(className, List.of())
			.stream()
			.filter((file) -> file.constants().containsKey(field))
			.toList();
		if (declaring.size() > 1) {
			declaring = declaring.stream().filter((file) -> file.packageName().equals(in.packageName())).toList();
		}
		return (declaring.size() == 1) ? string(declaring.get(0).constants().get(field), declaring.get(0), depth)
				: Optional.empty();
	}

	/** {@code a.b.C} as its names, or empty when the tokens are something else. */
	private static List<String> qualifiedName(List<JavaToken> tokens) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < tokens.size(); i++) {
			JavaToken token = tokens.get(i);
			boolean expected = (i % 2 == 0) ? token.kind() == JavaToken.Kind.IDENTIFIER : token.is(".");
			if (!expected) {
				return List.of();
			}
			if (i % 2 == 0) {
				names.add(token.text());
			}
		}
		return (tokens.size() % 2 == 1) ? names : List.of();
	}

	/**
	 * Splits tokens at a separator outside brackets.
	 * @param tokens the tokens
	 * @param separator a symbol, such as {@code ,}
	 * @return the parts, empty ones included
	 */
	static List<List<JavaToken>> splitTopLevel(List<JavaToken> tokens, String separator) {
		List<List<JavaToken>> parts = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < tokens.size(); i++) {
			JavaToken token = tokens.get(i);
			if (depth == 0 && token.kind() == JavaToken.Kind.SYMBOL && token.text().equals(separator)) {
				parts.add(tokens.subList(start, i));
				start = i + 1;
			}
			depth += depthChange(token);
		}
		parts.add(tokens.subList(start, tokens.size()));
		return parts;
	}

	/**
	 * Returns how a token changes the bracket depth.
	 * @param token the token
	 * @return 1 for an opening bracket, -1 for a closing one, else 0
	 */
	static int depthChange(JavaToken token) {
		if (token.kind() != JavaToken.Kind.SYMBOL) {
			return 0;
		}
		return switch (token.text()) {
			case "(", "{", "[" -> 1;
			case ")", "}", "]" -> -1;
			default -> 0;
		};
	}

}
