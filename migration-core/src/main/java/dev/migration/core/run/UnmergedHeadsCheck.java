package dev.migration.core.run;

import java.util.List;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;

/**
 * Stops or flags an upgrade while the revisions have several heads: two branches written in
 * parallel whose order nobody decided, as Alembic's merge revisions decide it.
 */
public final class UnmergedHeadsCheck implements UpgradeCheck {

	private static final Logger logger = LoggerFactory.getLogger(UnmergedHeadsCheck.class);

	private final UnmergedHeadsPolicy policy;

	/**
	 * Creates the check.
	 * @param policy what to do with unmerged heads
	 */
	public UnmergedHeadsCheck(UnmergedHeadsPolicy policy) {
		this.policy = policy;
	}

	@Override
	public void check(MigrationCatalog catalog, List<DeclaredRevision> toApply, DataSource database) {
		TreeSet<String> heads = new TreeSet<>(catalog.graph().heads());
		if (heads.size() < 2 || this.policy == UnmergedHeadsPolicy.ALLOW) {
			return;
		}
		String message = "The revisions have " + heads.size() + " heads (" + String.join(", ", heads)
				+ ") that no merge revision joins, so the order of their branches is nobody's decision.";
		if (this.policy == UnmergedHeadsPolicy.FAIL) {
			throw new UnmergedHeadsException(message + " Nothing ran. Write a merge revision with "
					+ "--migrations.command=merge (it revises every head), or set migrations.unmerged-heads=warn "
					+ "to apply the branches unmerged.");
		}
		logger.warn("{} The upgrade applies them; write a merge revision with --migrations.command=merge, or set "
				+ "migrations.unmerged-heads=allow if the branches are separate on purpose.", message);
	}

}
