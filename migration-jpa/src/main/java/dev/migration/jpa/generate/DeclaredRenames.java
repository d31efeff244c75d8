package dev.migration.jpa.generate;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The column renames a developer declared, such as {@code customer.name=full_name}: autogenerate
 * writes a rename only when it is declared, never guessing one from a column gone and one come.
 *
 * @param columns the new name of each renamed column, by {@code table.column}
 */
public record DeclaredRenames(Map<String, String> columns) {

	/** No renames. */
	public static final DeclaredRenames NONE = new DeclaredRenames(Map.of());

	public DeclaredRenames {
		columns = Map.copyOf(columns);
	}

	/**
	 * Reads renames written as {@code table.column=new_name} (the table may be schema-qualified).
	 * @param declarations the declarations
	 * @param property the property they were set in, for the error
	 * @return the renames
	 * @throws IllegalArgumentException naming the property and the declaration that is no rename
	 */
	public static DeclaredRenames parse(Collection<String> declarations, String property) {
		Map<String, String> columns = new LinkedHashMap<>();
		for (String declaration : declarations) {
			int equals = declaration.indexOf('=');
			String from = (equals < 0) ? "" : declaration.substring(0, equals).strip();
			String to = (equals < 0) ? "" : declaration.substring(equals + 1).strip();
			if (from.lastIndexOf('.') <= 0 || from.endsWith(".") || to.isEmpty() || to.contains(".")) {
				throw new IllegalArgumentException(property + " holds '" + declaration + "', which is no column "
						+ "rename: write each as table.old_column=new_column, such as customer.name=full_name.");
			}
			if (columns.put(from, to) != null) {
				throw new IllegalArgumentException(property + " renames " + from + " twice: keep one of them.");
			}
		}
		return new DeclaredRenames(columns);
	}

	/**
	 * Returns the new name declared for a column.
	 * @param table the table
	 * @param column the old name
	 * @return the new name, or empty when none is declared
	 */
	public Optional<String> of(String table, String column) {
		return Optional.ofNullable(this.columns.get(table + "." + column));
	}

}
