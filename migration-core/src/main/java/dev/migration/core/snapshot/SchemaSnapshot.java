package dev.migration.core.snapshot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;

/**
 * What a database's schema consists of at one moment, as comparable values: schemas,
 * tables, columns, constraints, indexes, views, sequences, triggers, functions and enum
 * types. Read one with {@link SnapshotReader}; compare two with {@link #diff(SchemaSnapshot)}.
 *
 * @param objects the objects, sorted by kind and name
 */
public record SchemaSnapshot(List<SchemaObject> objects) {

	public SchemaSnapshot {
		List<SchemaObject> sorted = new ArrayList<>(objects);
		sorted.sort(null);
		objects = List.copyOf(sorted);
	}

	/**
	 * Creates a snapshot of the given objects.
	 * @param objects the objects, in any order
	 * @return the snapshot
	 */
	public static SchemaSnapshot of(Collection<SchemaObject> objects) {
		return new SchemaSnapshot(new ArrayList<>(objects));
	}

	/**
	 * Returns the objects by {@link SchemaObject#key() key}, in order.
	 * @return the objects
	 */
	public Map<String, SchemaObject> byKey() {
		Map<String, SchemaObject> byKey = new LinkedHashMap<>();
		this.objects.forEach((object) -> byKey.put(object.key(), object));
		return byKey;
	}

	/**
	 * Returns this snapshot with only the objects of the given schemas, as a reader of only
	 * those schemas would have read it (objects of {@code public} carry no schema in their names).
	 * @param schemas the schemas to keep
	 * @return the snapshot
	 */
	public SchemaSnapshot onlySchemas(List<String> schemas) {
		Set<String> known = new HashSet<>();
		this.objects.stream().filter((object) -> object.kind() == ObjectKind.SCHEMA).map(SchemaObject::name)
			.forEach(known::add);
		return new SchemaSnapshot(this.objects.stream().filter((object) -> {
			if (object.kind() == ObjectKind.SCHEMA) {
				return schemas.contains(object.name());
			}
			int dot = object.name().indexOf('.');
			String first = (dot < 0) ? "" : object.name().substring(0, dot);
			if (schemas.contains(first)) {
				return true;
			}
			// the history's own schema has no object of its own kind, so only the others are known
			return !known.contains(first) && schemas.contains("public");
		}).toList());
	}

	/**
	 * Returns what differs from this snapshot (the expected one) in {@code actual}.
	 * @param actual the snapshot to compare with this one
	 * @return the differences, empty when both are the same
	 */
	public SchemaDiff diff(SchemaSnapshot actual) {
		return SchemaDiff.between(this, actual);
	}

	/**
	 * Returns the snapshot to store after a run: this stored one with the run's own changes
	 * (from {@code before} to {@code after}, both read live) applied, so a change made by hand
	 * before the run is still told by the next check instead of being taken as intended.
	 * @param before the live schema when the run started
	 * @param after the live schema when it ended
	 * @return the snapshot to store
	 */
	public SchemaSnapshot withChanges(SchemaSnapshot before, SchemaSnapshot after) {
		Map<String, SchemaObject> result = byKey();
		Map<String, SchemaObject> old = before.byKey();
		Map<String, SchemaObject> now = after.byKey();
		Set<String> keys = new TreeSet<>(old.keySet());
		keys.addAll(now.keySet());
		for (String key : keys) {
			if (!Objects.equals(old.get(key), now.get(key))) {
				if (now.containsKey(key)) {
					result.put(key, now.get(key));
				}
				else {
					result.remove(key);
				}
			}
		}
		return of(result.values());
	}

	/**
	 * Returns this snapshot as text that {@link #parse(String)} reads back, for storing it.
	 * @return the text form
	 */
	public String toText() {
		return SnapshotText.write(this);
	}

	/**
	 * Reads a snapshot written by {@link #toText()}.
	 * @param text the text form
	 * @return the snapshot
	 */
	public static SchemaSnapshot parse(String text) {
		return SnapshotText.read(text);
	}

	@Override
	public String toString() {
		Map<ObjectKind, Integer> counts = new TreeMap<>();
		this.objects.forEach((object) -> counts.merge(object.kind(), 1, Integer::sum));
		return "SchemaSnapshot" + counts;
	}

}
