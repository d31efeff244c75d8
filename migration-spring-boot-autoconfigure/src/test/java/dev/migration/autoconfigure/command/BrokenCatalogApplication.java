package dev.migration.autoconfigure.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * A tiny application whose revisions do not form a graph: x9 revises a revision nobody declares.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ CommandRevisions.CreateItem.class, CommandRevisions.Orphan.class })
public class BrokenCatalogApplication {

	public static void main(String[] args) {
		SpringApplication.run(BrokenCatalogApplication.class, args);
	}

}
