package dev.migration.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.core.Migration;
import dev.migration.core.Operations;
import dev.migration.core.Revision;
import dev.migration.core.run.UnmergedHeadsException;
import dev.migration.testdb.PostgresTest;
import dev.migration.testdb.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Two branches nobody merged are flagged, or refused, as migrations.unmerged-heads says. */
@PostgresTest(emptyBeforeEach = true)
@ExtendWith(OutputCaptureExtension.class)
class UnmergedHeadsTests {

	private final JdbcTemplate jdbc;

	private final ApplicationContextRunner contextRunner;

	UnmergedHeadsTests(TestDatabase database) {
		this.jdbc = new JdbcTemplate(database.dataSource());
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + database.url(),
					"spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password())
			.withBean(Base.class)
			.withBean(Left.class)
			.withBean(Right.class);
	}

	@Test
	void byDefaultTheBranchesApplyWithAWarningNamingTheHeads(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(tables()).isEqualTo(3);
			assertThat(output).contains("The revisions have 2 heads (h2l, h2r) that no merge revision joins")
				.contains("--migrations.command=merge");
		});
	}

	@Test
	void failAppliesNothingAndItsAdviceLeadsToAWorkingStart() {
		this.contextRunner.withPropertyValues("migrations.unmerged-heads=fail").run((context) -> {
			assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(UnmergedHeadsException.class)
				.hasMessageContaining("2 heads (h2l, h2r)")
				.hasMessageContaining("Nothing ran")
				.hasMessageContaining("--migrations.command=merge");
			assertThat(tables()).isZero();
		});
		// the advice: a merge revision that revises every head
		this.contextRunner.withPropertyValues("migrations.unmerged-heads=fail").withBean(Merge.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(tables()).isEqualTo(3);
		});
	}

	@Test
	void allowAppliesThemWithoutAWord(CapturedOutput output) {
		this.contextRunner.withPropertyValues("migrations.unmerged-heads=allow").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(tables()).isEqualTo(3);
			assertThat(output).doesNotContain("no merge revision joins");
		});
	}

	private int tables() {
		return this.jdbc.queryForObject("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' "
				+ "AND tablename IN ('h1', 'h2l', 'h2r')", Integer.class);
	}

	@Revision(id = "h1", message = "base")
	static class Base implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("CREATE TABLE h1 (id int)", "DROP TABLE h1");
		}

	}

	@Revision(id = "h2l", revises = "h1", message = "left branch")
	static class Left implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("CREATE TABLE h2l (id int)", "DROP TABLE h2l");
		}

	}

	@Revision(id = "h2r", revises = "h1", message = "right branch")
	static class Right implements Migration {

		@Override
		public void upgrade(Operations op) {
			op.execute("CREATE TABLE h2r (id int)", "DROP TABLE h2r");
		}

	}

	@Revision(id = "h3", revises = { "h2l", "h2r" }, message = "merge")
	static class Merge implements Migration {

		@Override
		public void upgrade(Operations op) {
		}

	}

}
