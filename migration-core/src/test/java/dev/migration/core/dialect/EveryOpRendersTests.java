package dev.migration.core.dialect;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.migration.core.op.Op;
import dev.migration.core.schema.ColumnType;
import dev.migration.core.schema.DefaultValue;

import static org.assertj.core.api.Assertions.assertThat;

class EveryOpRendersTests {

	@Test
	void theDslReachesEveryOpTypeAndTheDialectRendersEachOne() {
		List<Op> ops = Rendered.ops((op) -> {
			op.createSchema("s");
			op.dropSchema("s");
			op.createTable("t", (t) -> t.column("a", ColumnType.INTEGER));
			op.dropTable("t");
			op.renameTable("t", "u");
			op.addColumn("t", "b", ColumnType.TEXT);
			op.dropColumn("t", "b");
			op.renameColumn("t", "a", "c");
			op.alterColumnType("t", "a", ColumnType.BIGINT);
			op.setNotNull("t", "a");
			op.changeDefault("t", "a", DefaultValue.NONE, DefaultValue.of(1));
			op.createIndex("ix", "t", (i) -> i.on("a"));
			op.dropIndex("ix");
			op.addCheck("ck", "t", "a > 0");
			op.dropConstraint("ck", "t");
			op.validateConstraint("ck", "t");
			op.createView("v", "SELECT 1");
			op.dropView("v");
			op.createSequence("q");
			op.dropSequence("q");
			op.createEnumType("e", "x");
			op.dropType("e");
			op.addEnumValue("e", "y");
			op.commentOnTable("t", "c");
			op.commentOnColumn("t", "a", "c");
			op.execute("SELECT 1");
			op.bulkInsert("t", List.of("a"), List.of(List.of(1)));
			op.update("t", (u) -> u.set("a", 2).where("a = ?", 1));
			op.delete("t", (d) -> d.where("a = ?", 2));
			op.createFunction("f", (f) -> f.returnsTrigger().body("BEGIN RETURN NEW; END"));
			op.dropFunction("f");
			op.createTrigger("tr", "t", (t) -> t.before().onUpdate().forEachRow().execute("f"));
			op.dropTrigger("tr", "t");
			op.touchOnUpdate("t", "updated_at");
			op.dropTouchOnUpdate("t", "updated_at");
			op.apply(new dev.migration.core.op.OnlineOnlyStep("fix codes"));
			op.apply(new dev.migration.core.op.VerifyColumnShape(dev.migration.core.schema.QualifiedName.parse("t"),
					"a", new dev.migration.core.op.ColumnShape(false, DefaultValue.NONE, List.of(), List.of())));
			op.setNotNullOnline("t", "a");
			op.addForeignKeyOnline("fk", "t", (fk) -> fk.columns("a").references("u", "id"));
			op.addUniqueOnline("uq", "t", "a");
			op.backfill("t", (b) -> b.set("a = 1").where("a IS NULL"));
			op.apply(new dev.migration.core.op.ForgetBackfill("t.id: a = 1 where a IS NULL"));
			op.forgetBackfillProgress("t", "a");
			op.renameColumnOnline("t", "a", "b", ColumnType.TEXT);
			op.finishRenameColumnOnline("t", "a", "b", ColumnType.TEXT);
			dev.migration.core.op.ColumnSync sync = new dev.migration.core.op.ColumnSync(
					dev.migration.core.schema.QualifiedName.parse("t"), "a", "b");
			op.apply(new dev.migration.core.op.CreateColumnSync(sync));
			op.apply(new dev.migration.core.op.DropColumnSync(sync));
			op.apply(new dev.migration.core.op.CommitPoint());
		});
		Set<Class<?>> reached = ops.stream().map(Object::getClass).collect(Collectors.toSet());
		assertThat(reached).containsExactlyInAnyOrderElementsOf(Arrays.asList(Op.class.getPermittedSubclasses()));
		ops.forEach((op) -> assertThat(Rendered.DIALECT.render(op)).as(op.toString()).isNotEmpty());
	}

}
