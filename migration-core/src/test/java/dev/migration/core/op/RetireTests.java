package dev.migration.core.op;

import org.junit.jupiter.api.Test;

import dev.migration.core.Migration;
import dev.migration.core.schema.QualifiedName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RetireTests {

	private static final QualifiedName ORDERS = QualifiedName.parse("shop.orders");

	@Test
	void retiringRenamesToABackupNameThatTheDowngradeRenamesBack() {
		Migration retire = (op) -> {
			op.retireColumn("shop.orders", "total");
			op.retireTable("shop.orders_archive");
		};
		assertThat(RecordedOps.of(retire::upgrade)).containsExactly(new RenameColumn(ORDERS, "total", "total_retired"),
				new RenameTable(QualifiedName.parse("shop.orders_archive"), "orders_archive_retired"));
		assertThat(Reversal.of(retire)).containsExactly(
				new RenameTable(QualifiedName.parse("shop.orders_archive_retired"), "orders_archive"),
				new RenameColumn(ORDERS, "total_retired", "total"));
	}

	@Test
	void purgingDropsTheBackupAndCannotBeReversed() {
		Migration purge = (op) -> {
			op.purgeRetiredColumn("shop.orders", "total");
			op.purgeRetiredTable("shop.orders_archive");
		};
		assertThat(RecordedOps.of(purge::upgrade)).containsExactly(new DropColumn(ORDERS, "total_retired", false, false),
				new DropTable(QualifiedName.parse("shop.orders_archive_retired"), false, false));
		assertThatExceptionOfType(IrreversibleOperationException.class).isThrownBy(() -> Reversal.of(purge));
	}

}
