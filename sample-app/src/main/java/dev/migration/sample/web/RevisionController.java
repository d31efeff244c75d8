package dev.migration.sample.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.migration.core.Migration;
import dev.migration.core.catalog.MigrationCatalog;
import dev.migration.core.dialect.PostgresDialect;
import dev.migration.core.execute.ExecutionSettings;
import dev.migration.core.execute.OfflineScripts;

/** Shows the sample's revisions and the SQL that would bring an empty database to heads. */
@RestController
class RevisionController {

	private final MigrationCatalog catalog;

	RevisionController(List<Migration> migrations) {
		this.catalog = MigrationCatalog.of(migrations);
	}

	@GetMapping("/revisions")
	Map<String, Object> revisions() {
		return Map.of("heads", this.catalog.graph().heads(), "revisions",
				this.catalog.graph().topologicalOrder().stream().map((node) -> node.id() + " " + node.message()).toList());
	}

	@GetMapping(path = "/revisions/sql", produces = "text/plain")
	String sql() {
		return new OfflineScripts(this.catalog, new PostgresDialect(), ExecutionSettings.defaults()).upgrade(Set.of(),
				"heads");
	}

}
