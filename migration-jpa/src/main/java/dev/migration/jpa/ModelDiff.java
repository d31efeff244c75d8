package dev.migration.jpa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.migration.core.Operations;
import dev.migration.core.snapshot.ObjectKind;
import dev.migration.core.snapshot.SchemaObject;
import dev.migration.core.snapshot.SchemaSnapshot;
import dev.migration.jpa.ModelDifference.Aspect;

/**
 * What differs between the schema the entities expect and the one the revisions make, both read
 * from PostgreSQL's catalog, with no false differences: constraints and indexes are matched by
 * their definition (a name is compared only where the entities chose it), identity sequences are
 * left to their column, column order is ignored, and what entities cannot declare (views,
 * triggers, functions, partitioning) is left out, as are tables and columns retired by
 * {@link Operations#retireTable} and {@link Operations#retireColumn}, kept on purpose until purged.
 *
 * @param differences the differences, tables first, then columns, constraints, indexes, sequences and enum types
 */
public record ModelDiff(List<ModelDifference> differences) {

	/**
	 * Names Hibernate makes up ({@code FK}, {@code UK} or {@code IDX} and a hash) or PostgreSQL does
	 * ({@code orders_pkey}, {@code orders_email_key}): no one chose them, so a revision may name the
	 * same constraint otherwise. Only a comparison given no chosen names guesses so; there, a name
	 * an entity chose that looks like PostgreSQL's is taken for made up.
	 */
	private static final Pattern GENERATED_NAME = Pattern
		.compile("(fk|uk|idx)[0-9a-z]{20,}|.*_(pkey|key|fkey|check|idx|excl)[0-9]*");

	/** The index name in {@code pg_get_indexdef}: an identifier, quoted or not, before {@code ON}. */
	private static final Pattern INDEX_NAME = Pattern
		.compile("^(CREATE (?:UNIQUE )?INDEX )(?:\"(?:[^\"]|\"\")*\"|\\S+) ON ");

	/** A time type's default precision, which {@code format_type} prints only when written. */
	private static final Pattern DEFAULT_TIME_PRECISION = Pattern.compile("^(timestamp|time)\\(6\\)");

	public ModelDiff {
		differences = List.copyOf(differences);
	}

	/**
	 * Compares the schema the entities expect with the one the revisions make.
	 * @param entities the snapshot of the database Hibernate built from the entities
	 * @param revisions the snapshot of a database upgraded to heads
	 * @return the differences
	 */
	public static ModelDiff between(SchemaSnapshot entities, SchemaSnapshot revisions) {
		return between(entities, revisions, (name) -> !GENERATED_NAME.matcher(name).matches());
	}

	/**
	 * Compares the schema the entities expect with the one the revisions make, comparing the
	 * names of constraints and indexes the entities chose, and only those.
	 * @param entities the snapshot of the database Hibernate built from the entities
	 * @param revisions the snapshot of a database upgraded to heads
	 * @param chosenNames the constraint and index names the entities chose, as Hibernate's DDL gave them
	 * @return the differences
	 */
	public static ModelDiff between(SchemaSnapshot entities, SchemaSnapshot revisions, Set<String> chosenNames) {
		Set<String> chosen = Set.copyOf(chosenNames);
		return between(entities, revisions, chosen::contains);
	}

	private static ModelDiff between(SchemaSnapshot entities, SchemaSnapshot revisions, Predicate<String> chosen) {
		Side expected = Side.of(entities);
		Side actual = Side.of(revisions);
		List<ModelDifference> differences = new ArrayList<>();
		compareTables(expected, actual, differences);
		compareColumns(expected, actual, differences);
		compareByDefinition(onTablesOf(actual, expected.constraints()), onTablesOf(expected, actual.constraints()),
				chosen, differences);
		compareByDefinition(onTablesOf(actual, expected.indexes()), onTablesOf(expected, actual.indexes()), chosen,
				differences);
		compareNamed(Aspect.SEQUENCE, expected.of(ObjectKind.SEQUENCE), actual.of(ObjectKind.SEQUENCE),
				Set.of("type", "increment", "start"), differences);
		compareNamed(Aspect.ENUM_TYPE, expected.of(ObjectKind.ENUM_TYPE), actual.of(ObjectKind.ENUM_TYPE),
				Set.of("labels"), differences);
		return new ModelDiff(differences);
	}

