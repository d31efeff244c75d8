package dev.migration.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's CPU time from {@code /proc/stat}, to tell how busy the whole machine was in a
 * phase (this run and anything else running on it); NaN where there is no {@code /proc/stat}.
 */
final class CpuMeter {

	private CpuMeter() {
	}

	/** Busy and total jiffies so far, or null. */
	static long[] read() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long total = 0;
			// user, nice, system, idle, iowait, irq, softirq, steal; guest time is already in user
			for (int i = 1; i <= Math.min(8, fields.length - 1); i++) {
				total += Long.parseLong(fields[i]);
			}
			// idle and iowait
			long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
			return new long[] { total - idle, total };
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/** The busy share of the CPU between two readings. */
	static double busy(long[] from, long[] to) {
		if (from == null || to == null || to[1] == from[1]) {
			return Double.NaN;
		}
		return (double) (to[0] - from[0]) / (to[1] - from[1]);
	}

}
