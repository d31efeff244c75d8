package dev.migration.core.run;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.core.Stage;
import dev.migration.core.catalog.MigrationCatalog;

/** Checks a release against the revisions in code. */
final class Releases {

	private static final Logger logger = LoggerFactory.getLogger(Releases.class);

	private Releases() {
	}

	static void check(MigrationCatalog catalog, Release release) {
		List<String> unknown = release.revisions()
			.stream()
			.filter((id) -> !catalog.declares(id))
			.sorted()
			.toList();
		if (!unknown.isEmpty()) {
			throw new InvalidReleaseException("The release (migrations.release or the endpoint's \"release\") names "
					+ unknown + ", which the code does not declare. Give the full ids of contract revisions, or '"
					+ Release.ALL + "' to release all of them.");
		}
		release.revisions()
			.stream()
			.filter((id) -> catalog.get(id).stage() != Stage.CONTRACT)
			.sorted()
			.forEach((id) -> logger.warn("Revision {} is released but is no contract revision; it needs no release",
					id));
	}

}
