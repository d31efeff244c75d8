package dev.migration.core.lint;

import java.util.List;
import java.util.Locale;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;

import dev.migration.core.dialect.PostgresScanner;
import dev.migration.core.dialect.SqlTokens;

/**
 * The rules over raw SQL: each statement goes through the {@link PostgresClauses} pre-pass,
 * then JSqlParser, then the same checks as the op records. A statement the parser rejects is
 * reported as not checked.
 */
final class SqlRules {

	private SqlRules() {
	}

	static void check(String statement, Scope scope) {
		if (PostgresScanner.isCopyWithData(statement)) {
			// rows written out in the file: bounded, as INSERT ... VALUES is
			return;
		}
		PostgresClauses clauses = PostgresClauses.of(statement);
		Statement parsed;
		try {
			parsed = CCJSqlParserUtil.parse(clauses.sql());
		}
		catch (JSQLParserException | RuntimeException ex) {
			scope.hasDdl = true;
			scope.notChecked(statement, "The SQL parser does not understand this statement.");
			return;
		}
		if (parsed instanceof Update update) {
			dataChange(update.getTable().getName(), update.getWhere(), statement, scope);
		}
		else if (parsed instanceof Delete delete) {
			dataChange(delete.getTable().getName(), delete.getWhere(), statement, scope);
		}
		else if (parsed instanceof Insert insert) {
			// INSERT ... VALUES is bounded; INSERT ... SELECT may copy a whole table
			if (insert.getSelect() != null && !(insert.getSelect() instanceof Values)) {
				dataChange(insert.getTable().getName(), null, statement, scope);
			}
		}
		else if (!(parsed instanceof Select)) {
			scope.hasDdl = true;
			ddl(parsed, clauses, statement, scope);
		}
	}

	private static void ddl(Statement parsed, PostgresClauses clauses, String statement, Scope scope) {
		if (parsed instanceof CreateTable create) {
			String table = create.getTable().getName();
			scope.createdTables.add(Scope.key(table));
			for (ColumnDefinition column : nonNull(create.getColumnDefinitions())) {
				TypeName type = TypeName.parse(column.getColDataType().toString());
				scope.schema.columnTypes.put(Scope.column(table, column.getColumnName()), type);
				scope.checkStyle(type, statement, column.getColumnName());
			}
		}
		else if (parsed instanceof CreateIndex create) {
			scope.createdIndexes.add(Scope.key(create.getIndex().getName()));
			if (!clauses.concurrently() && !scope.isNew(create.getTable().getName())) {
				scope.report(Rule.INDEX_NOT_CONCURRENT, create.getTable().getName(), statement, null);
			}
		}
		else if (parsed instanceof Drop drop) {
			drop(drop, clauses, statement, scope);
		}
		else if (parsed instanceof Truncate truncate) {
			if (!scope.isNew(truncate.getTable().getName())) {
				scope.report(Rule.TRUNCATE, statement, null);
			}
		}
		else if (parsed instanceof Alter alter && alter.getAlterExpressions() != null) {
			for (AlterExpression expression : alter.getAlterExpressions()) {
				alter(alter.getTable().getName(), expression, clauses, statement, scope);
			}
		}
	}

	private static void drop(Drop drop, PostgresClauses clauses, String statement, Scope scope) {
		String type = drop.getType().toUpperCase(Locale.ROOT);
		String name = drop.getName().getName();
		if (type.equals("INDEX") && !clauses.concurrently() && !scope.isNewIndex(name)) {
			scope.report(Rule.DROP_INDEX_NOT_CONCURRENT, scope.schema.facts.indexTable(name).orElse(null), statement,
					null);
		}
		else if (type.equals("TABLE") && !scope.isNew(name)) {
			scope.report(Rule.DROP_TABLE, statement, null);
		}
	}

