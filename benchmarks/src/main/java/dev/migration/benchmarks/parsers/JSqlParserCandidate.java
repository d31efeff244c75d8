package dev.migration.benchmarks.parsers;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * JSqlParser after the {@link JSqlParserPrePass pre-pass}, called as the old linter called it, in
 * whichever version is on the class path (one run per version: 5.3 and 5.4 cannot share one).
 */
final class JSqlParserCandidate implements ParserCandidate {

	/** Null for a new executor per call, as {@code CCJSqlParserUtil.parse(String)} starts one for its time-out. */
	private final ExecutorService shared;

	JSqlParserCandidate() {
		this(null);
	}

	private JSqlParserCandidate(ExecutorService shared) {
		this.shared = shared;
	}

	@Override
	public String label() {
		String version = Jars.versionOf(CCJSqlParserUtil.class);
		return "JSqlParser " + version + " + pre-pass" + ((this.shared != null) ? ", one shared executor" : "");
	}

	@Override
	public Object parse(String statement) throws Exception {
		String sql = JSqlParserPrePass.of(statement).sql();
		return (this.shared != null) ? CCJSqlParserUtil.parse(sql, this.shared, (parser) -> {
		}) : CCJSqlParserUtil.parse(sql);
	}

	@Override
	public Verdict judge(String statement, Object tree) {
		// the pre-pass reads CONCURRENTLY, NOT VALID and USING INDEX itself, so the tree need not hold them;
		// an UnsupportedStatement comes back without an error but holds nothing the rules can read
		return (tree instanceof UnsupportedStatement) ? Verdict.SILENT : Verdict.READ;
	}

	@Override
	public String notes() {
		return "CONCURRENTLY, NOT VALID and USING INDEX read by the pre-pass, outside the tree";
	}

	@Override
	public ParserCandidate variant() {
		if (this.shared != null) {
			return null;
		}
		return new JSqlParserCandidate(Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "jsqlparser");
			thread.setDaemon(true);
			return thread;
		}));
	}

}