	/**
	 * Returns this diff without the differences the given test accepts.
	 * @param accepted which differences to leave out
	 * @return a new diff
	 */
	public ModelDiff without(Predicate<ModelDifference> accepted) {
		return new ModelDiff(this.differences.stream().filter(accepted.negate()).toList());
	}

	/**
	 * Returns whether the entities and the revisions agree.
	 * @return whether nothing differs
	 */
	public boolean isEmpty() {
		return this.differences.isEmpty();
	}

	/**
	 * Describes the differences, one a line.
	 * @return the lines, each starting with {@code "  - "}
	 */
	public String describe() {
		return this.differences.stream().map((difference) -> "  - " + difference.describe() + "\n")
			.collect(Collectors.joining());
	}

	@Override
	public String toString() {
		return describe();
	}

	private static void compareTables(Side expected, Side actual, List<ModelDifference> differences) {
		Map<String, SchemaObject> tables = actual.of(ObjectKind.TABLE);
		expected.of(ObjectKind.TABLE).forEach((name, table) -> {
			SchemaObject other = tables.get(name);
			if (other == null) {
				differences.add(new ModelDifference(Aspect.MISSING_TABLE, name, "table", null, table, null));
			}
			else {
				compare(Aspect.COMMENT, name, table, other, "comment", differences);
			}
		});
		tables.forEach((name, table) -> {
			if (!expected.of(ObjectKind.TABLE).containsKey(name) && !retired(name)) {
				differences.add(new ModelDifference(Aspect.EXTRA_TABLE, name, null, "table", null, table));
			}
		});
	}

	private static void compareColumns(Side expected, Side actual, List<ModelDifference> differences) {
		Map<String, SchemaObject> columns = actual.of(ObjectKind.COLUMN);
		expected.of(ObjectKind.COLUMN).forEach((name, column) -> {
			SchemaObject other = columns.get(name);
			if (other == null) {
				if (actual.hasTable(tableOf(name))) {
					differences.add(new ModelDifference(Aspect.MISSING_COLUMN, name, describeColumn(column), null,
							column, null));
				}
				return;
			}
			compare(Aspect.TYPE, name, column, other, "type", differences);
			compare(Aspect.NULLABILITY, name, column, other, "nullable", differences);
			compare(Aspect.DEFAULT, name, column, other, "default", differences);
			compare(Aspect.IDENTITY, name, column, other, "identity", differences);
			compare(Aspect.GENERATED, name, column, other, "generated", differences);
			compare(Aspect.COMMENT, name, column, other, "comment", differences);
		});
		columns.forEach((name, column) -> {
			if (!expected.of(ObjectKind.COLUMN).containsKey(name) && expected.hasTable(tableOf(name)) && !retired(name)) {
				differences.add(new ModelDifference(Aspect.EXTRA_COLUMN, name, null, describeColumn(column), null,
						column));
			}
		});
	}

	private static void compare(Aspect aspect, String subject, SchemaObject expected, SchemaObject actual,
			String attribute, List<ModelDifference> differences) {
		String before = normalised(attribute, expected.attributes().get(attribute));
		String after = normalised(attribute, actual.attributes().get(attribute));
		if (!Objects.equals(before, after)) {
			differences.add(new ModelDifference(aspect, subject, shown(attribute, before), shown(attribute, after),
					expected, actual));
		}
	}

	private static String normalised(String attribute, String value) {
		if ("type".equals(attribute) && value != null) {
			return DEFAULT_TIME_PRECISION.matcher(value).replaceFirst("$1");
		}
		if ("labels".equals(attribute) && value != null) {
			// Hibernate sorts a named enum's labels, and nothing in an entity can say their order
			return Arrays.stream(value.split(", ")).sorted().collect(Collectors.joining(", "));
		}
		return value;
	}

	private static String shown(String attribute, String value) {
		if ("nullable".equals(attribute)) {
			return "true".equals(value) ? "null" : "not null";
		}
		if ("identity".equals(attribute) && value != null) {
			return "a".equals(value) ? "generated always as identity" : "generated by default as identity";
		}
		return value;
	}

	private static String describeColumn(SchemaObject column) {
		Map<String, String> attributes = column.attributes();
		return attributes.get("type") + ("true".equals(attributes.get("nullable")) ? " null" : " not null")
				+ ((attributes.get("default") != null) ? " default " + attributes.get("default") : "")
				+ ((attributes.get("identity") != null) ? " " + shown("identity", attributes.get("identity")) : "");
	}

