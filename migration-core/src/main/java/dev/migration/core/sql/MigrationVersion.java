package dev.migration.core.sql;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import dev.migration.core.MigrationException;

/**
 * The version of a SQL migration, compared numerically part by part ({@code 1.10} comes after
 * {@code 1.2}); {@code _} and {@code .} both separate parts, as in Flyway.
 *
 * @param parts the numeric parts, leading first
 */
public record MigrationVersion(List<BigInteger> parts) implements Comparable<MigrationVersion> {

	public MigrationVersion {
		parts = List.copyOf(parts);
		if (parts.isEmpty()) {
			throw new MigrationException("A migration version needs at least one number.");
		}
	}

	/**
	 * Parses a version such as {@code 1.2}, {@code 1_2} or {@code 20260101}.
	 * @param text the version text
	 * @return the version
	 * @throws MigrationException when a part is not a number
	 */
	public static MigrationVersion parse(String text) {
		List<BigInteger> parts = new ArrayList<>();
		for (String part : text.replace('_', '.').split("\\.", -1)) {
			if (part.isEmpty() || !part.chars().allMatch(Character::isDigit)) {
				throw new MigrationException("'" + text + "' is no migration version: use numbers separated by '.' "
						+ "or '_', such as 1.2 or 2026_01_15.");
			}
			parts.add(new BigInteger(part));
		}
		return new MigrationVersion(parts);
	}

	@Override
	public int compareTo(MigrationVersion other) {
		int length = Math.max(this.parts.size(), other.parts.size());
		for (int i = 0; i < length; i++) {
			int compared = part(i).compareTo(other.part(i));
			if (compared != 0) {
				return compared;
			}
		}
		return 0;
	}

	private BigInteger part(int index) {
		// 1.0 and 1 are the same version, as in Flyway
		return (index < this.parts.size()) ? this.parts.get(index) : BigInteger.ZERO;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof MigrationVersion version && compareTo(version) == 0;
	}

	@Override
	public int hashCode() {
		int last = this.parts.size();
		while (last > 1 && this.parts.get(last - 1).signum() == 0) {
			last--;
		}
		return this.parts.subList(0, last).hashCode();
	}

	@Override
	public String toString() {
		return String.join(".", this.parts.stream().map(BigInteger::toString).toList());
	}

}
