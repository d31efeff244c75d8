package dev.migration.autoconfigure.command;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.util.ClassUtils;

import dev.migration.autoconfigure.DeferredDataSource.DatabaseNotConfiguredException;
import dev.migration.autoconfigure.MigrationProperties;
import dev.migration.autoconfigure.tenant.MigrationTenants;
import dev.migration.autoconfigure.diagnostics.FailureAnalyses;
import dev.migration.core.graph.AmbiguousRevisionException;
import dev.migration.core.graph.InvalidTargetException;
import dev.migration.core.graph.UnknownRevisionException;

/**
 * Runs {@code migrations.command} once the context has started, prints the result, closes
 * the context and ends the process with the command's exit code. It runs before the
 * application's own runners, which must not run in command mode: they may use the database
 * the command is about to change. A failure is printed to standard error as the failure
 * analyzers describe it, what happened and what to do, without a stack trace unless
 * {@code --debug} asks for one.
 */
public class MigrationCommandRunner implements ApplicationListener<ApplicationStartedEvent> {

	private static final String MODEL_CHECK = "dev.migration.jpa.EntityModelCheck";

	private static final String JPA_ENTITY = "jakarta.persistence.Entity";

	private final MigrationProperties properties;

	private final ObjectProvider<MigrationCommands> commands;

	private final CommandConsole console;

	private final CommandExit exit;

	private final ConfigurableApplicationContext context;

	/**
	 * Creates the runner.
	 * @param properties the command and the target
	 * @param commands the commands, absent when migrations are disabled or have no DataSource
	 * @param console where the result and the failure go
	 * @param exit ends the process
	 * @param context the context to close before exiting
	 */
	public MigrationCommandRunner(MigrationProperties properties, ObjectProvider<MigrationCommands> commands,
			CommandConsole console, CommandExit exit, ConfigurableApplicationContext context) {
		this.properties = properties;
		this.commands = commands;
		this.console = console;
		this.exit = exit;
		this.context = context;
	}

	@Override
	public void onApplicationEvent(ApplicationStartedEvent event) {
		// an ahead-of-time processed application has the runner whether or not a command is given
		if (event.getApplicationContext() == this.context && this.properties.getCommand() != null) {
			run();
			// only a replaced CommandExit returns: the run must still end here, with the
			// context closed and the application's runners not called
			throw new SpringApplication.AbandonedRunException(this.context);
		}
	}

	/**
	 * Runs the command, closes the context and hands the exit code to {@link CommandExit}.
	 */
	public void run() {
		int code = execute();
		this.exit.exit(SpringApplication.exit(this.context, () -> code));
	}

	private int execute() {
		MigrationCommand command;
		try {
			command = MigrationCommand.of(this.properties.getCommand());
		}
		catch (CommandException ex) {
			return fail(ex);
		}
		try {
			MigrationProperties.Scaffold scaffold = this.properties.getScaffold();
			if (!scaffold.getRenames().isEmpty() && !(command == MigrationCommand.REVISION && scaffold.isAutogenerate())) {
				throw new CommandException(CommandExit.USAGE, command.value() + " cannot run as given: "
						+ "migrations.scaffold.renames is read only by autogenerate; set "
						+ "migrations.scaffold.autogenerate=true with migrations.command=revision, or remove the renames.");
			}
			if (command == MigrationCommand.CHECK_MODEL) {
				modelCheck(command).run(this.console.out());
			}
			else if (command == MigrationCommand.REVISION && scaffold.isAutogenerate()) {
				modelCheck(command).autogenerate(commands(command), scaffold.getRenames(), this.console.out());
			}
			else if (!command.worksWithoutTheDatabase() && tenants() != null) {
				new TenantCommands(tenants()).run(command, commands(command), this.properties.getTarget(),
						this.console.out());
			}
			else {
				commands(command).run(command, this.properties.getTarget(), this.console.out());
			}
			this.console.out().flush();
			return CommandExit.SUCCESS;
		}
		catch (CommandException ex) {
			return fail(ex);
		}
		catch (DatabaseNotConfiguredException ex) {
			// no database to run on is the command as given, not a run that failed
			return fail(new CommandException(CommandExit.USAGE, command.value() + " cannot run as given: "
					+ ex.getMessage()));
		}
		catch (UnknownRevisionException | AmbiguousRevisionException | InvalidTargetException ex) {
			// a target that names no revision is the command as given, not a run that failed
			return fail(new CommandException(CommandExit.USAGE, command.value() + " cannot run as given: " + reason(ex)));
		}
		catch (RuntimeException ex) {
			return fail(command, ex);
		}
	}

	/** The tenants the revisions run on, or {@code null} when they run on the application's database. */
	private MigrationTenants tenants() {
		return this.context.getBeanProvider(MigrationTenants.class).getIfAvailable();
	}

	/** The model check, whose classes are loaded only once its libraries are known to be there. */
	private ModelCheckCommand modelCheck(MigrationCommand command) {
		ClassLoader classLoader = this.context.getClassLoader();
		if (!ClassUtils.isPresent(MODEL_CHECK, classLoader) || !ClassUtils.isPresent(JPA_ENTITY, classLoader)) {
			throw new CommandException(CommandExit.USAGE, describe(command) + " cannot run as given: it needs JPA and "
					+ "dev.migration:migration-jpa on the class path; add them to the application.");
		}
		ModelCheckCommand check = this.context.getBeanProvider(ModelCheckCommand.class).getIfAvailable();
		if (check == null) {
			throw new CommandException(CommandExit.USAGE, describe(command) + " cannot run as given: migrations are "
					+ "disabled (migrations.enabled=false).");
		}
		return check;
	}

	private static String describe(MigrationCommand command) {
		return (command == MigrationCommand.REVISION) ? "revision with migrations.scaffold.autogenerate" : command.value();
	}

	private MigrationCommands commands(MigrationCommand command) {
		MigrationCommands commands = this.commands.getIfAvailable();
		if (commands == null) {
			// a missing setting: the command as given cannot run
			throw new CommandException(CommandExit.USAGE, command.value() + " cannot run as given: migrations are "
					+ "disabled (migrations.enabled=false), or there is no database: set spring.datasource.url (with "
					+ "spring.datasource.username and spring.datasource.password) or migrations.url, or define a "
					+ "DataSource bean.");
		}
		return commands;
	}

	private int fail(CommandException ex) {
		this.console.out().flush();
		this.console.err().println(oneLine(ex.getMessage()));
		this.console.err().flush();
		return ex.exitCode();
	}

	private int fail(MigrationCommand command, RuntimeException ex) {
		FailureAnalysis analysis = FailureAnalyses.analyze(ex, this.context);
		this.console.out().flush();
		CommandFailure.print(command.value() + " failed: ", analysis, ex, this.console.err(),
				this.context.getEnvironment());
		return CommandExit.FAILURE;
	}

	private static String reason(RuntimeException ex) {
		// bean creation wraps the engine's exception, whose message is the one that helps
		Throwable cause = (ex instanceof BeansException) ? NestedExceptionUtils.getMostSpecificCause(ex) : ex;
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getName();
	}

	private static String oneLine(String message) {
		return message.strip().replaceAll("\\s*\\R\\s*", " ");
	}

}
