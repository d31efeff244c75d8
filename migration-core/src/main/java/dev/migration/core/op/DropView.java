package dev.migration.core.op;

import java.util.Objects;

import dev.migration.core.schema.QualifiedName;

/**
 * {@code DROP [MATERIALIZED] VIEW}.
 *
 * @param view the view
 * @param materialized whether the view is materialized
 * @param ifExists whether a missing view is ignored
 * @param cascade whether dependent objects are dropped too
 */
public record DropView(QualifiedName view, boolean materialized, boolean ifExists, boolean cascade) implements Op {

	public DropView {
		Objects.requireNonNull(view, "view");
	}

}
