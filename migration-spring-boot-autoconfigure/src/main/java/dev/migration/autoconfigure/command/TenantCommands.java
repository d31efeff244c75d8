package dev.migration.autoconfigure.command;

import java.io.PrintStream;
import java.util.List;

import dev.migration.autoconfigure.tenant.MigrationTenants;
import dev.migration.autoconfigure.tenant.TenantRunException;
import dev.migration.core.SecretText;
import dev.migration.core.run.Release;
import dev.migration.core.tenant.Tenant;
import dev.migration.core.tenant.TenantOutcome;
import dev.migration.core.tenant.TenantReport;
import dev.migration.core.tenant.TenantStanding;

/**
 * The commands of an application whose revisions run on tenants: {@code upgrade} fans out,
 * {@code current} and {@code pending} print every tenant's standing, and the commands that work
 * on one history run on the one tenant {@code migrations.tenants.only} names; those that read
 * only the code are the application's as ever.
 */
final class TenantCommands {

	private final MigrationTenants tenants;

	TenantCommands(MigrationTenants tenants) {
		this.tenants = tenants;
	}

	/**
	 * Runs a command that needs the database, or says that the usual commands may run it.
	 * @param command the command
	 * @param commands the application's commands, to run on one tenant's history
	 * @param target {@code migrations.target}
	 * @param out where the result goes
	 */
	void run(MigrationCommand command, MigrationCommands commands, String target, PrintStream out) {
		switch (command) {
			case UPGRADE -> upgrade(target, out);
			case CURRENT, PENDING -> printStandings(out);
			default -> commands.withMigrator(this.tenants.fanOut().migratorOf(onlyTenant(command)))
				.run(command, target, out);
		}
	}

	private void upgrade(String target, PrintStream out) {
		List<Tenant> chosen = this.tenants.tenants();
		TenantReport report = this.tenants.upgrade(target, Release.none(), chosen);
		out.println("Migrated " + chosen.size() + " tenant(s) to " + target + ": " + report.summary());
		TextTable table = TextTable.withHeader("TENANT", "STATUS", "APPLIED", "DURATION", "FAILURE");
		for (TenantOutcome outcome : report.outcomes()) {
			table.row(outcome.tenant(), outcome.status(), outcome.applied(), outcome.durationMs() + " ms",
					SecretText.mask(outcome.failure()));
		}
		out.print(table.render());
		if (!report.complete()) {
			throw new CommandException(CommandExit.FAILURE, "upgrade failed: " + new TenantRunException(report)
				.getMessage());
		}
	}

	private void printStandings(PrintStream out) {
		List<TenantStanding> standings = this.tenants.standings();
		TextTable table = TextTable.withHeader("TENANT", "STATUS", "CURRENT", "PENDING", "FAILURE");
		for (TenantStanding standing : standings) {
			table.row(standing.tenant(), standing.standing(), String.join(",", standing.current()),
					standing.pending().size(), SecretText.mask(standing.failure()));
		}
		out.print(table.render());
	}

	private Tenant onlyTenant(MigrationCommand command) {
		List<Tenant> chosen = this.tenants.tenants();
		if (chosen.size() != 1) {
			throw new CommandException(CommandExit.USAGE, command.value() + " cannot run as given: it works on one "
					+ "history, and the revisions run on " + chosen.size() + " tenants; name one with "
					+ "--migrations.tenants.only=<tenant>.");
		}
		return chosen.get(0);
	}

}
