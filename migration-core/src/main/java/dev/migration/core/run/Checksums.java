package dev.migration.core.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import dev.migration.core.catalog.DeclaredRevision;
import dev.migration.core.catalog.Recordings;
import dev.migration.core.dialect.Dialect;
import dev.migration.core.dialect.SqlStatement;
import dev.migration.core.op.Op;
import dev.migration.core.sql.SqlMigration;
import dev.migration.core.sql.SqlScript;

/**
 * Computes the checksum of a revision: SHA-256 of the SQL its upgrade renders, values
 * inlined, without the session settings, so changing a timeout does not change it; for a SQL
 * file, of its normalized text, which needs no parsing.
 */
final class Checksums {

	private static final MessageDigest SHA_256 = newSha256();

	private Checksums() {
	}

	/**
	 * Returns the checksum of the revision's upgrade, or {@code null} when its upgrade reads
	 * the database and so has no fixed SQL.
	 * @param revision the revision
	 * @param dialect the dialect that renders it
	 * @param recordings the recorded ops of the revisions
	 * @return the hex checksum, or {@code null}
	 */
	static String of(DeclaredRevision revision, Dialect dialect, Recordings recordings) {
		if (revision.migration() instanceof SqlMigration sql) {
			// as Flyway's: a versioned file as written, so a new placeholder value is no changed file; a
			// repeatable one as it runs, so a new value runs it again
			SqlScript file = revision.repeatable() ? sql.upgrade() : sql.upgrade().asWritten();
			return HexFormat.of().formatHex(sha256().digest(file.normalizedText().getBytes(StandardCharsets.UTF_8)));
		}
		Optional<List<Op>> recorded = recordings.upgrade(revision);
		if (recorded.isEmpty()) {
			return null;
		}
		List<Op> ops = recorded.get();
		MessageDigest digest = sha256();
		for (Op op : ops) {
			for (SqlStatement statement : dialect.render(op)) {
				digest.update(dialect.inline(statement).getBytes(StandardCharsets.UTF_8));
				digest.update((byte) '\n');
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest sha256() {
		try {
			// a copy of a ready digest skips the provider lookup, once per revision on every start
			return (MessageDigest) SHA_256.clone();
		}
		catch (CloneNotSupportedException ex) {
			return newSha256();
		}
	}

	private static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
