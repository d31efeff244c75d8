package dev.migration.core.scaffold;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.migration.core.scaffold.KnownRevision.SqlRevision;
import dev.migration.core.sql.SqlFileName;

/**
 * Writes a new revision on top of the single head (or, for a merge, every head) of the
 * project's revisions as its sources have them, as {@code alembic revision -m} and
 * {@code alembic merge} do: a Java class with a fresh id, or the next SQL file when the history
 * ends with one.
 */
public final class RevisionScaffold {

	private static final Pattern PACKAGE = Pattern.compile("[a-zA-Z_$][\\w$]*(\\.[a-zA-Z_$][\\w$]*)*");

	private final ProjectRevisions revisions;

	private final String packageName;

	private final ScaffoldFormat format;

	/**
	 * Creates a scaffold.
	 * @param revisions the project's revisions
	 * @param packageName the package of a new class, or {@code null} for that of the newest Java revision
	 * @param format what to write, {@code null} for {@link ScaffoldFormat#AUTO}
	 * @throws ScaffoldException when the package is no Java package name
	 */
	public RevisionScaffold(ProjectRevisions revisions, String packageName, ScaffoldFormat format) {
		this.revisions = Objects.requireNonNull(revisions, "revisions");
		this.packageName = (packageName != null && !packageName.isBlank()) ? packageName.strip() : null;
		this.format = (format != null) ? format : ScaffoldFormat.AUTO;
		if (this.packageName != null && !PACKAGE.matcher(this.packageName).matches()) {
			throw new ScaffoldException("migrations.scaffold.package-name '" + this.packageName + "' is not a Java "
					+ "package name: set it to one the application scans, such as com.example.revisions.");
		}
	}

	/**
	 * Returns a new revision that revises the single head (or nothing, for the first revision).
	 * @param message what the revision does
	 * @param clock the clock of its date (and of a version that is a time)
	 * @return the new file
	 * @throws ScaffoldException when there are several heads, or no message
	 */
	public RevisionSource revision(String message, Clock clock) {
		requireMessage(message);
		Set<String> heads = this.revisions.heads();
		if (heads.size() > 1) {
			throw new ScaffoldException("The revisions have " + heads.size() + " heads " + heads + "; write a merge "
					+ "revision first (migrations.command=merge), or pick one to revise by hand.");
		}
		return create(message, List.copyOf(heads), clock);
	}

	/**
	 * Returns a new Java revision that revises the single head (or nothing, for the first
	 * revision) and holds operations a tool wrote, such as those autogenerate derives from the
	 * entities: always a Java class, whatever form the history has.
	 * @param message what the revision does
	 * @param clock the clock of its date
	 * @param body the operations and what the class says of them
	 * @return the new file
	 * @throws ScaffoldException when there are several heads, no message, or no package to write in
	 */
	public RevisionSource revision(String message, Clock clock, RevisionBody body) {
		requireMessage(message);
		Set<String> heads = this.revisions.heads();
		if (heads.size() > 1) {
			throw new ScaffoldException("The revisions have " + heads.size() + " heads " + heads + "; write a merge "
					+ "revision first (migrations.command=merge), then generate on top of it.");
		}
		return java(message, List.copyOf(heads), LocalDate.now(clock), Objects.requireNonNull(body, "body"));
	}

	/**
	 * Returns a merge revision that revises every head.
	 * @param message what the merge says, such as "merge heads"
	 * @param clock the clock of its date
	 * @return the new file
	 * @throws ScaffoldException when there is one head or none
	 */
	public RevisionSource merge(String message, Clock clock) {
		requireMessage(message);
		Set<String> heads = this.revisions.heads();
		if (heads.size() < 2) {
			throw new ScaffoldException("There is nothing to merge: the revisions have " + heads.size() + " head(s) "
					+ heads + ". Write a new revision with migrations.command=revision instead.");
		}
		return create(message, List.copyOf(heads), clock);
	}

