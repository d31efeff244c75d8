package dev.migration.core.snapshot;

import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One object of a schema snapshot: its kind, its name (qualified with the schema unless it
 * lives in {@code public}) and the attributes that define it, such as a column's
 * {@code type}, {@code nullable} and {@code default}, or an index's {@code definition}.
 * Attributes hold only what a migration decides: no OIDs, no sequence values, no sizes.
 *
 * @param kind what the object is
 * @param name its readable name, unique within its kind
 * @param attributes its defining attributes, sorted by name; absent values are left out
 */
public record SchemaObject(ObjectKind kind, String name, SortedMap<String, String> attributes)
		implements Comparable<SchemaObject> {

	private static final Comparator<SchemaObject> ORDER = Comparator.comparing(SchemaObject::kind)
		.thenComparing(SchemaObject::name);

	public SchemaObject {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(name, "name");
		TreeMap<String, String> copy = new TreeMap<>();
		attributes.forEach((key, value) -> {
			if (value != null) {
				copy.put(key, value);
			}
		});
		attributes = Collections.unmodifiableSortedMap(copy);
	}

	/**
	 * Creates an object.
	 * @param kind what the object is
	 * @param name its readable name
	 * @param attributes its attributes; {@code null} values are left out
	 * @return the object
	 */
	public static SchemaObject of(ObjectKind kind, String name, Map<String, String> attributes) {
		return new SchemaObject(kind, name, new TreeMap<>(attributes));
	}

	/**
	 * Returns the key that identifies this object within a snapshot.
	 * @return kind and name
	 */
	public String key() {
		return this.kind.label() + " " + this.name;
	}

	@Override
	public int compareTo(SchemaObject other) {
		return ORDER.compare(this, other);
	}

}
