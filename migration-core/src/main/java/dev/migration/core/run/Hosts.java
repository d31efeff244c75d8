package dev.migration.core.run;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Names the machine a run happens on, for the history; looked up once. */
final class Hosts {

	private static final String NAME = lookUp();

	private Hosts() {
	}

	static String name() {
		return NAME;
	}

	private static String lookUp() {
		String fromEnvironment = System.getenv("HOSTNAME");
		if (fromEnvironment != null && !fromEnvironment.isBlank()) {
			return fromEnvironment;
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}
