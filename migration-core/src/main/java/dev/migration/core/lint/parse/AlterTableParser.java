package dev.migration.core.lint.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migration.core.lint.parse.AlterAction.AddColumn;
import dev.migration.core.lint.parse.AlterAction.AddConstraint;
import dev.migration.core.lint.parse.AlterAction.AlterColumnType;
import dev.migration.core.lint.parse.AlterAction.AlterConstraint;
import dev.migration.core.lint.parse.AlterAction.AttachPartition;
import dev.migration.core.lint.parse.AlterAction.ChangeIdentity;
import dev.migration.core.lint.parse.AlterAction.DetachPartition;
import dev.migration.core.lint.parse.AlterAction.DropColumn;
import dev.migration.core.lint.parse.AlterAction.DropConstraint;
import dev.migration.core.lint.parse.AlterAction.DropDefault;
import dev.migration.core.lint.parse.AlterAction.DropNotNull;
import dev.migration.core.lint.parse.AlterAction.OtherAction;
import dev.migration.core.lint.parse.AlterAction.RenameColumn;
import dev.migration.core.lint.parse.AlterAction.RenameConstraint;
import dev.migration.core.lint.parse.AlterAction.RenameTable;
import dev.migration.core.lint.parse.AlterAction.SetAccessMethod;
import dev.migration.core.lint.parse.AlterAction.SetColumnOption;
import dev.migration.core.lint.parse.AlterAction.SetDefault;
import dev.migration.core.lint.parse.AlterAction.SetLogged;
import dev.migration.core.lint.parse.AlterAction.SetNotNull;
import dev.migration.core.lint.parse.AlterAction.SetSchema;
import dev.migration.core.lint.parse.AlterAction.SetTablespace;
import dev.migration.core.lint.parse.AlterAction.ValidateConstraint;
import dev.migration.core.lint.parse.ParsedStatement.AlterTable;

/** Reads {@code ALTER TABLE} and every action PostgreSQL 15 has for it. */
final class AlterTableParser {

	private AlterTableParser() {
	}

	/** Reads what follows {@code ALTER TABLE}. */
	static AlterTable alterTable(Cursor cursor) {
		boolean ifExists = cursor.accept("if", "exists");
		boolean only = cursor.accept("only");
		TableName table = cursor.name();
		cursor.accept("*");
		List<AlterAction> actions = new ArrayList<>();
		do {
			actions.add(action(cursor));
		}
		while (cursor.accept(","));
		cursor.expectEnd();
		return new AlterTable(table, ifExists, only, actions);
	}

	private static AlterAction action(Cursor cursor) {
		int from = cursor.position();
		if (cursor.accept("add")) {
			return add(cursor);
		}
		if (cursor.accept("drop")) {
			return drop(cursor);
		}
		if (cursor.accept("alter")) {
			if (cursor.accept("constraint")) {
				String name = cursor.identifier();
				return new AlterConstraint(name, cursor.expression(Cursor.Stop.NEVER));
			}
			cursor.accept("column");
			return alterColumn(cursor, cursor.identifier());
		}
		if (cursor.accept("validate", "constraint")) {
			return new ValidateConstraint(cursor.identifier());
		}
		if (cursor.accept("rename")) {
			return rename(cursor);
		}
		if (cursor.accept("set")) {
			return set(cursor, from);
		}
		if (cursor.accept("attach", "partition")) {
			return new AttachPartition(cursor.name(), TableParser.partitionBound(cursor));
		}
		if (cursor.accept("detach", "partition")) {
			TableName partition = cursor.name();
			boolean concurrently = cursor.accept("concurrently");
			return new DetachPartition(partition, concurrently, cursor.accept("finalize"));
		}
		return other(cursor, from);
	}

	private static AlterAction add(Cursor cursor) {
		if (TableParser.isTableConstraint(cursor)) {
			return new AddConstraint(TableParser.tableConstraint(cursor));
		}
		cursor.accept("column");
		boolean ifNotExists = cursor.accept("if", "not", "exists");
		return new AddColumn(TableParser.column(cursor), ifNotExists);
	}

	private static AlterAction drop(Cursor cursor) {
		boolean constraint = cursor.accept("constraint");
		if (!constraint) {
			cursor.accept("column");
		}
		boolean ifExists = cursor.accept("if", "exists");
		String name = cursor.identifier();
		boolean cascade = cursor.accept("cascade");
		if (!cascade) {
			cursor.accept("restrict");
		}
		return constraint ? new DropConstraint(name, ifExists, cascade) : new DropColumn(name, ifExists, cascade);
	}

