package dev.migration.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every request of a run in parallel primitive arrays (no object per request): when it was
 * due, its latency from then, its service time from when it was sent, its kind, and whether it
 * failed; errors are also counted by their summary. One client appends to its own log; the
 * logs are merged once the clients have stopped.
 */
final class RequestLog {

	static final byte READ = 0;

	static final byte INSERT = 1;

	static final byte UPDATE = 2;

	private static final byte FAILED = 8;

	private long[] due = new long[1024];

	private int[] latencyMicros = new int[1024];

	private int[] serviceMicros = new int[1024];

	private byte[] flags = new byte[1024];

	private int size;

	private final Map<String, Integer> errors = new TreeMap<>();

	void add(long dueNanos, long latencyNanos, long serviceNanos, byte kind, String error) {
		growIfFull();
		this.due[this.size] = dueNanos;
		this.latencyMicros[this.size] = micros(latencyNanos);
		this.serviceMicros[this.size] = micros(serviceNanos);
		this.flags[this.size] = (byte) (kind | ((error != null) ? FAILED : 0));
		this.size++;
		if (error != null) {
			this.errors.merge(error, 1, Integer::sum);
		}
	}

	/** Merges per-client logs, each in due order, into one in due order. */
	static RequestLog merge(List<RequestLog> logs) {
		RequestLog merged = new RequestLog();
		int[] next = new int[logs.size()];
		while (true) {
			int best = -1;
			for (int i = 0; i < logs.size(); i++) {
				if (next[i] < logs.get(i).size
						&& (best < 0 || logs.get(i).due[next[i]] < logs.get(best).due[next[best]])) {
					best = i;
				}
			}
			if (best < 0) {
				break;
			}
			RequestLog log = logs.get(best);
			int at = next[best]++;
			merged.append(log, at);
		}
		logs.forEach((log) -> log.errors.forEach((error, count) -> merged.errors.merge(error, count, Integer::sum)));
		return merged;
	}

	private void append(RequestLog from, int at) {
		growIfFull();
		this.due[this.size] = from.due[at];
		this.latencyMicros[this.size] = from.latencyMicros[at];
		this.serviceMicros[this.size] = from.serviceMicros[at];
		this.flags[this.size] = from.flags[at];
		this.size++;
	}

	private void growIfFull() {
		if (this.size == this.due.length) {
			int capacity = this.size * 2;
			this.due = Arrays.copyOf(this.due, capacity);
			this.latencyMicros = Arrays.copyOf(this.latencyMicros, capacity);
			this.serviceMicros = Arrays.copyOf(this.serviceMicros, capacity);
			this.flags = Arrays.copyOf(this.flags, capacity);
		}
	}

	int size() {
		return this.size;
	}

	/** When request {@code i} was due, in nanoseconds since the load started. */
	long due(int i) {
		return this.due[i];
	}

	/** Its latency from when it was due, in microseconds. */
	int latencyMicros(int i) {
		return this.latencyMicros[i];
	}

	/** Its service time from when it was sent, in microseconds. */
	int serviceMicros(int i) {
		return this.serviceMicros[i];
	}

	byte kind(int i) {
		return (byte) (this.flags[i] & 7);
	}

	boolean failed(int i) {
		return (this.flags[i] & FAILED) != 0;
	}

	/** Error summaries (SQLState and message, digits masked) with their counts. */
	Map<String, Integer> errors() {
		return this.errors;
	}

	/** The index of the first request due at or after {@code nanos}. */
	int firstDueAt(long nanos) {
		int low = 0;
		int high = this.size;
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (this.due[middle] < nanos) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

	/** Latency statistics of the requests due in {@code [from, to)}. */
	Stats latency(long from, long to) {
		return stats(from, to, this.latencyMicros);
	}

	/** Service time statistics of the requests due in {@code [from, to)}. */
	Stats service(long from, long to) {
		return stats(from, to, this.serviceMicros);
	}

	/** Latency statistics of the requests of one kind due in {@code [from, to)}. */
	Stats latency(long from, long to, byte kind) {
		int start = firstDueAt(from);
		int end = firstDueAt(to);
		int[] window = new int[end - start];
		int count = 0;
		int failures = 0;
		for (int i = start; i < end; i++) {
			if (kind(i) == kind) {
				window[count++] = this.latencyMicros[i];
				failures += failed(i) ? 1 : 0;
			}
		}
		window = Arrays.copyOf(window, count);
		Arrays.sort(window);
		return new Stats(window, failures);
	}

	private Stats stats(long from, long to, int[] values) {
		int start = firstDueAt(from);
		int end = firstDueAt(to);
		int[] window = Arrays.copyOfRange(values, start, end);
		int failures = 0;
		for (int i = start; i < end; i++) {
			failures += failed(i) ? 1 : 0;
		}
		Arrays.sort(window);
		return new Stats(window, failures);
	}

	/**
	 * The longest time within {@code [from, to)} in which no request at all was answered: the
	 * gap every client sees at once when traffic stops.
	 */
	long longestSilenceMicros(long from, long to) {
		long[] answered = new long[this.size];
		int count = 0;
		for (int i = 0; i < this.size; i++) {
			long at = this.due[i] + this.latencyMicros[i] * 1000L;
			if (at >= from && at < to) {
				answered[count++] = at;
			}
		}
		Arrays.sort(answered, 0, count);
		long previous = from;
		long longest = 0;
		for (int i = 0; i < count; i++) {
			longest = Math.max(longest, answered[i] - previous);
			previous = answered[i];
		}
		return Math.max(longest, to - previous) / 1000;
	}

	private static int micros(long nanos) {
		return (int) Math.min(Integer.MAX_VALUE, nanos / 1000);
	}

	/** Sorted values of one window, with its failures. */
	static final class Stats {

		private final int[] sorted;

		private final int failures;

		Stats(int[] sorted, int failures) {
			this.sorted = sorted;
			this.failures = failures;
		}

		int count() {
			return this.sorted.length;
		}

		int failures() {
			return this.failures;
		}

		/** The value at quantile {@code q} (nearest rank), in milliseconds. */
		double millis(double q) {
			if (this.sorted.length == 0) {
				return Double.NaN;
			}
			int rank = (int) Math.ceil(q * this.sorted.length);
			return this.sorted[Math.max(0, Math.min(this.sorted.length - 1, rank - 1))] / 1000.0;
		}

		double maxMillis() {
			return (this.sorted.length == 0) ? Double.NaN : this.sorted[this.sorted.length - 1] / 1000.0;
		}

	}

}
