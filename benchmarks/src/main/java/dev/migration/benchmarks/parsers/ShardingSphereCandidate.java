package dev.migration.benchmarks.parsers;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.shardingsphere.sql.parser.api.CacheOption;
import org.apache.shardingsphere.sql.parser.api.SQLParserEngine;
import org.apache.shardingsphere.sql.parser.api.SQLStatementVisitorEngine;
import org.apache.shardingsphere.sql.parser.statement.core.segment.ddl.constraint.ConstraintDefinitionSegment;
import org.apache.shardingsphere.sql.parser.statement.core.segment.ddl.constraint.alter.AddConstraintDefinitionSegment;
import org.apache.shardingsphere.sql.parser.statement.core.segment.ddl.index.IndexSegment;
import org.apache.shardingsphere.sql.parser.statement.core.statement.SQLStatement;
import org.apache.shardingsphere.sql.parser.statement.core.statement.ddl.AlterTableStatement;
import org.apache.shardingsphere.sql.parser.statement.core.statement.ddl.CreateIndexStatement;

/**
 * Apache ShardingSphere's ANTLR grammar of PostgreSQL through its SQL parser engine: the parse
 * tree, then the statement object its visitor builds, which is what a linter would read.
 */
final class ShardingSphereCandidate implements ParserCandidate {

	private static final String DATABASE_TYPE = "PostgreSQL";

	private final SQLParserEngine parser = new SQLParserEngine(DATABASE_TYPE, new CacheOption(128, 1024));

	private final SQLStatementVisitorEngine visitor = new SQLStatementVisitorEngine(DATABASE_TYPE);

	private final ClauseLosses losses = new ClauseLosses();

	@Override
	public String label() {
		return "ShardingSphere " + Jars.versionOf(SQLParserEngine.class) + " (ANTLR PostgreSQL grammar)";
	}

	@Override
	public Object parse(String statement) {
		// no parse-tree cache: each pass must parse, as a linter reading new files does
		return this.visitor.visit(this.parser.parse(statement, false));
	}

	@Override
	public Verdict judge(String statement, Object tree) {
		if (!(tree instanceof SQLStatement parsed)) {
			return Verdict.REFUSED;
		}
		Clauses said = Clauses.said(statement);
		return (said.any() && this.losses.compare(said, kept(parsed))) ? Verdict.CLAUSE_LOST : Verdict.READ;
	}

	@Override
	public String notes() {
		return this.losses.describe();
	}

	/**
	 * What the statement object holds of the clauses. 5.5.2 has no property for CONCURRENTLY on
	 * any statement, none for UNIQUE on CreateIndexStatement or its IndexSegment, and none for NOT
	 * VALID on a constraint; it drops a key constraint USING INDEX from the ALTER TABLE whole. The
	 * properties are looked up by name (a getter {@code isConcurrently()}, {@code isUnique()},
	 * {@code isNotValid()} and the like), so a version that adds one is credited with it.
	 */
	private static Clauses kept(SQLStatement parsed) {
		boolean concurrently = exposes(parsed.getClass(), "Concurrently", "Concurrent");
		boolean unique = parsed instanceof CreateIndexStatement
				&& (exposes(parsed.getClass(), "Unique") || exposes(IndexSegment.class, "Unique"));
		int notValid = 0;
		int usingIndex = 0;
		if (parsed instanceof AlterTableStatement alter) {
			for (AddConstraintDefinitionSegment add : alter.getAddConstraintDefinitions()) {
				boolean validity = exposes(AddConstraintDefinitionSegment.class, "NotValid", "Validated", "Valid")
						|| exposes(ConstraintDefinitionSegment.class, "NotValid", "Validated", "Valid");
				notValid += validity ? 1 : 0;
				usingIndex += add.getConstraintDefinition().getIndexName().isPresent() ? 1 : 0;
			}
		}
		return new Clauses(concurrently, notValid, usingIndex, unique);
	}

	/** Whether the type has a property of one of the names: a getter {@code isName()} or {@code getName()}. */
	private static boolean exposes(Class<?> type, String... names) {
		Set<String> getters = Arrays.stream(names)
			.flatMap((name) -> Stream.of("is" + name, "get" + name))
			.collect(Collectors.toSet());
		return Arrays.stream(type.getMethods())
			.anyMatch((method) -> method.getParameterCount() == 0 && getters.contains(method.getName()));
	}

}
