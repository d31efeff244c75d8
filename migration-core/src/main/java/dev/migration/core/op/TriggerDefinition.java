package dev.migration.core.op;

import java.util.List;
import java.util.Objects;

import dev.migration.core.MigrationException;
import dev.migration.core.schema.Names;
import dev.migration.core.schema.QualifiedName;

/**
 * What {@code CREATE TRIGGER} needs: when it fires, on which events, for each row or each
 * statement, under which condition, and the function it runs.
 *
 * @param name the trigger, unique on its table
 * @param table the table (or view, for {@code INSTEAD OF})
 * @param timing before, after or instead of the event
 * @param events the events, in the order of {@link Event}, without repeats
 * @param updateColumns the columns an {@code UPDATE OF} names; empty for any update
 * @param level for each row or for each statement
 * @param when a condition over {@code OLD} and {@code NEW}, an SQL fragment, or {@code null}
 * @param function the trigger function
 * @param arguments the text arguments passed to the function, as {@code TG_ARGV}
 */
public record TriggerDefinition(String name, QualifiedName table, Timing timing, List<Event> events,
		List<String> updateColumns, Level level, String when, QualifiedName function, List<String> arguments) {

	public TriggerDefinition {
		Names.require("trigger", name);
		Objects.requireNonNull(table, "table");
		String trigger = "Trigger " + name + " on " + table;
		if (timing == null) {
			throw new MigrationException(trigger + " needs before(), after() or insteadOf().");
		}
		events = List.copyOf(events);
		if (events.isEmpty()) {
			throw new MigrationException(trigger + " needs an event: onInsert(), onUpdate(), onUpdateOf(...), "
					+ "onDelete() or onTruncate().");
		}
		updateColumns = List.copyOf(updateColumns);
		updateColumns.forEach((column) -> Names.require("column", column));
		if (level == null) {
			throw new MigrationException(trigger + " needs forEachRow() or forEachStatement().");
		}
		when = (when != null) ? Names.requireSql("condition of trigger " + name, when) : null;
		if (function == null) {
			throw new MigrationException(trigger + " needs execute(function).");
		}
		arguments = List.copyOf(arguments);
		requireSupported(trigger, timing, events, updateColumns, level, when);
	}

	/** Refuses what PostgreSQL would refuse, with the reason, before anything runs. */
	private static void requireSupported(String trigger, Timing timing, List<Event> events, List<String> updateColumns,
			Level level, String when) {
		if (!updateColumns.isEmpty() && !events.contains(Event.UPDATE)) {
			throw new MigrationException(trigger + " names update columns without an update event.");
		}
		if (timing == Timing.INSTEAD_OF && (level != Level.ROW || when != null || !updateColumns.isEmpty())) {
			throw new MigrationException(trigger + " fires instead of an event, so it must be forEachRow(), "
					+ "without when(...) or onUpdateOf(...).");
		}
		if (events.contains(Event.TRUNCATE) && level != Level.STATEMENT) {
			throw new MigrationException(trigger + " fires on truncate, which only forEachStatement() can.");
		}
	}

	/** When a trigger fires, relative to its event. */
	public enum Timing {

		BEFORE("BEFORE"), AFTER("AFTER"), INSTEAD_OF("INSTEAD OF");

		private final String sql;

		Timing(String sql) {
			this.sql = sql;
		}

		/**
		 * Returns the keywords, such as {@code INSTEAD OF}.
		 * @return the SQL
		 */
		public String sql() {
			return this.sql;
		}

	}

	/** An event a trigger fires on. */
	public enum Event {

		INSERT, UPDATE, DELETE, TRUNCATE

	}

	/** Whether a trigger fires once per row or once per statement. */
	public enum Level {

		ROW, STATEMENT

	}

}
