package dev.migration.core.sql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.migration.core.catalog.DeclaredRevision;

/**
 * Flyway's SQL callbacks found among the files of the locations: {@code beforeMigrate.sql},
 * {@code afterMigrate__grants.sql} and the like, run at their event in the order of their
 * names, each in a transaction of its own. Events this project does not run are refused by
 * name, never passed over.
 *
 * @param byEvent the callbacks of each event, in the order they run
 */
public record SqlCallbacks(Map<Event, List<SqlScript>> byEvent) {

	/** No callbacks. */
	public static final SqlCallbacks NONE = new SqlCallbacks(Map.of());

	public SqlCallbacks {
		Map<Event, List<SqlScript>> copy = new TreeMap<>();
		byEvent.forEach((event, scripts) -> copy.put(event, List.copyOf(scripts)));
		byEvent = Map.copyOf(copy);
	}

	/**
	 * Returns the callbacks of an event.
	 * @param event the event
	 * @return the files, in the order they run; empty when there are none
	 */
	public List<SqlScript> of(Event event) {
		return this.byEvent.getOrDefault(event, List.of());
	}

	/**
	 * Returns whether any callback runs at the start or end of every upgrade, so even an upgrade
	 * with nothing to apply must take the lock and run them.
	 * @return whether there are {@code beforeMigrate} or {@code afterMigrate} callbacks
	 */
	public boolean runOnEveryUpgrade() {
		return !of(Event.BEFORE_MIGRATE).isEmpty() || !of(Event.AFTER_MIGRATE).isEmpty();
	}

	/**
	 * Returns the callbacks as revisions outside the graph, for the linter: what a callback
	 * runs is judged as what a revision runs.
	 * @param applying whether the upgrade applies revisions, so that the callbacks around each
	 * one and those after applying run too
	 * @return the revisions, in the order of their events
	 */
	public List<DeclaredRevision> asRevisions(boolean applying) {
		List<DeclaredRevision> revisions = new ArrayList<>();
		this.byEvent.forEach((event, scripts) -> {
			if (applying || event == Event.BEFORE_MIGRATE || event == Event.AFTER_MIGRATE) {
				scripts.forEach((script) -> revisions.add(SqlRevisions.callback(script)));
			}
		});
		return revisions;
	}

	/**
	 * Returns every callback, for listing.
	 * @return the files, by event
	 */
	public List<SqlScript> all() {
		List<SqlScript> all = new ArrayList<>();
		this.byEvent.values().forEach(all::addAll);
		return all;
	}

	/**
	 * Takes the callbacks out of the files of the locations.
	 * @param scripts the files, placeholders replaced
	 * @return the callbacks and the other files
	 * @throws InvalidSqlMigrationException naming the file of a callback whose event this
	 * project does not run
	 */
	public static Split split(List<SqlScript> scripts) {
		Map<Event, List<SqlScript>> callbacks = new TreeMap<>();
		List<SqlScript> migrations = new ArrayList<>();
		for (SqlScript script : scripts) {
			String name = SqlFileName.callbackEvent(script.fileName());
			if (name == null) {
				migrations.add(script);
				continue;
			}
			Event event = Event.named(name);
			if (event == null) {
				throw new InvalidSqlMigrationException(script.location(), 0, "it is a Flyway callback of the event "
						+ name + ", which this project does not run (it runs " + Event.names() + "); move what it does "
						+ "into one of those, or into a revision");
			}
			callbacks.computeIfAbsent(event, (key) -> new ArrayList<>()).add(script);
		}
		callbacks.values().forEach((list) -> list.sort(Comparator.comparing(SqlScript::fileName)));
		return new Split(new SqlCallbacks(callbacks), List.copyOf(migrations));
	}

	/**
	 * The files of the locations, callbacks apart.
	 *
	 * @param callbacks the callbacks
	 * @param migrations the other files
	 */
	public record Split(SqlCallbacks callbacks, List<SqlScript> migrations) {
	}

	/** The events of Flyway's that upgrades run callbacks at. */
	public enum Event {

		/** Before an upgrade, even one with nothing to apply, under the migration lock. */
		BEFORE_MIGRATE("beforeMigrate"),

		/** Before each revision an upgrade applies. */
		BEFORE_EACH_MIGRATE("beforeEachMigrate"),

		/** After each revision an upgrade applied. */
		AFTER_EACH_MIGRATE("afterEachMigrate"),

		/** After an upgrade that succeeded, even one with nothing to apply. */
		AFTER_MIGRATE("afterMigrate"),

		/** After an upgrade that applied at least one revision. */
		AFTER_MIGRATE_APPLIED("afterMigrateApplied"),

		/** After an upgrade that failed; what the failed revision did is rolled back or recorded first. */
		AFTER_MIGRATE_ERROR("afterMigrateError");

		private final String flywayName;

		Event(String flywayName) {
			this.flywayName = flywayName;
		}

		/**
		 * Returns the name Flyway gives the event, as in the file name.
		 * @return the name, such as {@code afterMigrate}
		 */
		public String flywayName() {
			return this.flywayName;
		}

		static Event named(String name) {
			for (Event event : values()) {
				if (event.flywayName.equals(name)) {
					return event;
				}
			}
			return null;
		}

		static String names() {
			return String.join(", ", java.util.Arrays.stream(values()).map(Event::flywayName).toList());
		}

	}

}
