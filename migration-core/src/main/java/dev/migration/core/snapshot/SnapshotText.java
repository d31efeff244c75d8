package dev.migration.core.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import dev.migration.core.MigrationException;

/**
 * The stored text form of a snapshot: a version line, then per object a line
 * {@code O<tab>kind<tab>name} followed by one line {@code A<tab>attribute<tab>value} per
 * attribute, with backslash, tab and line breaks escaped. Line-based rather than JSON
 * because the engine carries no JSON library, and a diff of two stored snapshots stays
 * readable in a terminal.
 */
final class SnapshotText {

	private static final String VERSION = "schema-snapshot 1";

	private SnapshotText() {
	}

	static String write(SchemaSnapshot snapshot) {
		StringBuilder text = new StringBuilder(VERSION).append('\n');
		for (SchemaObject object : snapshot.objects()) {
			text.append("O\t").append(object.kind().name()).append('\t').append(escape(object.name())).append('\n');
			object.attributes()
				.forEach((key, value) -> text.append("A\t")
					.append(escape(key))
					.append('\t')
					.append(escape(value))
					.append('\n'));
		}
		return text.toString();
	}

	static SchemaSnapshot read(String text) {
		String[] lines = text.split("\n", -1);
		if (lines.length == 0 || !lines[0].equals(VERSION)) {
			throw new MigrationException("The stored schema snapshot is not in the form '" + VERSION
					+ "'; run an upgrade to store a new one.");
		}
		List<SchemaObject> objects = new ArrayList<>();
		ObjectKind kind = null;
		String name = null;
		TreeMap<String, String> attributes = new TreeMap<>();
		for (int i = 1; i < lines.length; i++) {
			String[] fields = lines[i].split("\t", -1);
			if (fields[0].equals("O") && fields.length == 3) {
				if (kind != null) {
					objects.add(new SchemaObject(kind, name, attributes));
				}
				kind = ObjectKind.valueOf(fields[1]);
				name = unescape(fields[2]);
				attributes = new TreeMap<>();
			}
			else if (fields[0].equals("A") && fields.length == 3 && kind != null) {
				attributes.put(unescape(fields[1]), unescape(fields[2]));
			}
			else if (!lines[i].isEmpty()) {
				throw new MigrationException("Line " + (i + 1) + " of the stored schema snapshot is damaged: "
						+ lines[i] + "; run an upgrade to store a new one.");
			}
		}
		if (kind != null) {
			objects.add(new SchemaObject(kind, name, attributes));
		}
		return new SchemaSnapshot(objects);
	}

	private static String escape(String value) {
		StringBuilder escaped = new StringBuilder(value.length());
		for (char c : value.toCharArray()) {
			switch (c) {
				case '\\' -> escaped.append("\\\\");
				case '\t' -> escaped.append("\\t");
				case '\n' -> escaped.append("\\n");
				case '\r' -> escaped.append("\\r");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	private static String unescape(String value) {
		StringBuilder plain = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' && i + 1 < value.length()) {
				char next = value.charAt(++i);
				plain.append(switch (next) {
					case 't' -> '\t';
					case 'n' -> '\n';
					case 'r' -> '\r';
					default -> next;
				});
			}
			else {
				plain.append(c);
			}
		}
		return plain.toString();
	}

}
