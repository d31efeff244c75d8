package dev.migration.core.scaffold;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a tool that writes a revision's operations puts in the new class: its imports, its class
 * annotations, the paragraphs of its Javadoc and the body of {@code upgrade}.
 *
 * @param imports the classes to import beyond those of every revision, fully qualified
 * @param annotations annotations of the class, each whole, such as {@code @AllowUnsafe(...)}
 * @param javadoc paragraphs of the class's Javadoc after its first sentence, as HTML
 * @param upgrade the statements of {@code upgrade(Operations op)}, one a line, without indentation
 */
public record RevisionBody(List<String> imports, List<String> annotations, List<String> javadoc,
		List<String> upgrade) {

	public RevisionBody {
		imports = List.copyOf(imports);
		annotations = List.copyOf(annotations);
		javadoc = List.copyOf(javadoc);
		upgrade = List.copyOf(upgrade);
	}

	/**
	 * Returns the source of a revision class holding this body, as the scaffold writes it.
	 * @param packageName the class's package
	 * @param className the class's simple name
	 * @param id the revision id
	 * @param revises the ids it revises
	 * @param message what it does
	 * @param date the day it was written
	 * @return the Java source
	 */
	public String javaClass(String packageName, String className, String id, List<String> revises, String message,
			LocalDate date) {
		return JavaTemplate.revision(packageName, className, id, revises, message, date, this);
	}

	/**
	 * Returns a Java string literal of the given text, every character outside printable ASCII escaped.
	 * @param text the text
	 * @return the literal, quotes included
	 */
	public static String literal(String text) {
		return SquashTemplate.quoted(Objects.requireNonNull(text, "text"));
	}

}
