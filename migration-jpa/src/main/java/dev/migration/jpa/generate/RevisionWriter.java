package dev.migration.jpa.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.lint.ChangeSafety;
import dev.migration.core.scaffold.RevisionBody;
import dev.migration.core.schema.QualifiedName;
import dev.migration.core.snapshot.ObjectKind;
import dev.migration.core.snapshot.SchemaObject;
import dev.migration.jpa.ModelComparison;
import dev.migration.jpa.ModelDifference;
import dev.migration.jpa.ModelDifference.Aspect;

/**
 * Autogenerate: writes the operations that turn the schema the revisions make into the one the
 * entities expect, each the safe form of its change (indexes and foreign keys built online,
 * NOT NULL set after a backfill through a validated check, removals as retirements that keep the
 * data), and lists what it could not write or what a developer must review.
 */
public final class RevisionWriter {

	/** Names Hibernate makes up from a hash, which say nothing to a reader of the revision. */
	private static final Pattern HASHED_NAME = Pattern.compile("(fk|uk|idx)[0-9a-z]{20,}");

	private static final String OP = "op.";

	private static final String COMMIT_POINT = OP + "apply(new CommitPoint());";

	private static final int MAX_NAME = 63;

	/** A string literal as the catalog prints it. */
	private static final Pattern QUOTED = Pattern.compile("'(?:[^']|'')*'");

	private static final PostgresDialect DIALECT = new PostgresDialect();

	private final ModelComparison comparison;

	private final DeclaredRenames renames;

	private final Set<String> enumTypes = new HashSet<>();

	private final List<String> lines = new ArrayList<>();

	private final Set<String> imports = new LinkedHashSet<>();

	private final List<String> annotations = new ArrayList<>();

	private final List<String> reviews = new ArrayList<>();

	private final List<String> unwritten = new ArrayList<>();

	private final Set<ModelDifference> handled = new HashSet<>();

	private int written;

	private RevisionWriter(ModelComparison comparison, DeclaredRenames renames) {
		this.comparison = comparison;
		this.renames = renames;
		comparison.entities().objects().stream().filter((object) -> object.kind() == ObjectKind.ENUM_TYPE)
			.forEach((object) -> this.enumTypes.add(object.name()));
		comparison.revisions().objects().stream().filter((object) -> object.kind() == ObjectKind.ENUM_TYPE)
			.forEach((object) -> this.enumTypes.add(object.name()));
	}

	/**
	 * Writes the revision that resolves a comparison's differences.
	 * @param comparison the entities and the revisions compared
	 * @param renames the column renames the developer declared
	 * @return the revision's body and what it leaves to the developer
	 * @throws IllegalArgumentException when a declared rename matches no column gone and come
	 */
	public static GeneratedRevision write(ModelComparison comparison, DeclaredRenames renames) {
		return new RevisionWriter(comparison, renames).write();
	}

	private GeneratedRevision write() {
		this.imports.add("dev.migration.core.schema.ColumnType");
		schemas();
		enumTypes();
		sequences();
		List<String> newTables = of(Aspect.MISSING_TABLE).stream().map(ModelDifference::subject).toList();
		newTables.forEach(this::createTable);
		newTables.forEach(this::foreignKeysAndIndexesOf);
		renamedColumns();
		of(Aspect.MISSING_COLUMN).forEach(this::addColumn);
		of(Aspect.TYPE).forEach(this::changeType);
		of(Aspect.NULLABILITY).forEach(this::changeNullability);
		of(Aspect.DEFAULT).forEach(this::changeDefault);
		of(Aspect.COMMENT).forEach(this::changeComment);
		for (Aspect aspect : List.of(Aspect.CHECK, Aspect.UNIQUE, Aspect.FOREIGN_KEY, Aspect.INDEX)) {
			of(aspect).stream().filter((difference) -> difference.revisionObject() == null).forEach(this::addConstraint);
		}
		for (Aspect aspect : List.of(Aspect.CHECK, Aspect.UNIQUE, Aspect.FOREIGN_KEY, Aspect.INDEX)) {
			of(aspect).stream().filter((difference) -> difference.revisionObject() != null)
				.forEach(this::changeOrDropConstraint);
		}
		of(Aspect.EXTRA_COLUMN).forEach(this::retireColumn);
		of(Aspect.EXTRA_TABLE).forEach(this::retireTable);
		this.comparison.diff().differences().stream().filter((difference) -> !this.handled.contains(difference))
			.forEach((difference) -> notWritten(difference, "autogenerate writes no " + difference.aspect().label()
					+ " change; write it by hand"));
		if (!this.lines.isEmpty() && this.lines.get(this.lines.size() - 1).equals(COMMIT_POINT)) {
			this.lines.remove(this.lines.size() - 1);
		}
		if (this.lines.isEmpty()) {
			this.imports.clear();
		}
		return new GeneratedRevision(new RevisionBody(List.copyOf(this.imports), this.annotations, javadoc(),
				this.lines), this.written, this.reviews, this.unwritten);
	}

