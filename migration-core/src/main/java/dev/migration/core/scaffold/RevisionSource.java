package dev.migration.core.scaffold;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import dev.migration.core.MigrationException;

/**
 * The Java source of a new revision and where it goes.
 *
 * @param file the file to write
 * @param id the new revision id
 * @param source the class text
 */
public record RevisionSource(Path file, String id, String source) {

	/**
	 * Writes the file, never over an existing one.
	 * @return the file written
	 */
	public Path write() {
		try {
			Files.createDirectories(this.file.getParent());
			Files.writeString(this.file, this.source, StandardOpenOption.CREATE_NEW);
			return this.file;
		}
		catch (IOException ex) {
			throw new MigrationException("Could not write the new revision to " + this.file + ": " + ex.getMessage()
					+ ". Check migrations.scaffold.directory.", ex);
		}
	}

}
