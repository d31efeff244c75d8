package dev.migration.autoconfigure;

import java.time.Duration;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import dev.migration.core.run.RunPlan;
import dev.migration.core.run.RunResult;
import dev.migration.core.run.RunScope;

/**
 * Applies background revisions, the revisions after them and released contract revisions
 * on a thread of their own once the application is ready, waiting its turn while another
 * instance runs migrations. A restart picks up what a stopped run left, backfills from their
 * last committed batch.
 */
public class MigrationBackgroundRun implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(MigrationBackgroundRun.class);

	private final MigrationRuns runs;

	private final MigrationProperties properties;

	private final boolean enabled;

	private final BackgroundThread thread = new BackgroundThread();

	private volatile boolean stopping;

	/**
	 * Creates the background run.
	 * @param runs the runs of this application
	 * @param properties the properties
	 */
	public MigrationBackgroundRun(MigrationRuns runs, MigrationProperties properties) {
		this(runs, properties, true);
	}

	/**
	 * Creates the background run.
	 * @param runs the runs of this application
	 * @param properties the properties
	 * @param enabled whether the application's own database has a background run (not when its
	 * revisions run on tenants)
	 */
	public MigrationBackgroundRun(MigrationRuns runs, MigrationProperties properties, boolean enabled) {
		this.runs = Objects.requireNonNull(runs, "runs");
		this.properties = Objects.requireNonNull(properties, "properties");
		this.enabled = enabled;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (!this.enabled || !this.properties.isAutoRun() || this.properties.getCommand() != null
				|| !this.properties.getBackground().isEnabled() || nothingToDo()) {
			return;
		}
		this.thread.start("migrations-background", this::runUntilDone);
	}

	/**
	 * Waits for the background run to end, for tests and orderly hand-overs.
	 * @param timeout how long to wait at most
	 * @return whether no background run is going on any more
	 * @throws InterruptedException when interrupted while waiting
	 */
	public boolean awaitCompletion(Duration timeout) throws InterruptedException {
		return this.thread.await(timeout);
	}

	@Override
	public void destroy() throws InterruptedException {
		// a step cut short here rolls back; the next start resumes it, a backfill from its last batch
		this.stopping = true;
		this.thread.stop(this.properties.getBackground().getStopTimeout());
	}

	private boolean nothingToDo() {
		// without background or contract revisions the start-up run applied all there is: no query
		if (this.runs.migrator().catalog().onlyStartUpRevisions()) {
			return true;
		}
		try {
			return plan().isEmpty();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read the pending revisions for the background run; it does not start: {}",
					ex.getMessage());
			return true;
		}
	}

	private RunPlan plan() {
		return this.runs.migrator().plan(this.properties.getTarget(), RunScope.RELEASED);
	}

	private void runUntilDone() {
		Duration retry = this.properties.getBackground().getRetryInterval();
		while (!Thread.currentThread().isInterrupted()) {
			try {
				RunResult result = this.runs.upgrade(this.properties.getTarget());
				logger.info("Background migration run done: {} revision(s) applied{}", result.steps().size(),
						result.waiting().isEmpty() ? "" : "; " + result.waiting().size() + " wait for a release");
				return;
			}
			catch (RunInProgressException ex) {
				logger.info("Background migrations wait for another run to finish; trying again in {}", retry);
				sleep(retry);
			}
			catch (RuntimeException ex) {
				if (this.stopping) {
					logger.info("Background migration run stopped by the shutdown; the next start resumes it");
				}
				else {
					logger.error("Background migration run failed; it runs again at the next start or when "
							+ "triggered with POST /actuator/migrations", ex);
				}
				return;
			}
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
