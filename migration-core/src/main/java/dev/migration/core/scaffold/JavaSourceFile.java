package dev.migration.core.scaffold;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one Java source file declares that the scaffold reads: its package, the classes it
 * declares, its string constants and static imports, and the attributes of each of its
 * {@code @Revision} annotations, left as tokens until every file is read (a constant may
 * live in another file).
 *
 * @param file the file, for messages
 * @param packageName its package, empty for the default package
 * @param classNames the simple names of the classes, interfaces, enums and records it declares
 * @param constants the tokens of each {@code String NAME = ...} it declares; an empty list
 * when a name is declared twice, so that it is never read as the wrong one
 * @param staticImports each {@code import static} as its names, such as {@code [com, x, Ids, *]}
 * @param revisions each {@code @Revision} annotation's attributes, by name
 */
record JavaSourceFile(Path file, String packageName, Set<String> classNames, Map<String, List<JavaToken>> constants,
		List<List<String>> staticImports, List<Map<String, List<JavaToken>>> revisions) {

	private static final String REVISION = "dev.migration.core.Revision";

	private static final Set<String> TYPE_WORDS = Set.of("class", "interface", "enum", "record");

	/**
	 * Reads a source file.
	 * @param file the file, for messages
	 * @param text its text
	 * @return what it declares
	 */
	static JavaSourceFile read(Path file, String text) {
		return new Reader(file, JavaToken.tokenize(text)).read();
	}

	/** Walks one file's tokens once; one instance per file. */
	private static final class Reader {

		private final Path file;

		private final List<JavaToken> tokens;

		private final Set<String> classNames = new HashSet<>();

		private final Map<String, List<JavaToken>> constants = new HashMap<>();

		private final List<List<String>> staticImports = new ArrayList<>();

		private final List<Map<String, List<JavaToken>>> revisions = new ArrayList<>();

		private String packageName = "";

		private boolean revisionImported;

		private int at;

		Reader(Path file, List<JavaToken> tokens) {
			this.file = file;
			this.tokens = tokens;
		}

		JavaSourceFile read() {
			while (this.at < this.tokens.size()) {
				step();
			}
			return new JavaSourceFile(this.file, this.packageName, Set.copyOf(this.classNames),
					Map.copyOf(this.constants), List.copyOf(this.staticImports), List.copyOf(this.revisions));
		}

		private void step() {
			JavaToken token = this.tokens.get(this.at++);
			if (token.is("package") && this.packageName.isEmpty()) {
				this.packageName = String.join(".", names());
			}
			else if (token.is("import")) {
				readImport();
			}
			else if (token.is("@")) {
				readAnnotation();
			}
			else if (declaresType(token)) {
				this.classNames.add(peek(0).text());
			}
			else if (token.is("String") && peek(0).kind() == JavaToken.Kind.IDENTIFIER && peek(1).is("=")) {
				readConstant();
			}
		}

		/** {@code class Name}, but not {@code Name.class}. */
		private boolean declaresType(JavaToken token) {
			return TYPE_WORDS.contains(token.text()) && !previous(2).is(".")
					&& peek(0).kind() == JavaToken.Kind.IDENTIFIER;
		}

		private void readImport() {
			boolean isStatic = peek(0).is("static");
			this.at += isStatic ? 1 : 0;
			List<String> names = names();
			String name = String.join(".", names);
			if (isStatic) {
				this.staticImports.add(names);
			}
			else if (name.equals(REVISION) || name.equals("dev.migration.core.*")) {
				this.revisionImported = true;
			}
		}

		/** Only our annotation counts: imported, or named in full. */
		private void readAnnotation() {
			String name = String.join(".", names());
			boolean ours = name.equals(REVISION) || (name.equals("Revision")
					&& (this.revisionImported || this.packageName.equals("dev.migration.core")));
			if (ours && peek(0).is("(")) {
				this.at++;
				this.revisions.add(attributes(until(")")));
			}
		}

		private void readConstant() {
			String name = this.tokens.get(this.at).text();
			this.at += 2;
			List<JavaToken> value = until(";", ",");
			// a name declared twice (a field and a local, say) could be either: read it as neither
			this.constants.merge(name, value, (first, second) -> List.of());
		}

		/** The attributes of an annotation, its tokens after the opening parenthesis given. */
		private static Map<String, List<JavaToken>> attributes(List<JavaToken> inside) {
			Map<String, List<JavaToken>> attributes = new LinkedHashMap<>();
			for (List<JavaToken> pair : JavaExpressions.splitTopLevel(inside, ",")) {
				if (pair.size() > 2 && pair.get(0).kind() == JavaToken.Kind.IDENTIFIER && pair.get(1).is("=")) {
					attributes.put(pair.get(0).text(), pair.subList(2, pair.size()));
				}
			}
			return attributes;
		}

		/** Names separated by dots, such as a package, an import or an annotation's name. */
		private List<String> names() {
			List<String> names = new ArrayList<>();
			while (this.at < this.tokens.size()) {
				JavaToken token = this.tokens.get(this.at);
				if (token.kind() == JavaToken.Kind.IDENTIFIER || token.is("*")) {
					names.add(token.text());
					this.at++;
				}
				if (!peek(0).is(".")) {
					return names;
				}
				this.at++;
			}
			return names;
		}

		/** The tokens up to the first of the given symbols outside brackets, which is passed over. */
		private List<JavaToken> until(String... ends) {
			int start = this.at;
			int depth = 0;
			List<String> endings = List.of(ends);
			while (this.at < this.tokens.size()) {
				JavaToken token = this.tokens.get(this.at++);
				if (depth == 0 && token.kind() == JavaToken.Kind.SYMBOL && endings.contains(token.text())) {
					return this.tokens.subList(start, this.at - 1);
				}
				depth += JavaExpressions.depthChange(token);
			}
			return this.tokens.subList(start, this.at);
		}

		private JavaToken peek(int ahead) {
			int index = this.at + ahead;
			return (index < this.tokens.size()) ? this.tokens.get(index) : new JavaToken(JavaToken.Kind.SYMBOL, "");
		}

		private JavaToken previous(int back) {
			int index = this.at - back;
			return (index >= 0) ? this.tokens.get(index) : new JavaToken(JavaToken.Kind.SYMBOL, "");
		}

	}

}
