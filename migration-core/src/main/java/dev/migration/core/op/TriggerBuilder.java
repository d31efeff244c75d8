package dev.migration.core.op;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.migration.core.Operations.TriggerSpec;
import dev.migration.core.op.TriggerDefinition.Event;
import dev.migration.core.op.TriggerDefinition.Level;
import dev.migration.core.op.TriggerDefinition.Timing;
import dev.migration.core.schema.QualifiedName;

/** Collects a {@link TriggerSpec} and builds the {@link TriggerDefinition}. */
final class TriggerBuilder implements TriggerSpec {

	private final String name;

	private final QualifiedName table;

	private Timing timing;

	// an EnumSet keeps the events in one order whatever the calls' order, so the SQL is stable
	private final Set<Event> events = EnumSet.noneOf(Event.class);

	private final List<String> updateColumns = new ArrayList<>();

	private Level level;

	private String when;

	private QualifiedName function;

	private List<String> arguments = List.of();

	TriggerBuilder(String name, QualifiedName table) {
		this.name = name;
		this.table = table;
	}

	@Override
	public TriggerSpec before() {
		this.timing = Timing.BEFORE;
		return this;
	}

	@Override
	public TriggerSpec after() {
		this.timing = Timing.AFTER;
		return this;
	}

	@Override
	public TriggerSpec insteadOf() {
		this.timing = Timing.INSTEAD_OF;
		return this;
	}

	@Override
	public TriggerSpec onInsert() {
		this.events.add(Event.INSERT);
		return this;
	}

	@Override
	public TriggerSpec onUpdate() {
		this.events.add(Event.UPDATE);
		return this;
	}

	@Override
	public TriggerSpec onUpdateOf(String... columns) {
		this.events.add(Event.UPDATE);
		this.updateColumns.addAll(List.of(columns));
		return this;
	}

	@Override
	public TriggerSpec onDelete() {
		this.events.add(Event.DELETE);
		return this;
	}

	@Override
	public TriggerSpec onTruncate() {
		this.events.add(Event.TRUNCATE);
		return this;
	}

	@Override
	public TriggerSpec forEachRow() {
		this.level = Level.ROW;
		return this;
	}

	@Override
	public TriggerSpec forEachStatement() {
		this.level = Level.STATEMENT;
		return this;
	}

	@Override
	public TriggerSpec when(String condition) {
		this.when = condition;
		return this;
	}

	@Override
	public TriggerSpec execute(String function, String... arguments) {
		this.function = QualifiedName.parse(function);
		this.arguments = List.of(arguments);
		return this;
	}

	TriggerDefinition build() {
		return new TriggerDefinition(this.name, this.table, this.timing, List.copyOf(this.events), this.updateColumns,
				this.level, this.when, this.function, this.arguments);
	}

}