	/** Matches constraints or indexes by table and definition, comparing a name only where the entities chose it. */
	private static void compareByDefinition(List<Defined> expected, List<Defined> actual, Predicate<String> chosen,
			List<ModelDifference> differences) {
		List<Defined> unmatched = new ArrayList<>(actual);
		for (Defined wanted : expected) {
			Defined found = unmatched.stream().filter((candidate) -> candidate.sameNameAndDefinition(wanted)).findFirst()
				.or(() -> unmatched.stream().filter((candidate) -> candidate.sameDefinition(wanted)).findFirst())
				.orElse(null);
			if (found == null) {
				differences.add(new ModelDifference(wanted.aspect(), wanted.subject(),
						wanted.describe(chosen.test(wanted.name())), null, wanted.object(), null));
				continue;
			}
			unmatched.remove(found);
			if (chosen.test(wanted.name()) && !wanted.name().equals(found.name())) {
				differences.add(new ModelDifference(wanted.aspect(), wanted.subject(), "name " + wanted.name(),
						"name " + found.name(), wanted.object(), found.object()));
			}
			if (!Objects.equals(wanted.valid(), found.valid())) {
				differences.add(new ModelDifference(wanted.aspect(), wanted.subject(), "valid " + wanted.valid(),
						"valid " + found.valid(), wanted.object(), found.object()));
			}
		}
		unmatched.forEach((extra) -> differences
			.add(new ModelDifference(extra.aspect(), extra.subject(), null, extra.describe(true), null, extra.object())));
	}

	private static void compareNamed(Aspect aspect, Map<String, SchemaObject> expected,
			Map<String, SchemaObject> actual, Set<String> attributes, List<ModelDifference> differences) {
		expected.forEach((name, object) -> {
			SchemaObject other = actual.get(name);
			if (other == null) {
				differences.add(new ModelDifference(aspect, name, describe(object, attributes), null, object, null));
			}
			else if (!describe(object, attributes).equals(describe(other, attributes))) {
				differences.add(new ModelDifference(aspect, name, describe(object, attributes),
						describe(other, attributes), object, other));
			}
		});
		actual.forEach((name, object) -> {
			if (!expected.containsKey(name)) {
				differences.add(new ModelDifference(aspect, name, null, describe(object, attributes), null, object));
			}
		});
	}

	private static String describe(SchemaObject object, Set<String> attributes) {
		return new TreeMap<>(object.attributes()).entrySet().stream()
			.filter((entry) -> attributes.contains(entry.getKey()))
			.map((entry) -> entry.getKey() + " " + normalised(entry.getKey(), entry.getValue()))
			.collect(Collectors.joining(", "));
	}

	/** A missing or extra table is one difference, not one for each of its constraints too. */
	private static List<Defined> onTablesOf(Side other, List<Defined> defined) {
		return defined.stream().filter((object) -> other.hasTable(object.table())).toList();
	}

	/** A retired table or column is kept on purpose, as a backup, until a later revision purges it. */
	private static boolean retired(String name) {
		return name.endsWith(Operations.RETIRED_SUFFIX);
	}

	private static String tableOf(String qualified) {
		return qualified.substring(0, qualified.lastIndexOf('.'));
	}

	/**
	 * A constraint or an index, reduced to what identifies it whatever its name.
	 *
	 * @param aspect what kind of constraint, or an index
	 * @param table the table it belongs to
	 * @param name its name
	 * @param definition its definition with the name left out
	 * @param valid whether it is validated (a constraint) or valid (an index)
	 * @param object the constraint or index as read from the catalog
	 */
	private record Defined(Aspect aspect, String table, String name, String definition, String valid,
			SchemaObject object) {

		static Defined constraint(SchemaObject object) {
			String table = tableOf(object.name());
			String definition = object.attributes().get("definition");
			return new Defined(constraintAspect(definition), table, object.name().substring(table.length() + 1),
					definition, object.attributes().get("validated"), object);
		}

		static Defined index(SchemaObject object, String table) {
			String name = object.name().substring(object.name().lastIndexOf('.') + 1);
			String definition = INDEX_NAME.matcher(object.attributes().get("definition")).replaceFirst("$1ON ");
			return new Defined(Aspect.INDEX, table, name, definition, object.attributes().get("valid"), object);
		}

		private static Aspect constraintAspect(String definition) {
			if (definition.startsWith("PRIMARY KEY")) {
				return Aspect.PRIMARY_KEY;
			}
			if (definition.startsWith("UNIQUE")) {
				return Aspect.UNIQUE;
			}
			if (definition.startsWith("FOREIGN KEY")) {
				return Aspect.FOREIGN_KEY;
			}
			return definition.startsWith("EXCLUDE") ? Aspect.EXCLUSION : Aspect.CHECK;
		}

		boolean sameDefinition(Defined other) {
			return this.aspect == other.aspect && this.table.equals(other.table)
					&& this.definition.equals(other.definition);
		}

		boolean sameNameAndDefinition(Defined other) {
			return sameDefinition(other) && this.name.equals(other.name);
		}

		String subject() {
			return this.table + " " + this.definition;
		}

		String describe(boolean named) {
			return (named ? this.name + " " : "") + this.definition;
		}

	}

