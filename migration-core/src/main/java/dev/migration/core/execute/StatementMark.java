package dev.migration.core.execute;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.migration.core.MigrationException;

/**
 * One statement of a step, by its position among the step's statements and a hash of its
 * text with values inlined, so a rerun can tell whether the statement it is about to run is
 * the one an earlier attempt made permanent.
 *
 * @param ordinal the statement's position in the step, from 0
 * @param hash the hex SHA-256 of its text
 */
public record StatementMark(int ordinal, String hash) {

	/**
	 * Marks a statement.
	 * @param ordinal its position in the step
	 * @param text its text, values inlined
	 * @return the mark
	 */
	public static StatementMark of(int ordinal, String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return new StatementMark(ordinal, HexFormat.of().formatHex(digest));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new MigrationException("SHA-256 is not available in this JVM.", ex);
		}
	}

}
