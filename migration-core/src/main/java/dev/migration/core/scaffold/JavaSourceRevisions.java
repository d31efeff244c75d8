package dev.migration.core.scaffold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.migration.core.graph.RevisionNode;
import dev.migration.core.scaffold.KnownRevision.JavaRevision;

/**
 * Reads the Java revisions of a source folder: every {@code @Revision} annotation, whatever
 * Spring profile or build state its class is in, with its id, what it revises and its message.
 */
final class JavaSourceRevisions {

	private JavaSourceRevisions() {
	}

	/**
	 * Reads the revisions below a source folder.
	 * @param root the folder, such as {@code src/main/java}; missing means none
	 * @return the revisions, each with its package
	 * @throws UnreadableRevisionException naming the file when an id or revises cannot be read
	 * @throws ScaffoldException naming the file when it cannot be read or declares an invalid id
	 */
	static List<JavaRevision> read(Path root) {
		List<JavaSourceFile> files = files(root);
		JavaExpressions expressions = new JavaExpressions(files);
		List<JavaRevision> revisions = new ArrayList<>();
		for (JavaSourceFile file : files) {
			for (Map<String, List<JavaToken>> attributes : file.revisions()) {
				revisions.add(new JavaRevision(node(file, attributes, expressions), file.packageName(), true,
						replaces(file, attributes, expressions)));
			}
		}
		return List.copyOf(revisions);
	}

	/** Every file that may hold a revision or a constant one names. */
	private static List<JavaSourceFile> files(Path root) {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter((path) -> path.toString().endsWith(".java") && Files.isRegularFile(path))
				.sorted()
				.map(JavaSourceRevisions::parse)
				.toList();
		}
		catch (IOException | UncheckedIOException ex) {
			throw new ScaffoldException("Could not read the sources below " + root + " to find their revisions: "
					+ ex.getMessage() + ". Make them readable, or set migrations.scaffold.directory to the project.",
					ex);
		}
	}

	private static JavaSourceFile parse(Path file) {
		try {
			return JavaSourceFile.read(file, Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(file + ": " + ex.getMessage(), ex);
		}
	}

	private static List<String> replaces(JavaSourceFile file, Map<String, List<JavaToken>> attributes,
			JavaExpressions expressions) {
		return attributes.containsKey("replaces") ? expressions.strings(attributes.get("replaces"), file)
			.orElseThrow(() -> new UnreadableRevisionException(file.file(), "replaces")) : List.of();
	}

	private static RevisionNode node(JavaSourceFile file, Map<String, List<JavaToken>> attributes,
			JavaExpressions expressions) {
		String id = expressions.string(attributes.getOrDefault("id", List.of()), file)
			.orElseThrow(() -> new UnreadableRevisionException(file.file(), "id"));
		List<String> revises = attributes.containsKey("revises") ? expressions.strings(attributes.get("revises"), file)
			.orElseThrow(() -> new UnreadableRevisionException(file.file(), "revises")) : List.of();
		// the message names nothing the graph needs: one that cannot be read is left out
		String message = expressions.string(attributes.getOrDefault("message", List.of()), file).orElse("");
		try {
			return new RevisionNode(id, revises, Set.of(), Set.of(), message);
		}
		catch (RuntimeException ex) {
			throw new ScaffoldException("The @Revision in " + file.file() + " is invalid: " + ex.getMessage(), ex);
		}
	}

}
