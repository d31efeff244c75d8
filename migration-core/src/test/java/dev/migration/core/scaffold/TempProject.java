package dev.migration.core.scaffold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migration.core.catalog.MigrationCatalog;

/** A Maven project in a temporary folder, with the Java revisions and SQL files a test writes into it. */
final class TempProject {

	private final Path root;

	private TempProject(Path root) {
		this.root = root;
	}

	/**
	 * Makes a Maven project with an empty {@code src/main}.
	 * @param root the folder
	 * @return the project
	 */
	static TempProject maven(Path root) {
		TempProject project = new TempProject(root);
		project.write("pom.xml", "<project/>\n");
		project.folder("src/main/java");
		return project;
	}

	Path root() {
		return this.root;
	}

	ProjectDirectory directory() {
		return new ProjectDirectory(this.root);
	}

	/** A Java revision class; {@code revises} as the source writes it, such as {@code "a1"}, or {@code null}. */
	TempProject revision(String packageName, String className, String id, String revises, String... annotations) {
		return java(packageName.replace('.', '/') + "/" + className + ".java", "package " + packageName + ";\n\n"
				+ "import dev.migration.core.Migration;\nimport dev.migration.core.Operations;\n"
				+ "import dev.migration.core.Revision;\n\n" + String.join("\n", annotations) + "\n"
				+ "@Revision(id = \"" + id + "\"" + ((revises != null) ? ", revises = " + revises : "")
				+ ", message = \"" + className + "\")\npublic class " + className + " implements Migration {\n\n"
				+ "\t@Override\n\tpublic void upgrade(Operations op) {\n\t}\n\n}\n");
	}

	TempProject java(String path, String text) {
		return write("src/main/java/" + path, text);
	}

	TempProject sql(String name, String text) {
		return write("src/main/resources/db/migration/" + name, text);
	}

	TempProject write(String path, String text) {
		try {
			Path file = this.root.resolve(path);
			Files.createDirectories(file.getParent());
			Files.writeString(file, text);
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	TempProject folder(String path) {
		try {
			Files.createDirectories(this.root.resolve(path));
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	ProjectRevisions revisions(MigrationCatalog catalog) {
		return ProjectRevisions.read(directory(), SqlLocations.defaults(), catalog);
	}

	RevisionScaffold scaffold(MigrationCatalog catalog) {
		return new RevisionScaffold(revisions(catalog), null, ScaffoldFormat.AUTO);
	}

	static MigrationCatalog noBuild() {
		return MigrationCatalog.of(List.of());
	}

}
