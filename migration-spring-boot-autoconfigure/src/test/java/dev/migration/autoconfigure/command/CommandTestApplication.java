package dev.migration.autoconfigure.command;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A tiny application with the three test revisions and a runner of its own, started in
 * command mode in process and as a separate JVM. It imports its beans instead of scanning,
 * so the test configurations of this package stay out of it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ CommandRevisions.CreateItem.class, CommandRevisions.AddPrice.class, CommandRevisions.SeedItems.class })
public class CommandTestApplication {

	static final String RUNNER_RAN = "the application's own runner ran";

	@Bean
	ApplicationRunner applicationRunner() {
		return (args) -> System.out.println(RUNNER_RAN);
	}

	public static void main(String[] args) {
		SpringApplication.run(CommandTestApplication.class, args);
	}

}