	private List<ModelDifference> of(Aspect aspect) {
		return this.comparison.diff().differences().stream()
			.filter((difference) -> difference.aspect() == aspect && !this.handled.contains(difference))
			.toList();
	}

	/** The schemas the entities' tables live in that the revisions never made; the diff compares what is in them. */
	private void schemas() {
		Set<String> made = this.comparison.revisions().objects().stream()
			.filter((object) -> object.kind() == ObjectKind.SCHEMA).map(SchemaObject::name).collect(Collectors.toSet());
		this.comparison.entities().objects().stream()
			.filter((object) -> object.kind() == ObjectKind.SCHEMA && !made.contains(object.name()))
			.forEach((schema) -> this.lines.add(OP + "createSchema(" + literal(schema.name()) + ");"));
	}

	private void enumTypes() {
		for (ModelDifference difference : of(Aspect.ENUM_TYPE)) {
			if (difference.revisionObject() == null) {
				List<String> labels = labels(difference.entityObject());
				line(difference, "createEnumType(" + literal(difference.subject())
						+ labels.stream().map((label) -> ", " + literal(label)).collect(Collectors.joining()) + ");");
			}
			else if (difference.entityObject() != null) {
				List<String> wanted = labels(difference.entityObject());
				List<String> made = labels(difference.revisionObject());
				if (!made.stream().allMatch(wanted::contains)) {
					notWritten(difference, "PostgreSQL cannot remove a label from an enum type; make a new type "
							+ "and move the column to it by hand");
					continue;
				}
				wanted.stream().filter((label) -> !made.contains(label)).forEach((label) -> line(difference,
						"addEnumValue(" + literal(difference.subject()) + ", " + literal(label) + ");"));
				review("the downgrade of the labels added to " + difference.subject() + " cannot be derived "
						+ "(PostgreSQL cannot remove a label): write downgrade() if it must be reverted");
			}
		}
	}

	private static List<String> labels(SchemaObject enumType) {
		String labels = enumType.attributes().get("labels");
		return (labels == null) ? List.of() : Arrays.asList(labels.split(", "));
	}

	private void sequences() {
		for (ModelDifference difference : of(Aspect.SEQUENCE)) {
			if (difference.revisionObject() != null) {
				continue;
			}
			Map<String, String> attributes = difference.entityObject().attributes();
			String type = attributes.getOrDefault("type", "bigint");
			String spec = (type.equals("bigint") ? "" : ".type(" + type(type).orElse("ColumnType.BIGINT") + ")")
					+ ".startWith(" + attributes.get("start") + ").incrementBy(" + attributes.get("increment") + ")";
			line(difference, "createSequence(" + literal(difference.subject()) + ", (s) -> s" + spec + ");");
		}
	}

	private void createTable(String table) {
		ModelDifference difference = of(Aspect.MISSING_TABLE).stream()
			.filter((candidate) -> candidate.subject().equals(table)).findFirst().orElseThrow();
		List<SchemaObject> columns = entityColumns(table);
		List<String> parts = new ArrayList<>();
		for (SchemaObject column : columns) {
			Optional<String> part = columnPart(column);
			if (part.isEmpty()) {
				notWritten(difference, "column " + column.name() + " has type "
						+ column.attributes().get("type") + ", which autogenerate cannot write; create the table by hand");
				return;
			}
			parts.add(part.get());
		}
		// the key first, then unique constraints, then checks, as a reader looks for them
		entityObjects(ObjectKind.CONSTRAINT, table).stream()
			.sorted(Comparator.comparing((SchemaObject constraint) -> constraintRank(constraint))
				.thenComparing(SchemaObject::name))
			.forEach((constraint) -> tableConstraint(table, constraint).ifPresent(parts::add));
		String comment = difference.entityObject().attributes().get("comment");
		if (comment != null) {
			parts.add(".comment(" + literal(comment) + ")");
		}
		this.lines.add(OP + "createTable(" + literal(table) + ", (t) -> t");
		for (int i = 0; i < parts.size(); i++) {
			this.lines.add("\t" + parts.get(i) + ((i == parts.size() - 1) ? ");" : ""));
		}
		this.handled.add(difference);
		this.written++;
	}

