package dev.migration.core.op;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.migration.core.Migration;

/** Derives a migration's downgrade from its upgrade: the reverse of each op, last op first. */
public final class Reversal {

	private Reversal() {
	}

	/**
	 * Records {@code migration}'s upgrade without running it and returns the ops that undo it.
	 * @param migration the migration
	 * @return the reversing ops, in the order to apply them
	 * @throws IrreversibleOperationException naming the first op that has no reverse
	 */
	public static List<Op> of(Migration migration) {
		List<Op> recorded = new ArrayList<>();
		migration.upgrade(new EmittingOperations(recorded::add, Reversal::cannotRead, false));
		List<Op> reversed = new ArrayList<>();
		for (Op op : recorded) {
			reversed.addAll(0, reverseOf(op));
		}
		return Collections.unmodifiableList(reversed);
	}

	private static List<Op> reverseOf(Op op) {
		return op.reverse()
			.orElseThrow(() -> new IrreversibleOperationException(op, "The upgrade holds " + op
					+ ", which has no automatic reverse. Write downgrade() for this revision."));
	}

	private static <T> List<T> cannotRead(String sql, org.springframework.jdbc.core.RowMapper<T> mapper,
			List<Object> args) {
		throw new IrreversibleOperationException(null, "The upgrade reads the database ('" + sql
				+ "'), so its downgrade cannot be derived. Write downgrade() for this revision.");
	}

}
