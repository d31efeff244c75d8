package dev.migration.autoconfigure;

import java.time.Duration;

/**
 * The one daemon thread a background run works on: started once the application is ready,
 * awaited by tests and hand-overs, interrupted at shutdown and given a while to stop.
 */
public final class BackgroundThread {

	private volatile Thread thread;

	/**
	 * Starts the work on a daemon thread.
	 * @param name the thread's name
	 * @param work what it runs
	 */
	public void start(String name, Runnable work) {
		Thread started = new Thread(work, name);
		started.setDaemon(true);
		this.thread = started;
		started.start();
	}

	/**
	 * Waits for the work to end.
	 * @param timeout how long to wait at most
	 * @return whether it is not running any more
	 * @throws InterruptedException when interrupted while waiting
	 */
	public boolean await(Duration timeout) throws InterruptedException {
		Thread running = this.thread;
		if (running != null) {
			running.join(timeout.toMillis());
			return !running.isAlive();
		}
		return true;
	}

	/**
	 * Interrupts the work, if it runs, and waits for it to stop.
	 * @param timeout how long to wait at most
	 * @return whether it was running
	 * @throws InterruptedException when interrupted while waiting
	 */
	public boolean stop(Duration timeout) throws InterruptedException {
		Thread running = this.thread;
		if (running == null || !running.isAlive()) {
			return false;
		}
		running.interrupt();
		running.join(Math.max(1, timeout.toMillis()));
		return true;
	}

}
