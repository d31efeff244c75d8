package dev.migration.core.lint.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migration.core.dialect.SqlTokens.Kind;
import dev.migration.core.dialect.SqlTokens.Token;
import dev.migration.core.lint.parse.ParsedStatement.AlterType;
import dev.migration.core.lint.parse.ParsedStatement.Call;
import dev.migration.core.lint.parse.ParsedStatement.CreateFunction;
import dev.migration.core.lint.parse.ParsedStatement.CreateFunction.Volatility;
import dev.migration.core.lint.parse.ParsedStatement.CreateTrigger;
import dev.migration.core.lint.parse.ParsedStatement.DoBlock;

/** Reads functions, procedures and their calls, triggers, anonymous blocks and {@code ALTER TYPE}. */
final class RoutineParser {

	private RoutineParser() {
	}

	/** Reads what follows {@code CREATE [OR REPLACE] FUNCTION} or {@code PROCEDURE}. */
	static CreateFunction createFunction(Cursor cursor, boolean procedure, boolean orReplace) {
		TableName name = cursor.name();
		if (!cursor.skipParenthesized()) {
			throw cursor.fail("expected the arguments of the function");
		}
		Volatility volatility = Volatility.VOLATILE;
		String language = null;
		String body = null;
		int depth = 0;
		// the options come in any order; the body is one literal token, or BEGIN ATOMIC ... END, or RETURN expr
		while (!cursor.atEnd()) {
			Token token = cursor.next();
			if (token.isSymbol("(")) {
				depth++;
			}
			else if (token.isSymbol(")")) {
				depth--;
			}
			else if (depth == 0 && token.isWord("language") && !cursor.atEnd()) {
				Token value = cursor.next();
				language = (value.kind() == Kind.LITERAL) ? Cursor.unquote(value.text()) : value.text();
				language = language.toLowerCase(Locale.ROOT);
			}
			else if (depth == 0 && (token.isWord("immutable") || token.isWord("stable") || token.isWord("volatile"))) {
				volatility = Volatility.valueOf(token.text().toUpperCase(Locale.ROOT));
			}
			else if (depth == 0 && token.isWord("as") && cursor.peek() != null && cursor.peek().kind() == Kind.LITERAL) {
				body = cursor.literal();
			}
			else if (depth == 0 && (token.isWord("begin") && cursor.accept("atomic") || token.isWord("return"))) {
				body = standardBody(cursor, token.isWord("return"));
			}
		}
		List<TableName> tables = new ArrayList<>();
		if (body != null) {
			BodyTables.collect(body, tables);
		}
		return new CreateFunction(name, procedure, orReplace, volatility, language, body, tables);
	}

	/** Reads a body in SQL's standard form, {@code BEGIN ATOMIC ... END} or {@code RETURN expr}, as statements. */
	private static String standardBody(Cursor cursor, boolean returns) {
		int from = cursor.position();
		cursor.rest();
		boolean end = !returns && cursor.previous().isWord("end");
		String body = cursor.text(from, end ? cursor.position() - 1 : cursor.position());
		return returns ? "SELECT " + body : body;
	}

	/** Reads what follows {@code CREATE [OR REPLACE] [CONSTRAINT] TRIGGER}. */
	static CreateTrigger createTrigger(Cursor cursor) {
		String name = cursor.identifier();
		while (!cursor.atEnd() && !cursor.is("on")) {
			cursor.next();
		}
		cursor.expect("on");
		TableName table = cursor.name();
		while (!cursor.atEnd() && !cursor.is("execute")) {
			cursor.next();
		}
		cursor.expect("execute");
		if (!cursor.accept("function")) {
			cursor.expect("procedure");
		}
		TableName function = cursor.name();
		if (!cursor.skipParenthesized()) {
			throw cursor.fail("expected the arguments of the trigger function");
		}
		cursor.expectEnd();
		return new CreateTrigger(name, table, function);
	}

	/** Reads what follows {@code CALL}. */
	static Call call(Cursor cursor) {
		TableName procedure = cursor.name();
		if (!cursor.skipParenthesized()) {
			throw cursor.fail("expected the arguments of the procedure");
		}
		cursor.expectEnd();
		return new Call(procedure);
	}

	/** Reads what follows {@code DO}. */
	static DoBlock doBlock(Cursor cursor) {
		String language = "plpgsql";
		String body = null;
		while (!cursor.atEnd()) {
			if (cursor.accept("language")) {
				Token value = cursor.next();
				language = ((value.kind() == Kind.LITERAL) ? Cursor.unquote(value.text()) : value.text())
					.toLowerCase(Locale.ROOT);
			}
			else {
				body = cursor.literal();
			}
		}
		if (body == null) {
			throw cursor.fail("expected the body of the DO block");
		}
		List<TableName> tables = new ArrayList<>();
		BodyTables.collect(body, tables);
		return new DoBlock(language, tables);
	}

	/** Reads what follows {@code ALTER TYPE}. */
	static AlterType alterType(Cursor cursor) {
		TableName type = cursor.name();
		if (cursor.accept("add", "value")) {
			cursor.accept("if", "not", "exists");
			String value = cursor.literal();
			if (cursor.accept("before") || cursor.accept("after")) {
				cursor.literal();
			}
			cursor.expectEnd();
			return new AlterType(type, AlterType.Change.ADD_VALUE, value, null);
		}
		if (cursor.accept("rename", "value")) {
			String value = cursor.literal();
			cursor.expect("to");
			String newName = cursor.literal();
			cursor.expectEnd();
			return new AlterType(type, AlterType.Change.RENAME_VALUE, value, newName);
		}
		if (cursor.accept("rename", "to")) {
			String newName = cursor.identifier();
			cursor.expectEnd();
			return new AlterType(type, AlterType.Change.RENAME, null, newName);
		}
		if (cursor.atEnd()) {
			throw cursor.fail("expected what ALTER TYPE changes");
		}
		cursor.rest();
		return new AlterType(type, AlterType.Change.OTHER, null, null);
	}

}
