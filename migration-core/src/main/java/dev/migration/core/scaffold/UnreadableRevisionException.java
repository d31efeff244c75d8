package dev.migration.core.scaffold;

import java.nio.file.Path;

/**
 * Thrown when an attribute of a {@code @Revision} in the sources cannot be read without
 * compiling them, so the scaffold cannot tell where the history ends.
 */
public class UnreadableRevisionException extends ScaffoldException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param file the source file
	 * @param attribute the attribute, such as {@code id} or {@code revises}
	 */
	public UnreadableRevisionException(Path file, String attribute) {
		super("The " + attribute + " of a @Revision in " + file + " cannot be read without compiling it. Write it "
				+ "as a string literal, such as @Revision(id = \"0007\", revises = \"0006\"), or as a constant of "
				+ "string literals (static final String ID = \"0007\"), so that migrations.command=revision and "
				+ "merge can read it from the sources.");
	}

}
