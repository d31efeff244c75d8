package dev.migration.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.util.ClassUtils;

import dev.migration.core.Migration;
import dev.migration.core.MigrationException;

/**
 * Which of {@code migrations.databases} a Java revision belongs to, by the package of its class;
 * a revision in none of their packages belongs to the application's database.
 */
final class RevisionOwners {

	/** The name of the application's own database where one is needed, in metrics and logs. */
	static final String DEFAULT_DATABASE = "default";

	// a name shows in URLs, health and metric tags: keep it to what each of them takes as is
	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

	private final Map<String, String> databaseByPackage;

	private RevisionOwners(Map<String, String> databaseByPackage) {
		this.databaseByPackage = databaseByPackage;
	}

	static RevisionOwners of(Map<String, MigrationProperties.Database> databases) {
		Map<String, String> byPackage = new LinkedHashMap<>();
		databases.forEach((name, database) -> {
			checkName(name);
			for (String revisionPackage : database.getRevisionPackages()) {
				String previous = byPackage.put(revisionPackage.strip(), name);
				if (previous != null && !previous.equals(name)) {
					throw new MigrationException("Package " + revisionPackage.strip() + " is a revision package of "
							+ "both migrations.databases." + previous + " and migrations.databases." + name
							+ ": a revision belongs to one database; name it for one of them only.");
				}
			}
		});
		return new RevisionOwners(byPackage);
	}

	static void checkName(String name) {
		if (!NAME.matcher(name).matches() || DEFAULT_DATABASE.equals(name)) {
			throw new MigrationException("migrations.databases." + name + ": a database name is lower-case letters, "
					+ "digits and dashes, starting with a letter, and not '" + DEFAULT_DATABASE
					+ "' (the application's own database): rename it, for example to 'reporting'.");
		}
	}

	/**
	 * Returns the database a revision belongs to.
	 * @param migration the revision
	 * @return the name of one of {@code migrations.databases}, or {@code null} for the application's
	 */
	String owner(Migration migration) {
		String packageName = ClassUtils.getUserClass(migration).getPackageName();
		String owner = null;
		int longest = -1;
		for (Map.Entry<String, String> entry : this.databaseByPackage.entrySet()) {
			String candidate = entry.getKey();
			boolean within = packageName.equals(candidate) || packageName.startsWith(candidate + ".");
			// the closest package wins, so one database's packages may nest in another's
			if (within && candidate.length() > longest) {
				owner = entry.getValue();
				longest = candidate.length();
			}
		}
		return owner;
	}

}
