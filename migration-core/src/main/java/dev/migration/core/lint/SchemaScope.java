package dev.migration.core.lint;

import java.util.List;

/**
 * Which schemas the lint gate reads facts from for one history: its own schemas come first, and
 * a schema where another history lives (a tenant's) is left out, so another tenant's table of
 * the same name is never taken for this one's; shared schemas stay in.
 *
 * @param owned the schemas the history owns, none when it owns no schema of its own
 * @param historyState the name of the history's state table, whose presence marks a schema of
 * another history, or {@code null} to leave no schema out
 */
public record SchemaScope(List<String> owned, String historyState) {

	/** Every schema, none preferred. */
	public static final SchemaScope ALL = new SchemaScope(List.of(), null);

	public SchemaScope {
		owned = List.copyOf(owned);
	}

}