	/**
	 * Returns the file of a squash: a SQL baseline file ({@code B<version>__baseline.sql})
	 * beside the last file it replaces, or a Java class in the package of the newest Java
	 * revision (or {@code migrations.scaffold.package-name}).
	 * @param squash the squash
	 * @param sql whether to write it as a SQL baseline file
	 * @return the new file
	 * @throws ScaffoldException when a SQL baseline has no SQL file to stand beside, or a class no package
	 */
	public RevisionSource squash(SquashTemplate.Squash squash, boolean sql) {
		String last = squash.replaces().get(squash.replaces().size() - 1);
		if (sql) {
			if (!(this.revisions.get(last) instanceof SqlRevision file)) {
				throw new ScaffoldException("A SQL baseline stands beside the last file it replaces, but " + last
						+ " is no SQL file of the sources below " + this.revisions.project().root() + ": set "
						+ "migrations.scaffold.format=java to write the squash as a Java class.");
			}
			String fileName = "B" + SqlFileName.writtenVersion(file.fileName()) + "__baseline.sql";
			String id = SqlFileName.parse(fileName).revisionId();
			return new RevisionSource(file.folder().resolve(fileName), id, List.of(),
					SquashTemplate.sql(squash.withId(id)));
		}
		String packageName = javaPackage();
		String className = className("squash " + last.replace("liquibase:", ""));
		Path directory = this.revisions.project().javaSources().resolve(packageName.replace('.', '/'));
		if (Files.exists(directory.resolve(className + ".java"))) {
			className = className + "_" + squash.id();
		}
		return new RevisionSource(directory.resolve(className + ".java"), squash.id(), List.of(),
				SquashTemplate.java(squash, packageName, className));
	}

	private static void requireMessage(String message) {
		if (message == null || message.isBlank()) {
			throw new ScaffoldException("A new revision needs a message: set migrations.scaffold.message.");
		}
	}

	private RevisionSource create(String message, List<String> revises, Clock clock) {
		return (form(revises) == ScaffoldFormat.SQL) ? sql(message, revises, LocalDateTime.now(clock))
				: java(message, revises, LocalDate.now(clock), null);
	}

	/**
	 * A SQL file revises two heads with a {@code -- revises: a, b} line, which the application
	 * reads as it reads {@code revises} of a Java class: so a merge keeps to the form of the
	 * history as a revision does, and the next SQL file simply follows it.
	 */
	private ScaffoldFormat form(List<String> revises) {
		if (this.format != ScaffoldFormat.AUTO) {
			return this.format;
		}
		if (revises.isEmpty() && this.packageName == null) {
			throw new ScaffoldException("There is no revision yet to follow, neither in the sources below "
					+ this.revisions.project().root() + " nor in the application: set migrations.scaffold.package-name "
					+ "to write the first as a Java class in that package, or migrations.scaffold.format=sql to write "
					+ "it as V1__<message>.sql in " + this.revisions.firstSqlFolder() + ".");
		}
		return revises.stream().anyMatch((id) -> this.revisions.get(id) instanceof SqlRevision) ? ScaffoldFormat.SQL
				: ScaffoldFormat.JAVA;
	}

	private RevisionSource java(String message, List<String> revises, LocalDate date, RevisionBody body) {
		String packageName = javaPackage();
		String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		Path directory = this.revisions.project().javaSources().resolve(packageName.replace('.', '/'));
		String className = className(message);
		if (Files.exists(directory.resolve(className + ".java"))) {
			className = className + "_" + id;
		}
		return new RevisionSource(directory.resolve(className + ".java"), id, revises,
				JavaTemplate.revision(packageName, className, id, revises, message, date, body));
	}

	private String javaPackage() {
		return (this.packageName != null) ? this.packageName : this.revisions.newestJavaPackage()
			.orElseThrow(() -> new ScaffoldException("No Java revision has a package to put a new class in: set "
					+ "migrations.scaffold.package-name to a package the application scans, or "
					+ "migrations.scaffold.format=sql to write a SQL file."));
	}

	/**
	 * The file after the highest version; it names what it revises only when that is not the
	 * file of the version before it, which it would revise anyway.
	 */
	private RevisionSource sql(String message, List<String> revises, LocalDateTime now) {
		Optional<SqlRevision> highest = this.revisions.highestSqlFile();
		String version = highest.map((file) -> NextSqlVersion.after(SqlFileName.writtenVersion(file.fileName()), now))
			.orElse("1");
		String description = description(message);
		String fileName = "V" + version + "__" + description + ".sql";
		String id = SqlFileName.parse(fileName).revisionId();
		List<String> implicit = highest.map((file) -> List.of(file.node().id())).orElse(List.of());
		Path folder = highest.map(SqlRevision::folder).orElseGet(this.revisions::firstSqlFolder);
		String text = SqlTemplate.revision(id, message, revises, !revises.equals(implicit),
				"U" + version + "__" + description + ".sql", now.toLocalDate());
		return new RevisionSource(folder.resolve(fileName), id, revises, text);
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

	/** The description of a file name: the message's words joined by underscores, as Flyway reads them back. */
	static String description(String message) {
		String description = message.strip().replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
		return description.isEmpty() ? "revision" : description;
	}

}
