package dev.migration.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.run.Migrator;
import dev.migration.core.run.Release;
import dev.migration.core.run.RunSettings;
import dev.migration.core.snapshot.ObjectKind;
import dev.migration.core.snapshot.SchemaSnapshot;
import dev.migration.core.snapshot.SnapshotReader;
import dev.migration.jpa.EntityModelCheck;
import dev.migration.jpa.EntitySchema;
import dev.migration.jpa.ModelDiff;
import dev.migration.jpa.ModelDifference;
import dev.migration.jpa.ScratchDatabases;
import dev.migration.testdb.TestDatabaseServer;

/**
 * Times the JPA model check ({@link EntityModelCheck#diff}) of 100 generated entities against
 * one revision per entity, when they agree and when half of the tables are missing from the
 * revisions (where autogenerate starts), then the check's steps one after another, and prints
 * the first (cold) run apart from the median, minimum and maximum of the warm ones.
 *
 * <p>Arguments: [runs (default 7)] [entities (default 100)]. Every run's diff is checked (empty,
 * or exactly the missing tables and sequences) before its time is kept.
 */
public final class ModelCheckBenchmark {

	private ModelCheckBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		// before anything starts the common pool, whose threads would otherwise not see the entities
		System.setProperty("java.util.concurrent.ForkJoinPool.common.threadFactory", EntityThreads.class.getName());
		// Hibernate logs through slf4j-simple, at warn as the other harnesses (simplelogger.properties)
		System.setProperty("org.jboss.logging.provider", "slf4j");
		// migration-jpa names the dialect on purpose; Hibernate's advice against it is noise here
		System.setProperty("org.slf4j.simpleLogger.log.org.hibernate.orm.deprecation", "error");
		int runs = (args.length > 0) ? Integer.parseInt(args[0]) : 7;
		int count = (args.length > 1) ? Integer.parseInt(args[1]) : 100;
		TestDatabaseServer server = TestDatabaseServer.get();
		ModelCheckEntities generated = ModelCheckEntities.generate(count);
		long compileStart = System.nanoTime();
		List<Class<?>> classes = generated.compile();
		long compileMillis = millisSince(compileStart);
		// Hibernate loads the entities by name, through the thread's context class loader among others
		EntityThreads.loader = classes.get(0).getClassLoader();
		Thread.currentThread().setContextClassLoader(EntityThreads.loader);
		EntitySchema schema = EntitySchema.of(classes.toArray(Class<?>[]::new));
		EntityModelCheck agreeing = EntityModelCheck.of(MigrationCatalog.ofDeclared(generated.revisions(count)));
		Start halfMissing = halfMissing(generated);
		Figures figures = new Figures();
		// each round runs every case once, in this order, so drifting machine load hits them alike
		List<Case> cases = new ArrayList<>();
		cases.add(() -> figures.time("model check, entities and revisions agree (diff empty)",
				() -> agreeing.diff(schema), ModelCheckBenchmark::expectEmpty));
		cases.add(() -> figures.time("model check, %d of %d tables missing (autogenerate's start)"
			.formatted(halfMissing.tablesMissing(), count), () -> halfMissing.check().diff(schema),
				halfMissing::expect));
		// Autogenerate (dev.migration.jpa.generate.RevisionWriter, not on this branch yet) adds its row here,
		// from the same start, timing the diff and the writing, and checking what it wrote:
		// cases.add(() -> figures.time("autogenerate, 50 of 100 tables missing",
		//		() -> <RevisionWriter's revisions for halfMissing.check().diff(schema)>,
		//		(written) -> expectEmpty(halfMissing.checkWith(<written, as DeclaredRevisions>).diff(schema))));
		cases.add(() -> steps(figures, generated, count, schema));
		for (int run = 0; run < runs; run++) {
			for (Case each : cases) {
				each.run();
			}
		}
		System.out.printf("%d entities (%d tables), %d revisions; %d runs; PostgreSQL: %s; %d cores; Java %s; "
				+ "entities compiled in %d ms%n", count, count, count, runs, server.description(),
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), compileMillis);
		figures.print();
	}

	/**
	 * The starting point of autogenerate: revisions that make only the first half of the entities'
	 * tables, so the diff lists the other half (a relation only points to an earlier entity).
	 */
	private static Start halfMissing(ModelCheckEntities generated) {
		int made = generated.size() / 2;
		return new Start(generated.revisions(made), generated.size() - made, generated.sequencesFrom(made));
	}

	/** The model check's steps, one after another on the shared test server, as {@link EntityModelCheck} takes them. */
	private static void steps(Figures figures, ModelCheckEntities generated, int count, EntitySchema schema) {
		ScratchDatabases scratch = ScratchDatabases.testServer();
		RunSettings settings = RunSettings.defaults();
		SnapshotReader reader = SnapshotReader.allSchemas(settings.history());
		ScratchDatabases.Scratch[] made = figures.time("step: make the two scratch databases (CREATE DATABASE)",
				() -> new ScratchDatabases.Scratch[] { scratch.open("entities"), scratch.open("revisions") });
		ScratchDatabases.Scratch entities = made[0];
		ScratchDatabases.Scratch revisions = made[1];
		try {
			figures.time("step: Hibernate builds the entities' schema", () -> schema.createIn(entities.dataSource()));
			MigrationCatalog catalog = MigrationCatalog.ofDeclared(generated.revisions(count));
			figures.time("step: upgrade to heads (%d revisions)".formatted(count),
					() -> new Migrator(revisions.dataSource(), catalog, new PostgresDialect(), settings)
						.withRelease(Release.everything())
						.upgrade("heads"));
			SchemaSnapshot expected = figures.time("step: read the entities' snapshot",
					() -> reader.read(entities.dataSource()));
			SchemaSnapshot actual = figures.time("step: read the revisions' snapshot",
					() -> reader.read(revisions.dataSource()));
			figures.schema = summary(expected);
			figures.time("step: compare the snapshots (ModelDiff.between)", () -> ModelDiff.between(expected, actual),
					ModelCheckBenchmark::expectEmpty);
		}
		finally {
			figures.time("step: drop the two scratch databases", () -> {
				entities.close();
				revisions.close();
				return null;
			});
		}
	}

	/** What the entities' schema holds, so a reader sees what was compared. */
	private static String summary(SchemaSnapshot snapshot) {
		Map<String, Long> counts = new TreeMap<>();
		snapshot.objects().forEach((object) -> {
			String kind = object.kind().label();
			if (object.kind() == ObjectKind.CONSTRAINT) {
				String definition = object.attributes().get("definition");
				kind = Stream.of("PRIMARY KEY", "FOREIGN KEY", "UNIQUE", "CHECK").filter(definition::startsWith)
					.findFirst().orElse("other").toLowerCase(Locale.ROOT) + " constraint";
			}
			counts.merge(kind, 1L, Long::sum);
		});
		return counts.entrySet().stream().map((entry) -> entry.getValue() + " " + entry.getKey())
			.collect(Collectors.joining(", "));
	}

	private static void expectEmpty(ModelDiff diff) {
		if (!diff.isEmpty()) {
			throw new IllegalStateException("The entities and the revisions disagree, nothing real would be measured:\n"
					+ diff.describe());
		}
	}

	private static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	/**
	 * Makes the common pool's threads with the generated entities' class loader as context class loader,
	 * as a thread the main thread starts inherits it: {@link EntityModelCheck#diff} builds the
	 * entities' schema on one or the other, depending on the number of cores.
	 */
	public static final class EntityThreads implements ForkJoinPool.ForkJoinWorkerThreadFactory {

		static volatile ClassLoader loader;

		@Override
		public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
			ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
			if (loader != null) {
				thread.setContextClassLoader(loader);
			}
			return thread;
		}

	}

	/** One case of a round. */
	@FunctionalInterface
	private interface Case {

		void run();

	}

	/**
	 * Revisions that make only the first tables, and what their diff must then be.
	 *
	 * @param revisions the revisions, in a line
	 * @param tablesMissing how many tables they leave out
	 * @param sequencesMissing how many sequences of their own the left-out entities have
	 */
	private record Start(List<DeclaredRevision> revisions, int tablesMissing, long sequencesMissing) {

		EntityModelCheck check() {
			return checkWith(List.of());
		}

		/** The check of these revisions followed by more, such as the ones autogenerate writes. */
		EntityModelCheck checkWith(List<DeclaredRevision> more) {
			List<DeclaredRevision> all = new ArrayList<>(this.revisions);
			all.addAll(more);
			return EntityModelCheck.of(MigrationCatalog.ofDeclared(all));
		}

		void expect(ModelDiff diff) {
			long tables = diff.differences().stream()
				.filter((difference) -> difference.aspect() == ModelDifference.Aspect.MISSING_TABLE).count();
			long sequences = diff.differences().stream()
				.filter((difference) -> difference.aspect() == ModelDifference.Aspect.SEQUENCE
						&& difference.actual() == null)
				.count();
			if (tables != this.tablesMissing || sequences != this.sequencesMissing
					|| diff.differences().size() != tables + sequences) {
				throw new IllegalStateException("Expected %d missing tables and %d missing sequences, and nothing else:\n%s"
					.formatted(this.tablesMissing, this.sequencesMissing, diff.describe()));
			}
		}

	}

	/** The times of each row, in milliseconds, by run. */
	private static final class Figures {

		private final Map<String, List<Long>> millis = new LinkedHashMap<>();

		private String schema;

		<T> T time(String row, Supplier<T> timed) {
			return time(row, timed, (result) -> {
			});
		}

		/** Times one run of a row, then checks its result, which a failing check keeps out of the figures. */
		<T> T time(String row, Supplier<T> timed, Consumer<T> check) {
			long start = System.nanoTime();
			T result = timed.get();
			long elapsed = millisSince(start);
			check.accept(result);
			this.millis.computeIfAbsent(row, (name) -> new ArrayList<>()).add(elapsed);
			return result;
		}

		void print() {
			System.out.println("the entities' schema, as Hibernate makes it: " + this.schema);
			System.out.println("| measured | cold: run 1 (ms) | warm: median (ms) | warm: min–max (ms) |");
			System.out.println("| --- | --- | --- | --- |");
			this.millis.forEach((row, values) -> {
				List<Long> warm = new ArrayList<>(values.subList(Math.min(1, values.size()), values.size()));
				warm.sort(null);
				String median = warm.isEmpty() ? "-" : String.valueOf(warm.get(warm.size() / 2));
				String range = warm.isEmpty() ? "-" : warm.get(0) + "–" + warm.get(warm.size() - 1);
				System.out.printf("| %s | %d | %s | %s |%n", row, values.get(0), median, range);
			});
			System.out.println("all runs (ms):");
			this.millis.forEach((row, values) -> System.out.println("  " + row + ": " + values));
		}

	}

}
