package dev.migration.core.scaffold;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The text of a new revision class. */
final class JavaTemplate {

	private JavaTemplate() {
	}

	static String revision(String packageName, String className, String id, List<String> revises, String message,
			LocalDate date, RevisionBody written) {
		String revisesAttribute = switch (revises.size()) {
			case 0 -> "";
			case 1 -> ", revises = " + quoted(revises.get(0));
			default -> ", revises = { " + revises.stream().map(JavaTemplate::quoted).collect(Collectors.joining(", "))
					+ " }";
		};
		String body = (revises.size() > 1) ? "\t\t// a merge point: nothing to change, it joins the heads\n"
				: "\t\t// op.createTable(...), op.addColumn(...), op.createIndex(..., i -> i.on(...).concurrently())\n";
		if (written != null) {
			body = written.upgrade().stream().map((line) -> line.isEmpty() ? "\n" : "\t\t" + line + "\n")
				.collect(Collectors.joining());
		}
		return "package " + packageName + ";\n\n"
				+ "import org.springframework.stereotype.Component;\n\n"
				+ imports(written)
				+ "/**\n * " + javadoc(message) + ".\n *\n * <p>Created " + date + ".\n"
				+ ((written != null) ? written.javadoc().stream().map((paragraph) -> " *\n * " + paragraph
					.replace("*/", "* /").replace("\n", "\n * ") + "\n").collect(Collectors.joining()) : "")
				+ " */\n"
				+ "@Component\n"
				+ ((written != null) ? written.annotations().stream().map((line) -> line + "\n")
					.collect(Collectors.joining()) : "")
				+ "@Revision(id = " + quoted(id) + revisesAttribute + ", message = " + quoted(message) + ")\n"
				+ "public class " + className + " implements Migration {\n\n"
				+ "\t@Override\n"
				+ "\tpublic void upgrade(Operations op) {\n" + body + "\t}\n\n"
				+ "\t// downgrade() is derived from upgrade() when every op has a reverse; override it otherwise\n\n"
				+ "}\n";
	}

	private static String imports(RevisionBody written) {
		TreeSet<String> names = new TreeSet<>(List.of("dev.migration.core.Migration", "dev.migration.core.Operations",
				"dev.migration.core.Revision"));
		if (written != null) {
			names.addAll(written.imports());
		}
		return names.stream().map((name) -> "import " + name + ";\n").collect(Collectors.joining()) + "\n";
	}

	private static String quoted(String text) {
		return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

	private static String javadoc(String message) {
		String text = message.replace("*/", "* /").strip();
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
