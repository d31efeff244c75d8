package dev.migration.benchmarks;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.graph.RevisionNode;

/**
 * Generates N JPA entities of varied shapes as Java sources, compiled in-process, and the SQL of
 * one hand-written-like revision per entity that makes exactly the schema Hibernate makes for it.
 *
 * <p>Entity {@code i} has, by {@code i}: an identity, UUID, named-sequence (allocation 20) or
 * default-sequence (allocation 50) id; a name and a creation instant; about two thirds of a palette
 * of fields (strings of set lengths, {@code numeric(p,s)}, timestamps with and without zone, dates,
 * primitives, enums as strings, an address or money embeddable, UUIDs, bytes, text); some a version;
 * some a {@code @ManyToOne} to an earlier entity (a few of them required); some named and unnamed
 * indexes and unique constraints. A relation only ever points to an earlier entity, so the revisions
 * of the first K entities make a complete schema of their own.
 */
final class ModelCheckEntities {

	static final String PACKAGE = "dev.migration.benchmarks.entities";

	private static final String[] NOUNS = { "Customer", "Invoice", "Product", "Shipment", "Warehouse", "Supplier",
			"Payment", "Ledger", "Contract", "Ticket", "Account", "Voucher", "Parcel", "Employee", "Region", "Tariff",
			"Refund", "Coupon", "Carrier", "Review", "PriceList", "StockMove", "OrderLine", "TaxRate", "Subscription" };

	/** The optional fields: declaration in the entity, then its columns in the revision. */
	private static final String[][] PALETTE = {
			{ "@Column(length = 32) String code;", "code varchar(32)" },
			{ "String description;", "description varchar(255)" },
			{ "@Column(precision = 12, scale = 2) BigDecimal amount;", "amount numeric(12, 2)" },
			{ "@Column(nullable = false, precision = 9, scale = 4) BigDecimal rate;", "rate decimal(9, 4) NOT NULL" },
			{ "OffsetDateTime updatedAt;", "updated_at timestamptz" },
			{ "LocalDateTime scheduledFor;", "scheduled_for timestamp" },
			{ "LocalDate validFrom;", "valid_from date" },
			{ "boolean active;", "active boolean NOT NULL" },
			{ "int quantity;", "quantity int NOT NULL" },
			{ "Long externalNumber;", "external_number bigint" },
			{ "@Enumerated(EnumType.STRING) Status status;",
					"status varchar(255) CHECK (status IN ('ACTIVE', 'SUSPENDED', 'CLOSED'))" },
			{ "@Enumerated(EnumType.STRING) @Column(nullable = false) Priority priority;",
					"priority varchar(255) NOT NULL CHECK (priority IN ('LOW', 'MEDIUM', 'HIGH', 'URGENT'))" },
			{ "@Embedded Address address;",
					"street varchar(255),\n    city varchar(255),\n    zip_code varchar(10),\n    country varchar(2)" },
			{ "UUID externalRef;", "external_ref uuid" },
			{ "@Column(columnDefinition = \"text\") String notes;", "notes text" },
			{ "BigDecimal total;", "total numeric(38, 2)" },
			{ "double weight;", "weight double precision NOT NULL" },
			{ "byte[] checksum;", "checksum bytea" },
			{ "@Embedded Money price;", "price_amount numeric(19, 4),\n    price_currency varchar(3)" } };

	private static final String SHARED = """
			package %1$s;

			import java.math.BigDecimal;

			import jakarta.persistence.Column;
			import jakarta.persistence.Embeddable;

			public final class Shared {

				private Shared() {
				}

				public enum Status {
					ACTIVE, SUSPENDED, CLOSED
				}

				public enum Priority {
					LOW, MEDIUM, HIGH, URGENT
				}

				@Embeddable
				public static class Address {

					String street;

					String city;

					@Column(name = "zip_code", length = 10)
					String zip;

					@Column(length = 2)
					String country;

				}

				@Embeddable
				public static class Money {

					@Column(name = "price_amount", precision = 19, scale = 4)
					BigDecimal amount;

					@Column(name = "price_currency", length = 3)
					String currency;

				}

			}
			""".formatted(PACKAGE);

	private static final String IMPORTS = """
			package %s;

			import java.math.BigDecimal;
			import java.time.Instant;
			import java.time.LocalDate;
			import java.time.LocalDateTime;
			import java.time.OffsetDateTime;
			import java.util.UUID;

			import jakarta.persistence.*;

			import %s.Shared.*;

			""".formatted(PACKAGE, PACKAGE);

	private final List<Entity> entities;

