package dev.migration.benchmarks.parsers;

import java.util.Map;

/** Finds a candidate by name, loading only its own class, so only that parser's jars need be on the class path. */
public final class ParserCandidates {

	private static final Map<String, String> CLASSES = Map.of("focused", "FocusedParser", "jsqlparser",
			"JSqlParserCandidate", "shardingsphere", "ShardingSphereCandidate");

	private ParserCandidates() {
	}

	/**
	 * Makes the candidate of a name.
	 * @param name {@code focused}, {@code jsqlparser} or {@code shardingsphere}
	 * @return the candidate, its parser loaded
	 */
	public static ParserCandidate named(String name) {
		String simpleName = CLASSES.get(name);
		if (simpleName == null) {
			throw new IllegalArgumentException("No parser named " + name + "; use one of " + CLASSES.keySet());
		}
		try {
			return (ParserCandidate) Class.forName(ParserCandidates.class.getPackageName() + "." + simpleName)
				.getDeclaredConstructor()
				.newInstance();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot make the " + name + " candidate; is its parser on the class path?",
					ex);
		}
	}

}
