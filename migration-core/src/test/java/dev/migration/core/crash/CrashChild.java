package dev.migration.core.crash;

import javax.sql.DataSource;

import dev.migration.core.ChildJvm;

/**
 * The {@code main} of the process the slow crash matrix kills: runs one scenario and, right
 * after round trip k, prints {@code PAUSED <pid>} and waits to be killed with SIGKILL, so the
 * kill lands at an exact point. Prints {@code DONE} when the run ended before round trip k.
 *
 * <p>Arguments: JDBC URL, user, scenario index in {@link CrashScenario#all()}, k, as
 * {@link ChildJvm} passes them.
 */
public final class CrashChild {

	private CrashChild() {
	}

	public static void main(String[] args) {
		DataSource target = ChildJvm.database(args).dataSource();
		CrashScenario scenario = CrashScenario.all().get(Integer.parseInt(args[2]));
		InterruptingDataSource pausing = new InterruptingDataSource(target, Integer.parseInt(args[3]),
				CrashChild::pauseUntilKilled);
		System.out.println(CrashMatrix.runReporting(scenario, pausing));
		System.out.println("DONE");
		System.out.flush();
		System.exit(0);
	}

	private static void pauseUntilKilled(int pid) {
		System.out.println("PAUSED " + pid);
		System.out.flush();
		while (true) {
			try {
				Thread.sleep(60_000);
			}
			catch (InterruptedException ex) {
				// only SIGKILL ends this process
			}
		}
	}

}
