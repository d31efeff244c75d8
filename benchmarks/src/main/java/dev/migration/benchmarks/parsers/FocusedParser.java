package dev.migration.benchmarks.parsers;

import dev.migration.core.lint.parse.AlterAction;
import dev.migration.core.lint.parse.ParsedStatement;
import dev.migration.core.lint.parse.SqlParser;

/**
 * The linter's own parser ({@code dev.migration.core.lint.parse}): never throws, reports what it
 * cannot read as {@code Unrecognized}, and is held to the same clause check as ShardingSphere.
 */
final class FocusedParser implements ParserCandidate {

	private final ClauseLosses losses = new ClauseLosses();

	@Override
	public String label() {
		return "focused parser (`dev.migration.core.lint.parse`)";
	}

	@Override
	public Object parse(String statement) {
		return SqlParser.parse(statement);
	}

	@Override
	public Verdict judge(String statement, Object tree) {
		if (tree instanceof ParsedStatement.Unrecognized) {
			return Verdict.REFUSED;
		}
		Clauses said = Clauses.said(statement);
		return (said.any() && this.losses.compare(said, kept((ParsedStatement) tree))) ? Verdict.CLAUSE_LOST
				: Verdict.READ;
	}

	@Override
	public String notes() {
		return this.losses.describe();
	}

	private static Clauses kept(ParsedStatement parsed) {
		if (parsed instanceof ParsedStatement.CreateIndex index) {
			return new Clauses(index.concurrently(), 0, 0, index.unique());
		}
		if (parsed instanceof ParsedStatement.Drop drop) {
			return new Clauses(drop.concurrently(), 0, 0, false);
		}
		if (parsed instanceof ParsedStatement.Reindex reindex) {
			return new Clauses(reindex.concurrently(), 0, 0, false);
		}
		if (parsed instanceof ParsedStatement.RefreshMaterializedView refresh) {
			return new Clauses(refresh.concurrently(), 0, 0, false);
		}
		if (parsed instanceof ParsedStatement.AlterTable alter) {
			return kept(alter);
		}
		return new Clauses(false, 0, 0, false);
	}

	private static Clauses kept(ParsedStatement.AlterTable alter) {
		boolean concurrently = false;
		int notValid = 0;
		int usingIndex = 0;
		for (AlterAction action : alter.actions()) {
			concurrently |= action instanceof AlterAction.DetachPartition detach && detach.concurrently();
			if (action instanceof AlterAction.AddConstraint add) {
				notValid += add.constraint().notValid() ? 1 : 0;
				usingIndex += (add.constraint().usingIndex() != null) ? 1 : 0;
			}
		}
		return new Clauses(concurrently, notValid, usingIndex, false);
	}

}