	private ModelCheckEntities(List<Entity> entities) {
		this.entities = entities;
	}

	/**
	 * Generates the given number of entities.
	 * @param count how many
	 * @return the entities, sources and SQL, not compiled yet
	 */
	static ModelCheckEntities generate(int count) {
		List<Entity> entities = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			entities.add(entity(i, entities));
		}
		return new ModelCheckEntities(entities);
	}

	int size() {
		return this.entities.size();
	}

	/**
	 * Returns how many of the entities from the given one on have a sequence of their own.
	 * @param from the first entity, counted from 0
	 * @return how many sequences
	 */
	long sequencesFrom(int from) {
		return this.entities.subList(from, this.entities.size()).stream().filter((entity) -> entity.sequence() != null)
			.count();
	}

	/**
	 * Compiles the entities into a temporary folder and loads them.
	 * @return the entity classes, in order
	 * @throws IOException if the sources cannot be written
	 */
	List<Class<?>> compile() throws IOException {
		Path sources = Files.createTempDirectory("model-check-sources");
		Path classes = Files.createTempDirectory("model-check-classes");
		Path folder = sources.resolve(PACKAGE.replace('.', '/'));
		Files.createDirectories(folder);
		List<Path> files = new ArrayList<>();
		files.add(Files.writeString(folder.resolve("Shared.java"), SHARED));
		for (Entity entity : this.entities) {
			files.add(Files.writeString(folder.resolve(entity.className() + ".java"), entity.source()));
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		if (compiler == null) {
			throw new IllegalStateException("No Java compiler: run the benchmark with a JDK, not a JRE");
		}
		StringWriter errors = new StringWriter();
		try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null, null)) {
			Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromPaths(files);
			List<String> options = List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
					"-proc:none", "-nowarn");
			if (!compiler.getTask(errors, fileManager, null, options, null, units).call()) {
				throw new IllegalStateException("The generated entities do not compile:\n" + errors);
			}
		}
		ClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				ModelCheckEntities.class.getClassLoader());
		List<Class<?>> loaded = new ArrayList<>();
		for (Entity entity : this.entities) {
			try {
				loaded.add(Class.forName(PACKAGE + "." + entity.className(), true, loader));
			}
			catch (ClassNotFoundException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return loaded;
	}

	/**
	 * Returns the revisions that make the first entities' tables, one revision an entity, in a line.
	 * @param count how many of the entities, from the first
	 * @return the revisions
	 */
	List<DeclaredRevision> revisions(int count) {
		List<DeclaredRevision> revisions = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Entity entity = this.entities.get(i);
			String id = "e%03d".formatted(i + 1);
			RevisionNode node = (i == 0) ? RevisionNode.of(id, "create " + entity.table())
					: RevisionNode.of(id, "create " + entity.table(), "e%03d".formatted(i));
			revisions.add(new DeclaredRevision(node, (op) -> entity.ddl().forEach(op::execute), true));
		}
		return revisions;
	}

	private static Entity entity(int i, List<Entity> earlier) {
		String className = NOUNS[(i - 1) % NOUNS.length] + "%03d".formatted(i);
		String table = snakeCase(className);
		List<String> fields = new ArrayList<>();
		List<String> columns = new ArrayList<>();
		List<String> ddl = new ArrayList<>();
		String sequence = null;
		String idType = "bigint";
		switch (i % 4) {
			case 0 -> {
				fields.add("@Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;");
				columns.add("id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
			}
			case 1 -> {
				fields.add("@Id @GeneratedValue(strategy = GenerationType.UUID) UUID id;");
				columns.add("id uuid PRIMARY KEY");
				idType = "uuid";
			}
			case 2 -> {
				sequence = table + "_ids";
				fields.add(("@Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"%1$s\") "
						+ "@SequenceGenerator(name = \"%1$s\", sequenceName = \"%1$s\", allocationSize = 20) Long id;")
					.formatted(sequence));
				columns.add("id bigint PRIMARY KEY");
				ddl.add("CREATE SEQUENCE " + sequence + " INCREMENT BY 20");
			}
			default -> {
				// Hibernate's default: a sequence named after the entity, allocation 50
				sequence = table + "_seq";
				fields.add("@Id @GeneratedValue Long id;");
				columns.add("id bigint CONSTRAINT pk_" + table + " PRIMARY KEY");
				ddl.add("CREATE SEQUENCE " + sequence + " START 1 INCREMENT 50");
			}
		}
		fields.add("@Column(nullable = false, length = 120) String name;");
		columns.add("name varchar(120) NOT NULL");
		fields.add("@Column(nullable = false) Instant createdAt;");
		columns.add("created_at timestamp with time zone NOT NULL");
		if (i % 3 == 0) {
			fields.add("@Version long version;");
			columns.add("version bigint NOT NULL");
		}
		boolean hasCode = false;
		boolean hasExternalRef = false;
		for (int field = 0; field < PALETTE.length; field++) {
			if ((i + field * 2) % 3 == 0) {
				continue;
			}
			hasCode |= (field == 0);
			hasExternalRef |= (field == 13);
			fields.add(PALETTE[field][0]);
			columns.add(PALETTE[field][1]);
		}
		if (hasExternalRef && i % 2 == 0) {
			int last = columns.indexOf("external_ref uuid");
			columns.set(last, "external_ref uuid UNIQUE");
			fields.set(fields.indexOf("UUID externalRef;"), "@Column(unique = true) UUID externalRef;");
		}
		if (i > 1 && i % 5 == 1) {
			Entity parent = earlier.get(i - 5);
			fields.add("@ManyToOne(fetch = FetchType.LAZY) " + parent.className() + " parent;");
			columns.add("parent_id %s REFERENCES %s".formatted(parent.idType(), parent.table()));
		}
		if (i > 10 && i % 10 == 7) {
			Entity account = earlier.get(i - 10);
			fields.add("@ManyToOne(optional = false) @JoinColumn(name = \"account_id\", nullable = false) "
					+ account.className() + " account;");
			columns.add("account_id %s NOT NULL CONSTRAINT fk_%s_account REFERENCES %s (id)"
				.formatted(account.idType(), table, account.table()));
		}
		List<String> indexes = new ArrayList<>();
		List<String> uniques = new ArrayList<>();
		if (i % 4 == 0) {
			indexes.add("@Index(name = \"ix_%s_created_at\", columnList = \"created_at\")".formatted(table));
			ddl.add("CREATE INDEX ix_%1$s_created_at ON %1$s (created_at)".formatted(table));
		}
		if (i % 6 == 0) {
			indexes.add("@Index(columnList = \"name\")");
			ddl.add("CREATE INDEX ON %s (name)".formatted(table));
		}
		if (hasCode && i % 5 == 2) {
			uniques.add("@UniqueConstraint(name = \"uk_%s_code\", columnNames = \"code\")".formatted(table));
			columns.add("CONSTRAINT uk_%s_code UNIQUE (code)".formatted(table));
		}
		if (i % 9 == 0) {
			uniques.add("@UniqueConstraint(columnNames = { \"name\", \"created_at\" })");
			columns.add("UNIQUE (name, created_at)");
		}
		StringBuilder source = new StringBuilder(IMPORTS);
		source.append("@Entity\n");
		if (!indexes.isEmpty() || !uniques.isEmpty()) {
			source.append("@Table(indexes = { ").append(String.join(", ", indexes)).append(" }, uniqueConstraints = { ")
				.append(String.join(", ", uniques)).append(" })\n");
		}
		source.append("public class ").append(className).append(" {\n\n");
		fields.forEach((field) -> source.append("\t").append(field).append("\n\n"));
		source.append("}\n");
		// the table first, then what needs it (the sequence was added first: nothing depends on it)
		ddl.add((sequence != null) ? 1 : 0, columns.stream().collect(
				Collectors.joining(",\n    ", "CREATE TABLE " + table + " (\n    ", ")")));
		return new Entity(className, table, idType, sequence, source.toString(), List.copyOf(ddl));
	}

	/** As Spring Boot's {@code CamelCaseToUnderscoresNamingStrategy} names a table. */
	private static String snakeCase(String name) {
		StringBuilder snake = new StringBuilder(name);
		for (int i = 1; i < snake.length() - 1; i++) {
			char before = snake.charAt(i - 1);
			char current = snake.charAt(i);
			char after = snake.charAt(i + 1);
			if ((Character.isLowerCase(before) || Character.isDigit(before)) && Character.isUpperCase(current)
					&& (Character.isLowerCase(after) || Character.isDigit(after))) {
				snake.insert(i++, '_');
			}
		}
		return snake.toString().toLowerCase();
	}

	/**
	 * One generated entity.
	 *
	 * @param className its simple class name
	 * @param table its table
	 * @param idType the SQL type of its id
	 * @param sequence the sequence of its ids, if it has one of its own
	 * @param source its Java source
	 * @param ddl the statements of its revision
	 */
	private record Entity(String className, String table, String idType, String sequence, String source,
			List<String> ddl) {
	}

}