	private static AlterAction alterColumn(Cursor cursor, String column) {
		int from = cursor.position();
		if (cursor.accept("type") || cursor.accept("set", "data", "type")) {
			String type = TableParser.type(cursor);
			if (cursor.accept("collate")) {
				cursor.name();
			}
			String using = cursor.accept("using") ? cursor.expression(Cursor.Stop.NEVER) : null;
			return new AlterColumnType(column, type, using);
		}
		if (cursor.accept("set", "default")) {
			return new SetDefault(column, cursor.expression(Cursor.Stop.NEVER));
		}
		if (cursor.accept("drop", "default")) {
			return new DropDefault(column);
		}
		if (cursor.accept("set", "not", "null")) {
			return new SetNotNull(column);
		}
		if (cursor.accept("drop", "not", "null")) {
			return new DropNotNull(column);
		}
		if (cursor.accept("set", "statistics") || cursor.accept("set", "storage")
				|| cursor.accept("set", "compression")) {
			String option = cursor.previous().text().toUpperCase(Locale.ROOT);
			return new SetColumnOption(column, option, cursor.expression(Cursor.Stop.NEVER));
		}
		if (cursor.is("set", "(") || cursor.is("reset", "(")) {
			String option = cursor.next().text().toUpperCase(Locale.ROOT);
			return new SetColumnOption(column, option, cursor.parenthesized());
		}
		if (cursor.is("add", "generated") || cursor.is("drop", "identity") || cursor.is("drop", "expression")
				|| cursor.is("set") || cursor.is("restart")) {
			// identity and generation changes run on to the next action
			cursor.expression(Cursor.Stop.NEVER);
			return new ChangeIdentity(column, cursor.text(from, cursor.position()));
		}
		throw cursor.fail("unknown ALTER COLUMN action");
	}

	private static AlterAction rename(Cursor cursor) {
		if (cursor.accept("to")) {
			return new RenameTable(cursor.identifier());
		}
		boolean constraint = cursor.accept("constraint");
		if (!constraint) {
			cursor.accept("column");
		}
		String name = cursor.identifier();
		cursor.expect("to");
		String newName = cursor.identifier();
		return constraint ? new RenameConstraint(name, newName) : new RenameColumn(name, newName);
	}

	private static AlterAction set(Cursor cursor, int from) {
		if (cursor.accept("schema")) {
			return new SetSchema(cursor.identifier());
		}
		if (cursor.accept("tablespace")) {
			String tablespace = cursor.identifier();
			cursor.accept("nowait");
			return new SetTablespace(tablespace);
		}
		if (cursor.accept("logged") || cursor.accept("unlogged")) {
			return new SetLogged(cursor.previous().isWord("logged"));
		}
		if (cursor.accept("access", "method")) {
			return new SetAccessMethod(cursor.identifier());
		}
		if (cursor.accept("without", "cluster") || cursor.accept("without", "oids")) {
			return new OtherAction(kind(cursor, from), cursor.text(from, cursor.position()));
		}
		cursor.parenthesized();
		return new OtherAction("SET", cursor.text(from, cursor.position()));
	}

	/** Reads the actions that change no column, constraint or storage: triggers, owner, replica identity and the like. */
	private static AlterAction other(Cursor cursor, int from) {
		String kind;
		if (cursor.accept("enable") || cursor.accept("disable")) {
			if (!cursor.accept("replica")) {
				cursor.accept("always");
			}
			if (cursor.accept("trigger") || cursor.accept("rule")) {
				kind = kind(cursor, from);
				cursor.identifier();
			}
			else {
				cursor.expect("row", "level", "security");
				kind = kind(cursor, from);
			}
		}
		else if (cursor.accept("force", "row", "level", "security")
				|| cursor.accept("no", "force", "row", "level", "security")) {
			kind = kind(cursor, from);
		}
		else if (cursor.accept("owner", "to") || cursor.accept("cluster", "on") || cursor.accept("inherit")
				|| cursor.accept("no", "inherit") || cursor.accept("of")) {
			kind = kind(cursor, from);
			cursor.name();
		}
		else if (cursor.accept("not", "of")) {
			kind = kind(cursor, from);
		}
		else if (cursor.accept("reset")) {
			kind = "RESET";
			cursor.parenthesized();
		}
		else if (cursor.accept("replica", "identity")) {
			kind = kind(cursor, from);
			if (cursor.accept("using", "index")) {
				cursor.identifier();
			}
			else if (!cursor.accept("default") && !cursor.accept("full")) {
				cursor.expect("nothing");
			}
		}
		else {
			throw cursor.fail("unknown ALTER TABLE action");
		}
		return new OtherAction(kind, cursor.text(from, cursor.position()));
	}

	private static String kind(Cursor cursor, int from) {
		return cursor.text(from, cursor.position()).toUpperCase(Locale.ROOT);
	}

}