	/** A table's columns, its key first, then by name: the catalog reads no column order. */
	private List<SchemaObject> entityColumns(String table) {
		List<String> key = primaryKey(this.comparison.entities().objects(), table).orElse(List.of());
		List<SchemaObject> columns = new ArrayList<>(entityObjects(ObjectKind.COLUMN, table));
		columns.sort((left, right) -> {
			int leftKey = key.indexOf(columnName(left));
			int rightKey = key.indexOf(columnName(right));
			if (leftKey >= 0 || rightKey >= 0) {
				return Integer.compare((leftKey < 0) ? Integer.MAX_VALUE : leftKey,
						(rightKey < 0) ? Integer.MAX_VALUE : rightKey);
			}
			return columnName(left).compareTo(columnName(right));
		});
		return columns;
	}

	private Optional<String> columnPart(SchemaObject column) {
		Map<String, String> attributes = column.attributes();
		return type(attributes.get("type")).map((type) -> {
			List<String> spec = new ArrayList<>();
			if (!"true".equals(attributes.get("nullable"))) {
				spec.add("notNull()");
			}
			if ("s".equals(attributes.get("generated"))) {
				spec.add("generatedAs(" + literal(attributes.get("default")) + ")");
			}
			else if (attributes.get("default") != null) {
				spec.add("defaultExpression(" + literal(attributes.get("default")) + ")");
			}
			if (attributes.get("identity") != null) {
				spec.add("a".equals(attributes.get("identity")) ? "identityAlways()" : "identity()");
			}
			if (attributes.get("comment") != null) {
				spec.add("comment(" + literal(attributes.get("comment")) + ")");
			}
			return ".column(" + literal(columnName(column)) + ", " + type
					+ (spec.isEmpty() ? "" : ", (c) -> c." + String.join(".", spec)) + ")";
		});
	}

	private static int constraintRank(SchemaObject constraint) {
		String definition = constraint.attributes().get("definition");
		return definition.startsWith("PRIMARY KEY") ? 0 : definition.startsWith("UNIQUE") ? 1 : 2;
	}

	private Optional<String> tableConstraint(String table, SchemaObject constraint) {
		String definition = constraint.attributes().get("definition");
		String name = constraintName(constraint);
		if (definition.startsWith("PRIMARY KEY")) {
			return CatalogText.keyColumns(definition).map((columns) -> name.equals(table(table) + "_pkey")
					? ".primaryKey(" + literals(columns) + ")"
					: ".primaryKeyNamed(" + literal(name) + ", " + literals(columns) + ")");
		}
		if (definition.startsWith("UNIQUE")) {
			return CatalogText.keyColumns(definition).map((columns) -> ".unique("
					+ literal(readableName(name, table, columns, "key")) + ", " + literals(columns) + ")");
		}
		if (definition.startsWith("CHECK")) {
			return CatalogText.check(definition)
				.map((expression) -> ".check(" + literal(name) + ", " + literal(expression) + ")");
		}
		if (!definition.startsWith("FOREIGN KEY")) {
			notWritten(table + " " + definition, "autogenerate writes no such constraint; add it by hand");
		}
		return Optional.empty();
	}

