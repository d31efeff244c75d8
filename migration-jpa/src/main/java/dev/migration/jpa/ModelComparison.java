package dev.migration.jpa;

import java.util.List;
import java.util.Objects;

import dev.migration.core.snapshot.SchemaSnapshot;

/**
 * One run of the model check: what was compared, both sides as read from PostgreSQL's catalog,
 * and what differs, so a revision can be written from it.
 *
 * @param entityNames the entity classes compared, by name
 * @param heads the heads the revisions were upgraded to, empty when there are no revisions
 * @param entities the schema Hibernate made for the entities
 * @param revisions the schema the revisions made
 * @param diff what differs, without the differences the check was told to accept
 */
public record ModelComparison(List<String> entityNames, List<String> heads, SchemaSnapshot entities,
		SchemaSnapshot revisions, ModelDiff diff) {

	public ModelComparison {
		entityNames = List.copyOf(entityNames);
		heads = List.copyOf(heads);
		Objects.requireNonNull(entities, "entities");
		Objects.requireNonNull(revisions, "revisions");
		Objects.requireNonNull(diff, "diff");
	}

}
