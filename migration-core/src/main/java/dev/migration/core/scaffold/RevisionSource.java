package dev.migration.core.scaffold;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

/**
 * A new revision, a Java class or a SQL file, and where it goes.
 *
 * @param file the file to write
 * @param id the new revision id
 * @param revises the revisions it revises
 * @param source the file's text
 */
public record RevisionSource(Path file, String id, List<String> revises, String source) {

	public RevisionSource {
		Objects.requireNonNull(file, "file");
		Objects.requireNonNull(id, "id");
		revises = List.copyOf(revises);
		Objects.requireNonNull(source, "source");
	}

	/**
	 * Writes the file, never over an existing one.
	 * @return the file written
	 * @throws ScaffoldException naming the file when it cannot be written
	 */
	public Path write() {
		try {
			Files.createDirectories(this.file.getParent());
			Files.writeString(this.file, this.source, StandardOpenOption.CREATE_NEW);
			return this.file;
		}
		catch (IOException ex) {
			throw new ScaffoldException("Could not write the new revision to " + this.file + ": " + ex
					+ ". Make its folder writable, or set migrations.scaffold.directory to the project folder.", ex);
		}
	}

}