	/** A new table's foreign keys come once every new table exists; its indexes need no CONCURRENTLY while it is empty. */
	private void foreignKeysAndIndexesOf(String table) {
		if (!this.handled.stream().anyMatch((difference) -> difference.aspect() == Aspect.MISSING_TABLE
				&& difference.subject().equals(table))) {
			return;
		}
		for (SchemaObject constraint : entityObjects(ObjectKind.CONSTRAINT, table)) {
			String definition = constraint.attributes().get("definition");
			if (definition.startsWith("FOREIGN KEY")) {
				Optional<CatalogText.ForeignKey> key = CatalogText.foreignKey(definition);
				if (key.isEmpty()) {
					notWritten(table + " " + definition, "autogenerate cannot read this foreign key; add it by hand");
					continue;
				}
				this.lines.add(OP + "addForeignKey(" + literal(readableName(constraintName(constraint), table,
						key.get().columns(), "fkey")) + ", " + literal(table) + ", " + foreignKeySpec(key.get()) + ");");
			}
		}
		for (SchemaObject index : entityIndexes(table)) {
			String definition = index.attributes().get("definition");
			Optional<CatalogText.Index> parts = CatalogText.index(definition);
			if (parts.isEmpty()) {
				notWritten(table + " " + definition, "autogenerate writes indexes on plain columns only; add it by hand");
				continue;
			}
			this.lines.add(OP + "createIndex(" + literal(readableName(indexName(index), table, parts.get().columns(),
					"idx")) + ", " + literal(table) + ", " + indexSpec(parts.get(), false) + ");");
		}
	}

	private String foreignKeySpec(CatalogText.ForeignKey key) {
		StringBuilder spec = new StringBuilder("(fk) -> fk.columns(" + literals(key.columns()) + ").references("
				+ literal(key.table()) + ", " + literals(key.references()) + ")");
		if (key.onDelete() != null) {
			this.imports.add("dev.migration.core.schema.ReferentialAction");
			spec.append(".onDelete(ReferentialAction.").append(key.onDelete()).append(")");
		}
		if (key.onUpdate() != null) {
			this.imports.add("dev.migration.core.schema.ReferentialAction");
			spec.append(".onUpdate(ReferentialAction.").append(key.onUpdate()).append(")");
		}
		spec.append(key.deferrable() ? ".deferrable()" : "").append(key.initiallyDeferred() ? ".initiallyDeferred()" : "");
		return spec.toString();
	}

	private static String indexSpec(CatalogText.Index index, boolean concurrently) {
		return "(i) -> i.on(" + literals(index.columns()) + ")" + (index.unique() ? ".unique()" : "")
				+ (index.method().equals("btree") ? "" : ".using(" + literal(index.method()) + ")")
				+ ((index.where() != null) ? ".where(" + literal(index.where()) + ")" : "")
				+ (concurrently ? ".concurrently()" : "");
	}

	private void renamedColumns() {
		Set<String> declared = new HashSet<>(this.renames.columns().keySet());
		for (ModelDifference gone : of(Aspect.EXTRA_COLUMN)) {
			String table = tableOf(gone.subject());
			String column = columnName(gone.revisionObject());
			Optional<String> newName = this.renames.of(table, column);
			if (newName.isEmpty()) {
				continue;
			}
			ModelDifference come = of(Aspect.MISSING_COLUMN).stream()
				.filter((candidate) -> candidate.subject().equals(table + "." + newName.get())).findFirst()
				.orElse(null);
			if (come == null) {
				continue;
			}
			declared.remove(table + "." + column);
			Optional<String> type = type(come.entityObject().attributes().get("type"));
			Optional<String> key = singleKey(table);
			if (type.isEmpty() || key.isEmpty()) {
				notWritten(come, "the declared rename needs a type autogenerate can write and a one-column key");
				this.handled.add(gone);
				continue;
			}
			line(come, "renameColumnOnline(" + literal(table) + ", " + literal(column) + ", " + literal(newName.get())
					+ ", " + type.get() + (key.get().equals("id") ? "" : ", " + literal(key.get())) + ");");
			this.handled.add(gone);
			review("the rename of " + table + "." + column + " to " + newName.get() + " is its expand step: once no "
					+ "running instance reads " + column + ", finish it in a later revision with op.finishRenameColumnOnline");
		}
		if (!declared.isEmpty()) {
			throw new IllegalArgumentException("The declared rename(s) " + declared + " match no column that the "
					+ "revisions have and the entities no longer map beside the new column the entities map: "
					+ "check the table and both names (table.old_column=new_column), or remove the declaration.");
		}
	}

