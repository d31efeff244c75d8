package dev.migration.core.run;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum Flyway stores for a SQL file: CRC-32 of the UTF-8 bytes of its lines without
 * their line ends (and without a byte order mark), read as a signed integer, so a take-over can
 * tell whether a file changed since Flyway ran it.
 */
final class FlywayChecksum {

	private FlywayChecksum() {
	}

	/**
	 * Computes Flyway's checksum of a file's text.
	 * @param text the text
	 * @return the checksum as Flyway's history stores it
	 */
	static int of(String text) {
		String withoutMark = text.startsWith("\uFEFF") ? text.substring(1) : text;
		CRC32 crc = new CRC32();
		// the line ends of BufferedReader.readLine, which Flyway reads the file with: \n, \r and \r\n
		withoutMark.lines().forEach((line) -> crc.update(line.getBytes(StandardCharsets.UTF_8)));
		return (int) crc.getValue();
	}

}
