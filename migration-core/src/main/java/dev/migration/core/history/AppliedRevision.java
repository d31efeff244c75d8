package dev.migration.core.history;

import java.time.OffsetDateTime;

/**
 * One applied revision in the state table.
 *
 * @param revision the revision id
 * @param checksum the checksum of its SQL when applied, or {@code null}
 * @param appliedAt when it was applied
 */
public record AppliedRevision(String revision, String checksum, OffsetDateTime appliedAt) {

}