	private void addColumn(ModelDifference difference) {
		SchemaObject column = difference.entityObject();
		Map<String, String> attributes = column.attributes();
		String table = tableOf(difference.subject());
		String name = columnName(column);
		Optional<String> type = type(attributes.get("type"));
		if (type.isEmpty() || attributes.get("identity") != null || attributes.get("generated") != null) {
			notWritten(difference, "adding an identity or generated column, or one of this type, rewrites the "
					+ "table or is beyond autogenerate; add it by hand");
			return;
		}
		boolean required = !"true".equals(attributes.get("nullable"));
		String defaultSql = attributes.get("default");
		String comment = (attributes.get("comment") != null) ? ".comment(" + literal(attributes.get("comment")) + ")"
				: "";
		if (defaultSql != null && !ChangeSafety.volatileDefault(defaultSql)) {
			// a constant (or stable) default fills existing rows without a rewrite
			line(difference, "addColumn(" + literal(table) + ", " + literal(name) + ", " + type.get() + ", (c) -> c"
					+ (required ? ".notNull()" : "") + ".defaultExpression(" + literal(defaultSql) + ")" + comment + ");");
			return;
		}
		line(difference, "addColumn(" + literal(table) + ", " + literal(name) + ", " + type.get()
				+ (comment.isEmpty() ? "" : ", (c) -> c" + comment) + ");");
		if (defaultSql != null) {
			this.lines.add(OP + "setDefaultExpression(" + literal(table) + ", " + literal(name) + ", "
					+ literal(defaultSql) + ");");
		}
		if (required) {
			fillThenRequire(difference, table, name, (defaultSql != null) ? defaultSql : null);
		}
	}

	/** Fills a column's NULLs in batches, then sets NOT NULL through a validated check, never scanning under a lock. */
	private void fillThenRequire(ModelDifference difference, String table, String column, String value) {
		Optional<String> key = singleKey(table);
		String fill = (value != null) ? value : checkedValue(table, column)
			.orElseGet(() -> placeholder(difference.entityObject().attributes().get("type")));
		if (key.isEmpty() || fill == null) {
			notWritten(difference, "NOT NULL needs the rows filled first, and " + ((key.isEmpty())
					? table + " has no one-column key to fill them along" : "autogenerate knows no value of its type")
					+ ": fill them and set NOT NULL by hand (op.backfill, op.setNotNullOnline)");
			return;
		}
		String quoted = DIALECT.quote(column);
		this.lines.add(OP + "backfill(" + literal(table) + ", (b) -> b.set(" + literal(quoted + " = " + fill)
				+ ").where(" + literal(quoted + " IS NULL") + ")" + (key.get().equals("id") ? "" : ".key("
						+ literal(key.get()) + ")") + ");");
		this.lines.add(OP + "setNotNullOnline(" + literal(table) + ", " + literal(column) + ");");
		review("the backfill of " + table + "." + column + " runs at start-up, holding readiness until its last batch "
				+ "(lint warns backfill-at-startup): on a large table, move it and setNotNullOnline into a revision of "
				+ "their own with stage = Stage.BACKGROUND, and map the field nullable until that revision has run");
		if (value == null) {
			review("existing rows of " + table + " get " + column + " = " + fill + " (a placeholder the entities "
					+ "allow): change the backfill's value to the one they should have");
		}
	}

	/**
	 * The first value a check of the entities lists for the column, such as an enum's first
	 * constant: a placeholder of the column's type alone would fail that check when it is validated.
	 */
	private Optional<String> checkedValue(String table, String column) {
		Pattern mentions = Pattern.compile("\\(" + Pattern.quote(column) + "\\)|\\b" + Pattern.quote(column) + "\\b");
		return entityObjects(ObjectKind.CONSTRAINT, table).stream()
			.map((constraint) -> constraint.attributes().get("definition"))
			.filter((definition) -> definition.startsWith("CHECK") && mentions.matcher(definition).find())
			.map(QUOTED::matcher).filter(Matcher::find).map(Matcher::group).findFirst();
	}

	private static String placeholder(String type) {
		String base = type.replaceAll("\\(.*", "");
		return switch (base) {
			case "text", "character varying", "character" -> "''";
			case "smallint", "integer", "bigint", "numeric", "real", "double precision" -> "0";
			case "boolean" -> "false";
			case "date" -> "current_date";
			case "uuid" -> "gen_random_uuid()";
			case "json", "jsonb" -> "'{}'";
			case "bytea" -> "''::bytea";
			case "interval" -> "'0'";
			default -> base.startsWith("timestamp") ? "now()" : null;
		};
	}

