package dev.migration.sample.switching;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A project after it switched to this starter: from Flyway (profile {@code from-flyway}, its SQL
 * files kept) or from Liquibase (profile {@code from-liquibase}, a baseline revision standing for
 * its changesets).
 */
@SpringBootApplication
public class SwitchApplication {

	public static void main(String[] args) {
		SpringApplication.run(SwitchApplication.class, args);
	}

}
