package dev.migration.benchmarks.startup;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The program {@link StartupBenchmark} starts in a fresh JVM per run: a non-web application with
 * a DataSource, which prints how long after the JVM's start it was ready, then exits.
 *
 * <p>Which migration tool runs is set by properties alone ({@code spring.flyway.enabled},
 * {@code migrations.enabled}); {@code --startup.java-revisions=true} adds the generated
 * {@code @Revision} beans, {@code --startup.steps=true} prints the slowest start-up steps, and
 * {@code --startup.breakdown=ours}, {@code flyway} (with {@code --startup.breakdown-location}) or
 * {@code java} (with {@code --startup.breakdown-count}) times one tool's steps once the context is
 * ready without it ({@link StartupBreakdown}).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class StartupApplication {

	/** The class that component-scans the generated Java revisions (see {@link StartupRevisions}). */
	static final String JAVA_REVISIONS = "startup.revisions.JavaRevisions";

	/** The line this program prints when ready, which {@link StartupBenchmark} reads. */
	static final String READY = "startup-ready";

	public static void main(String[] args) throws ClassNotFoundException {
		long main = System.currentTimeMillis();
		List<Class<?>> sources = new ArrayList<>(List.of(StartupApplication.class));
		if (Arrays.asList(args).contains("--startup.java-revisions=true")) {
			sources.add(Class.forName(JAVA_REVISIONS));
		}
		SpringApplication application = new SpringApplication(sources.toArray(Class<?>[]::new));
		BufferingApplicationStartup steps = null;
		if (Arrays.asList(args).contains("--startup.steps=true")) {
			steps = new BufferingApplicationStartup(100_000);
			application.setApplicationStartup(steps);
		}
		application.addListeners(new ReadyClock(main, steps));
		ConfigurableApplicationContext context = application.run(args);
		String breakdown = context.getEnvironment().getProperty("startup.breakdown");
		if (breakdown != null) {
			StartupBreakdown.print(breakdown, context.getBean(DataSource.class),
					context.getEnvironment().getProperty("startup.breakdown-location"),
					context.getEnvironment().getProperty("startup.breakdown-count", Integer.class, 0));
		}
		System.exit(SpringApplication.exit(context));
	}

	/**
	 * Opens the pool and runs one query while the context refreshes, as any application that
	 * uses its database does, so that the pool's start is not counted against a migration tool.
	 */
	@Bean
	InitializingBean firstQuery(DataSource dataSource) {
		return () -> {
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute("SELECT 1");
			}
			catch (SQLException ex) {
				throw new IllegalStateException("The benchmark database does not answer", ex);
			}
		};
	}

	/** Prints the milliseconds from the JVM's start to main() and to ready, after every other listener. */
	private record ReadyClock(long main, BufferingApplicationStartup steps)
			implements ApplicationListener<ApplicationReadyEvent>, Ordered {

		@Override
		public void onApplicationEvent(ApplicationReadyEvent event) {
			long ready = System.currentTimeMillis();
			long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
			int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
			System.out.printf("%s ready=%d main=%d classes=%d%n", READY, ready - jvmStart, this.main - jvmStart,
					classes);
			if (this.steps != null) {
				printSlowestSteps();
			}
		}

		/** Steps include the steps they wait for (a bean the beans it needs): read them as nested, not additive. */
		private void printSlowestSteps() {
			this.steps.getBufferedTimeline()
				.getEvents()
				.stream()
				.sorted(Comparator.comparing(TimelineEvent::getDuration).reversed())
				.limit(16)
				.forEach((step) -> System.out.printf("  %5d ms  %s%n", step.getDuration().toMillis(), name(step)));
		}

		private static String name(TimelineEvent step) {
			for (var tag : step.getStartupStep().getTags()) {
				if (tag.getKey().equals("beanName")) {
					return step.getStartupStep().getName() + " " + tag.getValue();
				}
			}
			return step.getStartupStep().getName();
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
