package dev.migration.core.baseline;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites the one shape of PostgreSQL's printed expressions that does not read back as
 * itself: an array of literals cast as a whole, {@code (ARRAY['a'::character varying])::text[]},
 * which {@code col IN ('a', 'b')} on a {@code varchar} column gives. Read back, a cast of an
 * {@code ARRAY[...]} is pushed into each element ({@code ARRAY[('a'::character varying)::text]}),
 * so the constraint or view would differ from the one read; cast to the elements' own array
 * type first, {@code ((ARRAY['a'::character varying])::character varying[])::text[]}, it reads
 * back as the original.
 *
 * <p>Only arrays whose elements are all literals cast to one type are rewritten; quoted
 * literals and identifiers are passed over whole.
 */
final class ArrayCasts {

	private static final String OPEN = "(ARRAY[";

	private ArrayCasts() {
	}

	/**
	 * Returns an expression or definition as printed by {@code pg_get_*def}, with every array of
	 * literals cast as a whole made to read back as itself.
	 * @param sql the printed text, no routine body
	 * @return the text to run
	 */
	static String keep(String sql) {
		if (!sql.contains(OPEN)) {
			return sql;
		}
		StringBuilder out = new StringBuilder(sql.length() + 32);
		int i = 0;
		while (i < sql.length()) {
			char c = sql.charAt(i);
			int end = (c == '\'' || c == '"') ? skipQuoted(sql, i) : i;
			if (end > i) {
				out.append(sql, i, end);
				i = end;
				continue;
			}
			Cast cast = sql.startsWith(OPEN, i) ? Cast.at(sql, i) : null;
			if (cast != null) {
				out.append(cast.rewritten());
				i = cast.end();
				continue;
			}
			out.append(c);
			i++;
		}
		return out.toString();
	}

	/** Returns the index after the quoted literal or identifier that starts at {@code start}. */
	private static int skipQuoted(String sql, int start) {
		char quote = sql.charAt(start);
		int i = start + 1;
		while (i < sql.length()) {
			if (sql.charAt(i) == quote) {
				if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
					i += 2;
					continue;
				}
				return i + 1;
			}
			i++;
		}
		return sql.length();
	}

	/**
	 * Returns the index of the first of {@code stops} at nesting depth zero from {@code start},
	 * brackets, parentheses and quotes followed, or -1.
	 */
	private static int find(String sql, int start, String stops) {
		int depth = 0;
		int i = start;
		while (i < sql.length()) {
			char c = sql.charAt(i);
			if (depth == 0 && stops.indexOf(c) >= 0) {
				return i;
			}
			if (c == '\'' || c == '"') {
				i = skipQuoted(sql, i);
				continue;
			}
			depth += (c == '(' || c == '[') ? 1 : (c == ')' || c == ']') ? -1 : 0;
			i++;
		}
		return -1;
	}

	/**
	 * An array of literals of one type, cast as a whole.
	 *
	 * @param elements the literals as printed
	 * @param elementType their type
	 * @param target the element type of the cast
	 * @param end the index after the cast
	 */
	private record Cast(List<String> elements, String elementType, String target, int end) {

		static Cast at(String sql, int start) {
			int close = find(sql, start + OPEN.length(), "]");
			if (close < 0 || !sql.startsWith(")::", close + 1)) {
				return null;
			}
			int typeStart = close + 4;
			int typeEnd = find(sql, typeStart, "[),");
			if (typeEnd < 0 || !sql.startsWith("[]", typeEnd)) {
				return null;
			}
			List<String> elements = split(sql.substring(start + OPEN.length(), close));
			String elementType = commonType(elements);
			String target = sql.substring(typeStart, typeEnd);
			return (elementType == null || elementType.equals(target)) ? null
					: new Cast(elements, elementType, target, typeEnd + 2);
		}

		String rewritten() {
			return "((ARRAY[" + String.join(", ", this.elements) + "])::" + this.elementType + "[])::" + this.target
					+ "[]";
		}

		private static List<String> split(String list) {
			List<String> elements = new ArrayList<>();
			int from = 0;
			for (int comma = find(list, 0, ","); comma >= 0; comma = find(list, from, ",")) {
				elements.add(list.substring(from, comma).strip());
				from = comma + 1;
			}
			elements.add(list.substring(from).strip());
			return elements;
		}

		/** Returns the type every element is a literal of ({@code 'text'::type}), or {@code null}. */
		private static String commonType(List<String> elements) {
			String common = null;
			for (String element : elements) {
				if (!element.startsWith("'")) {
					return null;
				}
				int literalEnd = skipQuoted(element, 0);
				if (!element.startsWith("::", literalEnd)) {
					return null;
				}
				String type = element.substring(literalEnd + 2);
				if (common != null && !common.equals(type)) {
					return null;
				}
				common = type;
			}
			return common;
		}

	}

}
