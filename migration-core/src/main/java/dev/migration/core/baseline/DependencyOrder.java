package dev.migration.core.baseline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Orders objects so that each comes after those it depends on, and otherwise by a given order,
 * as {@code pg_dump} sorts by object type and name and then repairs what dependencies need.
 */
final class DependencyOrder {

	private DependencyOrder() {
	}

	/**
	 * Returns the objects ordered by their dependencies, ties broken by the given order. A
	 * cycle, which PostgreSQL's own objects cannot form without shell types, is broken at the
	 * first object of the order among those left, so the result is whole either way.
	 * @param <T> the object type
	 * @param objects the objects
	 * @param key each object's key
	 * @param order the order among objects free to come next
	 * @param dependsOn for each key, the keys it depends on; keys of no object are passed over
	 * @return the ordered objects
	 */
	static <T> List<T> sort(List<T> objects, Function<T, String> key, Comparator<T> order,
			Map<String, Set<String>> dependsOn) {
		Map<String, T> byKey = new HashMap<>();
		objects.forEach((object) -> byKey.put(key.apply(object), object));
		Map<String, Integer> waitingFor = new HashMap<>();
		Map<String, List<T>> dependents = new HashMap<>();
		for (T object : objects) {
			String own = key.apply(object);
			for (String needed : dependsOn.getOrDefault(own, Set.of())) {
				if (byKey.containsKey(needed) && !needed.equals(own)) {
					waitingFor.merge(own, 1, Integer::sum);
					dependents.computeIfAbsent(needed, (k) -> new ArrayList<>()).add(object);
				}
			}
		}
		TreeSet<T> waiting = new TreeSet<>(order);
		TreeSet<T> ready = new TreeSet<>(order);
		objects.forEach((object) -> (waitingFor.containsKey(key.apply(object)) ? waiting : ready).add(object));
		List<T> sorted = new ArrayList<>(objects.size());
		while (!ready.isEmpty() || !waiting.isEmpty()) {
			T next = ready.isEmpty() ? waiting.pollFirst() : ready.pollFirst();
			sorted.add(next);
			for (T dependent : dependents.getOrDefault(key.apply(next), List.of())) {
				if (waitingFor.merge(key.apply(dependent), -1, Integer::sum) == 0 && waiting.remove(dependent)) {
					ready.add(dependent);
				}
			}
		}
		return sorted;
	}

}
