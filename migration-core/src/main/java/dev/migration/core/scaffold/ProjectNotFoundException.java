package dev.migration.core.scaffold;

/**
 * Thrown when no project folder is found to write a new revision into, or
 * {@code migrations.scaffold.directory} names none.
 */
public class ProjectNotFoundException extends ScaffoldException {

	private static final long serialVersionUID = 1L;

	public ProjectNotFoundException(String message) {
		super(message);
	}

}
