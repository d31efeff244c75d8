package dev.migration.autoconfigure.scan.invalid;

import dev.migration.core.Revision;

/** Marked as a revision but implements nothing: the scan must refuse it, not skip it. */
@Revision(id = "x1", message = "forgot to implement Migration")
public class NotAMigration {

}
