package dev.migration.core.op;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.util.ClassUtils;

import dev.migration.core.Migration;
import dev.migration.core.Revision;
import dev.migration.core.sink.DatabaseReader;

/** Derives a migration's downgrade from its upgrade: the reverse of each op, last op first. */
public final class Reversal {

	private static final String WAY_OUT = " Write downgrade() for this revision";

	private Reversal() {
	}

	/**
	 * Records {@code migration}'s upgrade without running it and returns the ops that undo it.
	 * @param migration the migration
	 * @return the reversing ops, in the order to apply them
	 * @throws IrreversibleOperationException naming the revision and the first op that has no
	 * reverse
	 */
	public static List<Op> of(Migration migration) {
		String upgrade = upgradeOf(migration);
		List<Op> recorded = new ArrayList<>();
		migration.upgrade(new EmittingOperations(recorded::add, cannotRead(upgrade), false));
		List<Op> reversed = new ArrayList<>();
		for (Op op : recorded) {
			reversed.addAll(0, op.reverse()
				.orElseThrow(() -> new IrreversibleOperationException(op, upgrade + " " + why(op))));
		}
		return Collections.unmodifiableList(reversed);
	}

	/** Names the revision where it has one, as an annotated class does and a lambda in a test does not. */
	private static String upgradeOf(Migration migration) {
		Revision revision = AnnotationUtils.findAnnotation(ClassUtils.getUserClass(migration), Revision.class);
		return (revision != null) ? "The upgrade of revision '" + revision.id() + "'" : "The upgrade";
	}

	private static String why(Op op) {
		if (op instanceof DropColumn drop) {
			return "drops column " + drop.table() + "." + drop.column() + ", whose values no downgrade can bring "
					+ "back." + WAY_OUT + ", or retire the column with op.retireColumn to keep them.";
		}
		if (op instanceof FinishRenameColumnOnline finish) {
			ColumnSync sync = finish.sync();
			return "drops column " + sync.table() + "." + sync.column() + " without declaring what it had besides "
					+ "its type (NOT NULL, default, checks, indexes), so a derived downgrade could not restore them. "
					+ "Declare them as the last argument of the contract step, such as old -> old.notNull()"
					+ ".index(\"ix_" + sync.table().name() + "_" + sync.column() + "\") or old -> { } for none, and "
					+ "the run checks them against the database before the drop; or write downgrade() for this revision.";
		}
		return "holds " + op + ", which has no automatic reverse." + WAY_OUT + ".";
	}

	private static DatabaseReader cannotRead(String upgrade) {
		return new DatabaseReader() {

			@Override
			public <T> List<T> query(String sql, RowMapper<T> mapper, List<Object> args) {
				throw new IrreversibleOperationException(null, upgrade + " reads the database ('" + sql
						+ "'), so its downgrade cannot be derived." + WAY_OUT + ".");
			}

		};
	}

}