	private static void alter(String table, AlterExpression expression, PostgresClauses clauses, String statement,
			Scope scope) {
		AlterOperation operation = expression.getOperation();
		if (operation == AlterOperation.ADD && expression.getColDataTypeList() != null) {
			for (AlterExpression.ColumnDataType column : expression.getColDataTypeList()) {
				addColumn(table, column, statement, scope);
			}
		}
		else if (operation == AlterOperation.ADD) {
			addConstraint(table, expression, clauses, statement, scope);
		}
		else if (operation == AlterOperation.ALTER && expression.getColDataTypeList() != null) {
			for (AlterExpression.ColumnDataType column : expression.getColDataTypeList()) {
				alterColumn(table, column, statement, scope);
			}
		}
		else if (operation == AlterOperation.RENAME && !scope.isNew(table)) {
			scope.report(Rule.RENAME_COLUMN, statement, null);
		}
		else if (operation == AlterOperation.RENAME_TABLE) {
			if (!scope.isNew(table)) {
				scope.report(Rule.RENAME_TABLE, statement, null);
			}
			scope.renamed(table, expression.getNewTableName());
		}
		else if (operation == AlterOperation.DROP && expression.getColumnName() != null) {
			if (!scope.isNew(table) && !scope.addedColumns.contains(Scope.column(table, expression.getColumnName()))) {
				scope.report(Rule.DROP_COLUMN, statement, null);
			}
		}
		else if (operation == AlterOperation.UNSPECIFIC && expression.getOptionalSpecifier() != null) {
			List<SqlTokens.Token> words = SqlTokens.of(expression.getOptionalSpecifier());
			if (words.size() == 3 && words.get(0).isWord("validate") && words.get(1).isWord("constraint")) {
				scope.checkValidate(words.get(2).identifier(), statement);
			}
		}
	}

	private static void addColumn(String table, AlterExpression.ColumnDataType column, String statement,
			Scope scope) {
		List<String> specs = nonNull(column.getColumnSpecs()).stream().map((spec) -> spec.toLowerCase(Locale.ROOT))
			.toList();
		int defaultAt = specs.indexOf("default");
		boolean required = String.join(" ", specs).contains("not null") || specs.contains("primary");
		boolean generated = specs.contains("generated");
		String defaultSql = (defaultAt < 0) ? null : String.join(" ", specs.subList(defaultAt + 1, specs.size()));
		scope.checkAddColumn(table, column.getColumnName(), TypeName.parse(column.getColDataType().toString()),
				required && !generated, defaultAt >= 0, defaultSql, statement);
	}

	private static void alterColumn(String table, AlterExpression.ColumnDataType column, String statement,
			Scope scope) {
		List<String> specs = nonNull(column.getColumnSpecs());
		if (column.getColDataType() == null) {
			return;
		}
		String type = column.getColDataType().getDataType();
		if (type.equalsIgnoreCase("set")) {
			if (String.join(" ", specs).equalsIgnoreCase("not null")) {
				scope.checkSetNotNull(table, column.getColumnName(), statement);
			}
			return;
		}
		TypeName target = TypeName.parse(column.getColDataType().toString());
		scope.checkStyle(target, statement, column.getColumnName());
		boolean using = !specs.isEmpty() && specs.get(0).equalsIgnoreCase("using");
		scope.checkTypeChange(table, column.getColumnName(), target, null, using, statement);
	}

	private static void addConstraint(String table, AlterExpression expression, PostgresClauses clauses,
			String statement, Scope scope) {
		Index index = expression.getIndex();
		String name = (index != null) ? index.getName() : null;
		if (name != null) {
			scope.addedConstraints.add(Scope.key(name));
		}
		boolean existing = !scope.isNew(table);
		if (index instanceof CheckConstraint check) {
			scope.noteCheck(table, name, check.getExpression().toString(), clauses.notValid());
		}
		if ((index instanceof CheckConstraint || index instanceof ForeignKeyIndex) && existing
				&& !clauses.notValid()) {
			scope.report(Rule.CONSTRAINT_NOT_VALID, table, statement, null);
		}
		boolean key = expression.getPkColumns() != null || expression.getUkColumns() != null
				|| index != null && index.getType() != null && (index.getType().toUpperCase(Locale.ROOT).contains("UNIQUE")
						|| index.getType().toUpperCase(Locale.ROOT).contains("PRIMARY"));
		if (key && existing && !clauses.usingIndex()) {
			scope.report(Rule.UNIQUE_WITHOUT_INDEX, table, statement, null);
		}
	}

	/** Notes an UPDATE or DELETE (or INSERT ... SELECT) unless its WHERE picks rows by key. */
	private static void dataChange(String table, Expression where, String statement, Scope scope) {
		if (!bounded(where)) {
			scope.dataChange(table, statement, "The statement is not bounded to a few rows by an equality or IN list.");
		}
	}

	private static boolean bounded(Expression where) {
		if (where instanceof AndExpression and) {
			return bounded(and.getLeftExpression()) || bounded(and.getRightExpression());
		}
		return where instanceof EqualsTo || where instanceof InExpression in && !(in.getRightExpression() instanceof Select);
	}

	private static <T> List<T> nonNull(List<T> list) {
		return (list != null) ? list : List.of();
	}

}