	private void changeType(ModelDifference difference) {
		String table = tableOf(difference.subject());
		String column = columnName(difference.entityObject());
		String from = difference.revisionObject().attributes().get("type");
		String to = difference.entityObject().attributes().get("type");
		Optional<String> newType = type(to);
		Optional<String> oldType = type(from);
		if (newType.isEmpty() || oldType.isEmpty() || ChangeSafety.typeChangeRewrites(from, to)) {
			notWritten(difference, "changing " + from + " to " + to + " rewrites the table under an exclusive lock: "
					+ "move the data to a new column with op.changeColumnTypeOnline (expand), map the entity to it, "
					+ "and drop the old one later with op.finishChangeColumnTypeOnline (contract)");
			return;
		}
		line(difference, "alterColumnType(" + literal(table) + ", " + literal(column) + ", " + newType.get()
				+ ", (t) -> t.from(" + oldType.get() + "));");
	}

	private void changeNullability(ModelDifference difference) {
		String table = tableOf(difference.subject());
		String column = columnName(difference.entityObject());
		if ("true".equals(difference.entityObject().attributes().get("nullable"))) {
			line(difference, "dropNotNull(" + literal(table) + ", " + literal(column) + ");");
			return;
		}
		this.handled.add(difference);
		this.written++;
		fillThenRequire(difference, table, column, difference.entityObject().attributes().get("default"));
	}

	private void changeDefault(ModelDifference difference) {
		String table = tableOf(difference.subject());
		String column = columnName(difference.entityObject());
		this.imports.add("dev.migration.core.schema.DefaultValue");
		line(difference, "changeDefault(" + literal(table) + ", " + literal(column) + ", "
				+ defaultValue(difference.revisionObject()) + ", " + defaultValue(difference.entityObject()) + ");");
	}

	private static String defaultValue(SchemaObject column) {
		String sql = column.attributes().get("default");
		return (sql == null) ? "DefaultValue.NONE" : "DefaultValue.expression(" + literal(sql) + ")";
	}

	private void changeComment(ModelDifference difference) {
		this.imports.add("dev.migration.core.schema.QualifiedName");
		String wanted = difference.entityObject().attributes().get("comment");
		String previous = difference.revisionObject().attributes().get("comment");
		String text = ((wanted != null) ? literal(wanted) : "null") + ", " + literal((previous != null) ? previous : "");
		if (difference.entityObject().kind() == ObjectKind.TABLE) {
			this.imports.add("dev.migration.core.op.CommentOnTable");
			line(difference, "apply(new CommentOnTable(QualifiedName.parse(" + literal(difference.subject()) + "), "
					+ text + "));");
			return;
		}
		this.imports.add("dev.migration.core.op.CommentOnColumn");
		line(difference, "apply(new CommentOnColumn(QualifiedName.parse(" + literal(tableOf(difference.subject()))
				+ "), " + literal(columnName(difference.entityObject())) + ", " + text + "));");
	}

	private void addConstraint(ModelDifference difference) {
		SchemaObject object = difference.entityObject();
		String definition = object.attributes().get("definition");
		String table = (difference.aspect() == Aspect.INDEX)
				? CatalogText.index(definition).map(CatalogText.Index::table).orElse(null) : tableOf(object.name());
		switch (difference.aspect()) {
			case UNIQUE -> CatalogText.keyColumns(definition).ifPresentOrElse((columns) -> lineApart(difference,
					"addUniqueOnline(" + literal(readableName(constraintName(object), table, columns, "key")) + ", "
							+ literal(table) + ", " + literals(columns) + ");"),
					() -> notWritten(difference, "autogenerate cannot read this unique constraint; add it by hand"));
			case FOREIGN_KEY -> CatalogText.foreignKey(definition).ifPresentOrElse((key) -> line(difference,
					"addForeignKeyOnline(" + literal(readableName(constraintName(object), table, key.columns(), "fkey"))
							+ ", " + literal(table) + ", " + foreignKeySpec(key) + ");"),
					() -> notWritten(difference, "autogenerate cannot read this foreign key; add it by hand"));
			case CHECK -> CatalogText.check(definition).ifPresentOrElse((expression) -> {
				String name = constraintName(object);
				line(difference, "addCheckNotValid(" + literal(name) + ", " + literal(table) + ", " + literal(expression)
						+ ");");
				// VALIDATE in a transaction of its own takes no lock that blocks writes
				commitPoint();
				this.lines.add(OP + "validateConstraint(" + literal(name) + ", " + literal(table) + ");");
			}, () -> notWritten(difference, "autogenerate cannot read this check; add it by hand"));
			default -> CatalogText.index(definition).ifPresentOrElse((index) -> lineApart(difference, "createIndex("
					+ literal(readableName(indexName(object), table, index.columns(), "idx")) + ", " + literal(table)
					+ ", " + indexSpec(index, true) + ");"),
					() -> notWritten(difference, "autogenerate writes indexes on plain columns only; add it by hand"));
		}
	}