	/**
	 * One side of the comparison: a snapshot with what entities cannot declare left out.
	 *
	 * @param objects the objects by kind, each by name
	 * @param constraints the constraints
	 * @param indexes the indexes that no constraint makes
	 */
	private record Side(Map<ObjectKind, Map<String, SchemaObject>> objects, List<Defined> constraints,
			List<Defined> indexes) {

		static Side of(SchemaSnapshot snapshot) {
			Map<ObjectKind, Map<String, SchemaObject>> objects = new TreeMap<>();
			snapshot.objects().forEach((object) -> objects.computeIfAbsent(object.kind(), (kind) -> new TreeMap<>())
				.put(object.name(), object));
			List<Defined> constraints = objects.getOrDefault(ObjectKind.CONSTRAINT, Map.of()).values().stream()
				.map(Defined::constraint).toList();
			return new Side(withoutIdentitySequences(objects), constraints, indexes(objects, constraints));
		}

		/** An identity column's own sequence is the column's business: its identity attribute says it all. */
		private static Map<ObjectKind, Map<String, SchemaObject>> withoutIdentitySequences(
				Map<ObjectKind, Map<String, SchemaObject>> objects) {
			Map<String, SchemaObject> columns = objects.getOrDefault(ObjectKind.COLUMN, Map.of());
			Map<String, SchemaObject> sequences = new TreeMap<>(objects.getOrDefault(ObjectKind.SEQUENCE, Map.of()));
			sequences.values().removeIf((sequence) -> {
				SchemaObject owner = columns.get(sequence.attributes().getOrDefault("owned by", ""));
				return owner != null && owner.attributes().get("identity") != null;
			});
			Map<ObjectKind, Map<String, SchemaObject>> result = new TreeMap<>(objects);
			result.put(ObjectKind.SEQUENCE, sequences);
			return result;
		}

		/** Indexes made by a primary key, unique or exclusion constraint are compared as that constraint. */
		private static List<Defined> indexes(Map<ObjectKind, Map<String, SchemaObject>> objects,
				List<Defined> constraints) {
			Set<String> constraintIndexes = constraints.stream().filter((constraint) -> constraint.aspect() != Aspect.CHECK
					&& constraint.aspect() != Aspect.FOREIGN_KEY)
				.map((constraint) -> schemaOf(constraint.table()) + constraint.name())
				.collect(Collectors.toSet());
			return objects.getOrDefault(ObjectKind.INDEX, Map.of()).values().stream()
				.filter((index) -> !constraintIndexes.contains(index.name()))
				.map((index) -> Defined.index(index, indexedTable(index)))
				.toList();
		}

		private static String schemaOf(String table) {
			int dot = table.lastIndexOf('.');
			return (dot < 0) ? "" : table.substring(0, dot + 1);
		}

		private static String indexedTable(SchemaObject index) {
			String definition = index.attributes().get("definition");
			int on = definition.indexOf(" ON ");
			String rest = definition.substring(on + 4).replaceFirst("^ONLY ", "");
			String table = rest.substring(0, rest.indexOf(' '));
			return table.startsWith("public.") ? table.substring("public.".length()) : table;
		}

		Map<String, SchemaObject> of(ObjectKind kind) {
			return this.objects.getOrDefault(kind, Map.of());
		}

		boolean hasTable(String name) {
			return of(ObjectKind.TABLE).containsKey(name);
		}

	}

}
