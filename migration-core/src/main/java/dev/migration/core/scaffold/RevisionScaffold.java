package dev.migration.core.scaffold;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.util.ClassUtils;

import dev.migration.core.MigrationException;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.graph.RevisionNode;
import dev.migration.core.sql.SqlMigration;

/**
 * Writes the skeleton of a new revision class, as {@code alembic revision -m} and
 * {@code alembic merge} do: a fresh id, {@code revises} set to the current head (or to every
 * head, for a merge) and the date in its Javadoc.
 */
public final class RevisionScaffold {

	private static final Pattern PACKAGE = Pattern.compile("[a-zA-Z_$][\\w$]*(\\.[a-zA-Z_$][\\w$]*)*");

	private final MigrationCatalog catalog;

	private final Path sourceRoot;

	private final String packageName;

	/**
	 * Creates a scaffold.
	 * @param catalog the revisions in code
	 * @param sourceRoot the source folder, such as {@code src/main/java}
	 * @param packageName the package of the new class, or {@code null} for the package of a head revision
	 */
	public RevisionScaffold(MigrationCatalog catalog, Path sourceRoot, String packageName) {
		this.catalog = catalog;
		this.sourceRoot = sourceRoot;
		this.packageName = (packageName != null && !packageName.isBlank()) ? packageName : headPackage(catalog);
		if (!PACKAGE.matcher(this.packageName).matches()) {
			throw new MigrationException("'" + this.packageName + "' is not a Java package name; set "
					+ "migrations.scaffold.package-name.");
		}
	}

	/**
	 * Returns a new revision that revises the single head (or nothing, for the first revision).
	 * @param message what the revision does
	 * @param date the date for the Javadoc
	 * @return the source
	 */
	public RevisionSource revision(String message, LocalDate date) {
		Set<String> heads = this.catalog.graph().heads();
		if (heads.size() > 1) {
			throw new MigrationException("The revisions have " + heads.size() + " heads " + heads
					+ "; write a merge revision first (migrations.command=merge), or pick one to revise by hand.");
		}
		return source(message, List.copyOf(heads), date);
	}

	/**
	 * Returns a merge revision that revises every head.
	 * @param message what the merge says, such as "merge heads"
	 * @param date the date for the Javadoc
	 * @return the source
	 */
	public RevisionSource merge(String message, LocalDate date) {
		Set<String> heads = this.catalog.graph().heads();
		if (heads.size() < 2) {
			throw new MigrationException("There is nothing to merge: the revisions have one head " + heads + ".");
		}
		return source(message, List.copyOf(heads), date);
	}

	private RevisionSource source(String message, List<String> revises, LocalDate date) {
		if (message == null || message.isBlank()) {
			throw new MigrationException("A new revision needs a message: set migrations.scaffold.message.");
		}
		String id = HexFormat.of().formatHex(uuidBytes()).substring(0, 12);
		Path directory = this.sourceRoot.resolve(this.packageName.replace('.', '/'));
		String className = className(message);
		if (Files.exists(directory.resolve(className + ".java"))) {
			className = className + "_" + id;
		}
		return new RevisionSource(directory.resolve(className + ".java"), id,
				JavaTemplate.revision(this.packageName, className, id, revises, message, date));
	}

	static String className(String message) {
		StringBuilder name = new StringBuilder();
		for (String word : message.split("[^A-Za-z0-9]+")) {
			if (!word.isEmpty()) {
				name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase(Locale.ROOT));
			}
		}
		if (name.length() == 0 || !Character.isJavaIdentifierStart(name.charAt(0))) {
			name.insert(0, "Revision");
		}
		return name.toString();
	}

	/**
	 * The package of the newest Java revision: a SQL file's class is the library's own, which the
	 * application does not scan, so a class written there would never run.
	 */
	private static String headPackage(MigrationCatalog catalog) {
		List<RevisionNode> newestFirst = new ArrayList<>(catalog.graph().topologicalOrder());
		Collections.reverse(newestFirst);
		boolean any = !newestFirst.isEmpty();
		return newestFirst.stream()
			.map((node) -> catalog.get(node.id()).migration())
			.filter((migration) -> !(migration instanceof SqlMigration))
			.map((migration) -> ClassUtils.getPackageName(ClassUtils.getUserClass(migration)))
			.filter((name) -> !name.isEmpty())
			.findFirst()
			.orElseThrow(() -> new MigrationException(any
					? "The revisions are SQL files only, so there is no package of the application's revisions to "
							+ "write a Java revision into: write the next one as a V<version>__<description>.sql file "
							+ "beside them, or set migrations.scaffold.package-name to a package the application scans."
					: "There is no revision yet to take the package from: set migrations.scaffold.package-name."));
	}

	private static byte[] uuidBytes() {
		UUID uuid = UUID.randomUUID();
		byte[] bytes = new byte[16];
		for (int i = 0; i < 8; i++) {
			bytes[i] = (byte) (uuid.getMostSignificantBits() >>> (56 - 8 * i));
			bytes[8 + i] = (byte) (uuid.getLeastSignificantBits() >>> (56 - 8 * i));
		}
		return bytes;
	}

}