	private void changeOrDropConstraint(ModelDifference difference) {
		if (difference.entityObject() != null) {
			notWritten(difference, "the revisions made it otherwise (its name or validity); change it by hand");
			return;
		}
		SchemaObject object = difference.revisionObject();
		if (difference.aspect() == Aspect.INDEX) {
			notWritten(difference, "no entity declares this index; keep it (declare it with @Index, or accept it in "
					+ "the check) or drop it by hand with op.dropIndex(name, DropOption.CONCURRENTLY)");
			return;
		}
		String table = tableOf(object.name());
		String name = constraintName(object);
		String definition = object.attributes().get("definition");
		String drop = "ALTER TABLE " + DIALECT.quote(QualifiedName.parse(table))
				+ " DROP CONSTRAINT " + DIALECT.quote(name);
		String restore = "ALTER TABLE " + DIALECT.quote(QualifiedName.parse(table))
				+ " ADD CONSTRAINT " + DIALECT.quote(name) + " " + definition
				+ (definition.startsWith("CHECK") || definition.startsWith("FOREIGN KEY") ? " NOT VALID" : "");
		// the downgrade restores it NOT VALID where it can: rows written since need not satisfy it at once
		line(difference, "execute(" + literal(drop) + ", " + literal(restore) + ");");
	}

	private void retireColumn(ModelDifference difference) {
		SchemaObject column = difference.revisionObject();
		String table = tableOf(difference.subject());
		String name = columnName(column);
		if (!"true".equals(column.attributes().get("nullable")) && column.attributes().get("default") == null
				&& column.attributes().get("identity") == null) {
			notWritten(difference, "the column is NOT NULL without a default, so the entities' inserts fail until it "
					+ "takes NULL: a revision of its own must drop NOT NULL (op.dropNotNull) before the code that no "
					+ "longer writes it runs; retire it after that release with op.retireColumn");
			return;
		}
		line(difference, "retireColumn(" + literal(table) + ", " + literal(name) + ");");
		allow("rename-column", "the entities no longer map " + table + "." + name + ": retire it only once no running "
				+ "instance reads it; purge it in a later revision with op.purgeRetiredColumn", name);
	}

	private void retireTable(ModelDifference difference) {
		line(difference, "retireTable(" + literal(difference.subject()) + ");");
		allow("rename-table", "no entity maps " + difference.subject() + ": retire it only once no running instance "
				+ "reads it; purge it in a later revision with op.purgeRetiredTable", difference.subject());
	}

	private void allow(String rule, String reason, String on) {
		this.imports.add("dev.migration.core.AllowUnsafe");
		this.annotations.add("@AllowUnsafe(rule = " + literal(rule) + ", reason = " + literal(reason) + ", on = "
				+ literal(on) + ")");
	}

	private void line(ModelDifference difference, String call) {
		this.lines.add(OP + call);
		if (this.handled.add(difference)) {
			this.written++;
		}
	}

	/**
	 * Writes an operation that cannot run in a transaction (an index built concurrently, or
	 * dropped so by the derived downgrade) between commit points, so it starts a part of the
	 * revision of its own both ways.
	 */
	private void lineApart(ModelDifference difference, String call) {
		commitPoint();
		line(difference, call);
		commitPoint();
	}

	private void commitPoint() {
		if (!this.lines.isEmpty() && !this.lines.get(this.lines.size() - 1).equals(COMMIT_POINT)) {
			this.imports.add("dev.migration.core.op.CommitPoint");
			this.lines.add(COMMIT_POINT);
		}
	}

	private void review(String what) {
		this.reviews.add(what);
	}

	private void notWritten(ModelDifference difference, String why) {
		this.handled.add(difference);
		notWritten(difference.aspect().label() + " " + difference.subject(), why);
	}

	private void notWritten(String what, String why) {
		this.unwritten.add(what + ": " + why);
	}

