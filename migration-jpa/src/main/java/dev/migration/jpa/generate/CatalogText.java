package dev.migration.jpa.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the definitions PostgreSQL's catalog prints for constraints and indexes into their parts. */
final class CatalogText {

	private static final String IDENTIFIER = "(?:\"(?:[^\"]|\"\")*\"|[^\\s(),.\"]+)";

	private static final String NAME = IDENTIFIER + "(?:\\." + IDENTIFIER + ")?";

	private static final Pattern KEY = Pattern.compile("(PRIMARY KEY|UNIQUE) \\(([^)]*)\\)");

	private static final Pattern FOREIGN_KEY = Pattern.compile("FOREIGN KEY \\(([^)]*)\\) REFERENCES (" + NAME
			+ ")\\(([^)]*)\\)((?: ON (?:UPDATE|DELETE) (?:NO ACTION|RESTRICT|CASCADE|SET NULL|SET DEFAULT))*)"
			+ "( DEFERRABLE)?( INITIALLY DEFERRED)?( NOT VALID)?");

	private static final Pattern ACTION = Pattern
		.compile(" ON (UPDATE|DELETE) (NO ACTION|RESTRICT|CASCADE|SET NULL|SET DEFAULT)");

	private static final Pattern CHECK = Pattern.compile("CHECK \\((.*)\\)( NOT VALID)?", Pattern.DOTALL);

	private static final Pattern INDEX = Pattern.compile("CREATE (UNIQUE )?INDEX " + IDENTIFIER + " ON (?:ONLY )?("
			+ NAME + ") USING (\\w+) \\(([^()]*)\\)(?: WHERE \\((.*)\\))?", Pattern.DOTALL);

	private static final Pattern PLAIN_COLUMN = Pattern.compile(IDENTIFIER);

	private CatalogText() {
	}

	/**
	 * Reads the columns of a primary key or unique constraint, such as {@code UNIQUE (email)}.
	 * @param definition the constraint's definition
	 * @return the columns, or empty when it is no plain key
	 */
	static Optional<List<String>> keyColumns(String definition) {
		Matcher key = KEY.matcher(definition);
		return key.matches() ? columns(key.group(2)) : Optional.empty();
	}

	/**
	 * Reads a foreign key's definition.
	 * @param definition such as {@code FOREIGN KEY (customer_id) REFERENCES customer(id) ON DELETE CASCADE}
	 * @return its parts, or empty when it has others
	 */
	static Optional<ForeignKey> foreignKey(String definition) {
		Matcher key = FOREIGN_KEY.matcher(definition);
		if (!key.matches()) {
			return Optional.empty();
		}
		Optional<List<String>> columns = columns(key.group(1));
		Optional<List<String>> references = columns(key.group(3));
		if (columns.isEmpty() || references.isEmpty()) {
			return Optional.empty();
		}
		String onUpdate = null;
		String onDelete = null;
		Matcher action = ACTION.matcher(key.group(4));
		while (action.find()) {
			String constant = action.group(2).replace(' ', '_');
			if (action.group(1).equals("UPDATE")) {
				onUpdate = constant;
			}
			else {
				onDelete = constant;
			}
		}
		return Optional.of(new ForeignKey(columns.get(), unquoteName(key.group(2)), references.get(), onDelete,
				onUpdate, key.group(5) != null, key.group(6) != null));
	}

	/**
	 * Reads a check constraint's expression.
	 * @param definition such as {@code CHECK ((price >= 0))}
	 * @return the expression, or empty when it is no check
	 */
	static Optional<String> check(String definition) {
		Matcher check = CHECK.matcher(definition);
		return check.matches() ? Optional.of(check.group(1)) : Optional.empty();
	}

	/**
	 * Reads an index's definition.
	 * @param definition as {@code pg_get_indexdef} prints it
	 * @return its parts, or empty when it has keys other than plain columns
	 */
	static Optional<Index> index(String definition) {
		Matcher index = INDEX.matcher(definition);
		if (!index.matches()) {
			return Optional.empty();
		}
		return columns(index.group(4)).map((columns) -> new Index(index.group(1) != null,
				unquoteName(index.group(2)), index.group(3), columns, index.group(5)));
	}

	/** Splits a column list, such as {@code a, "B"}; empty when an element is more than a column. */
	private static Optional<List<String>> columns(String list) {
		List<String> columns = new ArrayList<>();
		for (String element : list.split(",")) {
			String column = element.strip();
			if (!PLAIN_COLUMN.matcher(column).matches()) {
				return Optional.empty();
			}
			columns.add(unquote(column));
		}
		return Optional.of(List.copyOf(columns));
	}

	/** Writes a qualified name as the operations take it: the schema left out when it is {@code public}. */
	private static String unquoteName(String name) {
		Matcher part = Pattern.compile(IDENTIFIER).matcher(name);
		List<String> parts = new ArrayList<>();
		while (part.find()) {
			parts.add(unquote(part.group()));
		}
		if (parts.size() == 2 && parts.get(0).equals("public")) {
			parts.remove(0);
		}
		return String.join(".", parts);
	}

	static String unquote(String identifier) {
		return identifier.startsWith("\"") ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"")
				: identifier;
	}

	/**
	 * A foreign key's parts.
	 *
	 * @param columns the referencing columns
	 * @param table the referenced table
	 * @param references the referenced columns
	 * @param onDelete the {@code ReferentialAction} constant on delete, or {@code null} for none written
	 * @param onUpdate the constant on update, or {@code null}
	 * @param deferrable whether it is deferrable
	 * @param initiallyDeferred whether it is initially deferred
	 */
	record ForeignKey(List<String> columns, String table, List<String> references, String onDelete, String onUpdate,
			boolean deferrable, boolean initiallyDeferred) {

	}

	/**
	 * An index's parts.
	 *
	 * @param unique whether it is unique
	 * @param table the indexed table
	 * @param method its access method, such as {@code btree}
	 * @param columns its key columns
	 * @param where its predicate, or {@code null}
	 */
	record Index(boolean unique, String table, String method, List<String> columns, String where) {

	}

}
