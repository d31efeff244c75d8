package dev.migration.core.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migration.core.dialect.SqlTokens;
import dev.migration.core.schema.ColumnType;

/**
 * A column type reduced to what the type rules compare: its canonical name and modifiers.
 *
 * @param name the canonical lower-case name, such as {@code varchar} or {@code timestamptz}
 * @param modifiers the modifiers, such as the length of a varchar
 * @param array whether it is an array
 */
record TypeName(String name, List<Integer> modifiers, boolean array) {

	private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("character varying", "varchar"),
			Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("int8", "bigint"),
			Map.entry("int2", "smallint"), Map.entry("decimal", "numeric"), Map.entry("bool", "boolean"),
			Map.entry("timestamp without time zone", "timestamp"),
			Map.entry("timestamp with time zone", "timestamptz"), Map.entry("serial4", "serial"),
			Map.entry("serial8", "bigserial"), Map.entry("serial2", "smallserial"),
			Map.entry("bit varying", "varbit"), Map.entry("float8", "double precision"));

	private static final Set<String> SERIALS = Set.of("serial", "bigserial", "smallserial");

	TypeName {
		modifiers = List.copyOf(modifiers);
	}

	static TypeName of(ColumnType type) {
		return new TypeName(canonical(type.name()), type.modifiers(), type.arrayDimensions() > 0);
	}

	/** Reads a type as SQL writes it, such as {@code character varying (20)} or {@code int[]}. */
	static TypeName parse(String sql) {
		StringBuilder name = new StringBuilder();
		List<Integer> modifiers = new ArrayList<>();
		boolean array = false;
		for (SqlTokens.Token token : SqlTokens.of(sql)) {
			if (token.kind() == SqlTokens.Kind.WORD || token.kind() == SqlTokens.Kind.QUOTED) {
				name.append((name.length() > 0) ? " " : "").append(token.text());
			}
			else if (token.kind() == SqlTokens.Kind.NUMBER) {
				modifiers.add(Integer.parseInt(token.text()));
			}
			else if (token.isSymbol("[")) {
				array = true;
			}
		}
		return new TypeName(canonical(name.toString()), modifiers, array);
	}

	private static String canonical(String name) {
		return ALIASES.getOrDefault(name, name);
	}

	boolean isSerial() {
		return SERIALS.contains(this.name);
	}

	/**
	 * Returns whether changing a column from {@code previous} to this type leaves the stored bytes
	 * as they are, so PostgreSQL rewrites nothing.
	 */
	boolean binaryCompatibleFrom(TypeName previous) {
		if (this.equals(previous)) {
			return true;
		}
		if (this.array != previous.array) {
			return false;
		}
		return switch (previous.name) {
			case "varchar" -> this.name.equals("text") || this.name.equals("varchar") && widens(previous);
			case "text" -> this.name.equals("varchar") && this.modifiers.isEmpty();
			case "varbit" -> this.name.equals("varbit") && widens(previous);
			case "numeric" -> this.name.equals("numeric") && (this.modifiers.isEmpty()
					|| previous.modifiers.size() == 2 && this.modifiers.size() == 2
							&& this.modifiers.get(0) >= previous.modifiers.get(0)
							&& this.modifiers.get(1).equals(previous.modifiers.get(1)));
			case "cidr" -> this.name.equals("inet");
			default -> false;
		};
	}

	private boolean widens(TypeName previous) {
		return this.modifiers.isEmpty()
				|| !previous.modifiers.isEmpty() && this.modifiers.get(0) >= previous.modifiers.get(0);
	}

	@Override
	public String toString() {
		String mods = this.modifiers.isEmpty() ? "" : this.modifiers.toString().replace('[', '(').replace(']', ')');
		return this.name + mods + (this.array ? "[]" : "");
	}

}
