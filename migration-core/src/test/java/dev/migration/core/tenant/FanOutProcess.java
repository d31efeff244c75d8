package dev.migration.core.tenant;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import dev.migration.core.ChildJvm;
import dev.migration.testdb.TestDatabase;

/**
 * The {@code main} a test starts in a JVM of its own and kills midway: fans the tenants' history
 * out over {@code t00} and on, two tenants at a time.
 */
public final class FanOutProcess {

	private FanOutProcess() {
	}

	public static void main(String[] args) {
		TestDatabase database = ChildJvm.database(args);
		int count = Integer.parseInt(args[2]);
		List<String> tenants = IntStream.range(0, count).mapToObj((i) -> "t%02d".formatted(i)).toList();
		TenantReport report = TenantFanOut.of(TenantHistory.migrator(database.dataSource())).withParallelism(2)
			.upgrade(tenants, "heads");
		System.out.println(report.counts());
		System.exit(report.complete() ? 0 : 1);
	}

	static Process start(TestDatabase database, int tenants, Path output) throws IOException {
		return ChildJvm.of(FanOutProcess.class, database, Integer.toString(tenants))
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
	}

}
