package dev.migration.core.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What differs between an expected and an actual {@link SchemaSnapshot}, one line per
 * object or attribute, such as {@code column orders.total_cents: type bigint -> integer}.
 *
 * @param differences the differences, in the order of the snapshots
 */
public record SchemaDiff(List<Difference> differences) {

	public SchemaDiff {
		differences = List.copyOf(differences);
	}

	static SchemaDiff between(SchemaSnapshot expected, SchemaSnapshot actual) {
		Map<String, SchemaObject> before = expected.byKey();
		Map<String, SchemaObject> after = actual.byKey();
		List<Difference> differences = new ArrayList<>();
		for (SchemaObject object : expected.objects()) {
			SchemaObject other = after.get(object.key());
			if (other == null) {
				differences.add(new Difference(object.kind(), object.name(), null, object.toString(), null));
			}
			else {
				compareAttributes(object, other, differences);
			}
		}
		for (SchemaObject object : actual.objects()) {
			if (!before.containsKey(object.key())) {
				differences.add(new Difference(object.kind(), object.name(), null, null, object.toString()));
			}
		}
		differences.sort((a, b) -> {
			int kinds = a.kind().compareTo(b.kind());
			return (kinds != 0) ? kinds : a.name().compareTo(b.name());
		});
		return new SchemaDiff(differences);
	}

	private static void compareAttributes(SchemaObject expected, SchemaObject actual, List<Difference> differences) {
		TreeSet<String> names = new TreeSet<>(expected.attributes().keySet());
		names.addAll(actual.attributes().keySet());
		for (String name : names) {
			String before = expected.attributes().get(name);
			String after = actual.attributes().get(name);
			if (!Objects.equals(before, after)) {
				differences.add(new Difference(expected.kind(), expected.name(), name, before, after));
			}
		}
	}

	/**
	 * Returns whether both snapshots are the same.
	 * @return whether nothing differs
	 */
	public boolean isEmpty() {
		return this.differences.isEmpty();
	}

	/**
	 * Describes the differences, one per line, with the words that say where an object is
	 * missing from or only present in, such as {@code "after downgrade"}.
	 * @param context appended to {@code missing} and {@code unexpected}, such as
	 * {@code "after downgrade"}; empty for none
	 * @return the lines, each starting with {@code "  - "}
	 */
	public String describe(String context) {
		StringBuilder text = new StringBuilder();
		for (Difference difference : this.differences) {
			text.append("  - ").append(difference.describe(context)).append('\n');
		}
		return text.toString();
	}

	@Override
	public String toString() {
		return describe("");
	}

	/**
	 * One difference: a missing object, an unexpected one, or a changed attribute.
	 *
	 * @param kind the kind of object
	 * @param name the object's name
	 * @param attribute the attribute that changed, or {@code null} for a missing or unexpected object
	 * @param expected the expected value, or {@code null} when the object or attribute is only in the actual snapshot
	 * @param actual the actual value, or {@code null} when the object or attribute is only in the expected snapshot
	 */
	public record Difference(ObjectKind kind, String name, String attribute, String expected, String actual) {

		/**
		 * Returns whether the object is in the expected snapshot only.
		 * @return whether the object is missing
		 */
		public boolean isMissing() {
			return this.attribute == null && this.actual == null;
		}

		/**
		 * Returns whether the object is in the actual snapshot only.
		 * @return whether the object is unexpected
		 */
		public boolean isUnexpected() {
			return this.attribute == null && this.expected == null;
		}

		/**
		 * Describes this difference in one line.
		 * @param context such as {@code "after downgrade"}, or empty
		 * @return such as {@code index ix_x: missing after downgrade}
		 */
		public String describe(String context) {
			String suffix = (context == null || context.isBlank()) ? "" : " " + context.strip();
			String subject = this.kind.label() + " " + this.name + ": ";
			if (isMissing()) {
				return subject + "missing" + suffix;
			}
			if (isUnexpected()) {
				return subject + "unexpected" + suffix;
			}
			return subject + this.attribute + " " + shown(this.expected) + " -> " + shown(this.actual);
		}

		private static String shown(String value) {
			if (value == null) {
				return "<none>";
			}
			String oneLine = value.strip().replaceAll("\\s+", " ");
			return (oneLine.length() > 200) ? oneLine.substring(0, 197) + "..." : oneLine;
		}

	}

}