	private List<String> javadoc() {
		List<String> paragraphs = new ArrayList<>();
		ModelComparison compared = this.comparison;
		paragraphs.add("<p>Written by autogenerate from the difference between the schema Hibernate makes for "
				+ compared.entityNames().size() + " entit" + ((compared.entityNames().size() == 1) ? "y" : "ies")
				+ " (" + compared.entityNames().stream().map((name) -> name.substring(Math.max(name.lastIndexOf('.'),
						name.lastIndexOf('$')) + 1)).collect(Collectors.joining(", ")) + ")"
				+ " and the one the revisions make" + (compared.heads().isEmpty() ? " (none yet)"
						: " up to " + String.join(", ", compared.heads())) + ", each read from PostgreSQL's catalog: "
				+ "tables, columns, types, nullability, defaults, identity, comments, primary keys, unique "
				+ "constraints, foreign keys, checks, indexes, sequences and enum types. It resolves "
				+ this.written + " of " + compared.diff().differences().size() + " difference(s).");
		if (!this.reviews.isEmpty()) {
			paragraphs.add("<p>Review before applying:\n<ul>\n" + items(this.reviews) + "</ul>");
		}
		if (!this.unwritten.isEmpty()) {
			paragraphs.add("<p>Not written, left to you:\n<ul>\n" + items(this.unwritten) + "</ul>");
		}
		return paragraphs;
	}

	private static String items(List<String> items) {
		return items.stream().map((item) -> "<li>" + item.replace("&", "&amp;").replace("<", "&lt;")
			.replace(">", "&gt;") + "</li>\n").collect(Collectors.joining());
	}

	private Optional<String> type(String formatType) {
		return JavaTypes.expression(formatType, this.enumTypes);
	}

	private List<SchemaObject> entityObjects(ObjectKind kind, String table) {
		return this.comparison.entities().objects().stream()
			.filter((object) -> object.kind() == kind && tableOf(object.name()).equals(table)).toList();
	}

	private List<SchemaObject> entityIndexes(String table) {
		Set<String> constraintIndexes = entityObjects(ObjectKind.CONSTRAINT, table).stream()
			.map(RevisionWriter::constraintName).collect(Collectors.toSet());
		return this.comparison.entities().objects().stream()
			.filter((object) -> object.kind() == ObjectKind.INDEX && !constraintIndexes.contains(indexName(object)))
			.filter((object) -> CatalogText.index(object.attributes().get("definition"))
				.map((index) -> index.table().equals(table)).orElse(false))
			.toList();
	}

	private Optional<String> singleKey(String table) {
		return primaryKey(this.comparison.revisions().objects(), table)
			.filter((columns) -> columns.size() == 1).map((columns) -> columns.get(0));
	}

	private static Optional<List<String>> primaryKey(List<SchemaObject> objects, String table) {
		return objects.stream()
			.filter((object) -> object.kind() == ObjectKind.CONSTRAINT && tableOf(object.name()).equals(table))
			.map((object) -> object.attributes().get("definition"))
			.filter((definition) -> definition.startsWith("PRIMARY KEY")).findFirst()
			.flatMap(CatalogText::keyColumns);
	}

	/** Keeps a name the entities chose; makes one such as PostgreSQL would for a name Hibernate hashed. */
	private static String readableName(String name, String table, List<String> columns, String suffix) {
		if (!HASHED_NAME.matcher(name).matches()) {
			return name;
		}
		String readable = table(table) + "_" + String.join("_", columns) + "_" + suffix;
		return (readable.length() <= MAX_NAME) ? readable : readable.substring(0, MAX_NAME);
	}

	private static String constraintName(SchemaObject constraint) {
		return constraint.name().substring(tableOf(constraint.name()).length() + 1);
	}

	private static String indexName(SchemaObject index) {
		return index.name().substring(index.name().lastIndexOf('.') + 1);
	}

	private static String columnName(SchemaObject column) {
		return column.name().substring(column.name().lastIndexOf('.') + 1);
	}

	private static String tableOf(String qualified) {
		return qualified.substring(0, qualified.lastIndexOf('.'));
	}

	/** The table's own name, without its schema. */
	private static String table(String table) {
		return table.substring(table.lastIndexOf('.') + 1);
	}

	private static String literal(String text) {
		return RevisionBody.literal(text);
	}

	private static String literals(List<String> texts) {
		return texts.stream().map(RevisionWriter::literal).collect(Collectors.joining(", "));
	}

}
