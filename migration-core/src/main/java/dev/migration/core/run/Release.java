package dev.migration.core.run;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.migration.core.Stage;
import dev.migration.core.catalog.DeclaredRevision;

/**
 * The {@link Stage#CONTRACT contract} revisions an operator has released: none, some by id,
 * or all of them.
 *
 * @param all whether every contract revision is released
 * @param revisions the released revision ids, when not all
 */
public record Release(boolean all, Set<String> revisions) {

	/** The word that releases every contract revision, in {@code migrations.release}. */
	public static final String ALL = "all";

	private static final Release NONE = new Release(false, Set.of());

	public Release {
		revisions = Set.copyOf(revisions);
	}

	/**
	 * Returns a release of no revision.
	 * @return the empty release
	 */
	public static Release none() {
		return NONE;
	}

	/**
	 * Returns a release of every contract revision, for tests and throwaway databases.
	 * @return the release of all
	 */
	public static Release everything() {
		return new Release(true, Set.of());
	}

	/**
	 * Returns the release of the given revision ids; the word {@value #ALL} releases all.
	 * @param revisions the revision ids, blank entries ignored
	 * @return the release
	 */
	public static Release of(Collection<String> revisions) {
		Set<String> ids = new LinkedHashSet<>();
		for (String revision : revisions) {
			if (revision != null && !revision.isBlank()) {
				ids.add(revision.trim());
			}
		}
		if (ids.stream().anyMatch(ALL::equalsIgnoreCase)) {
			return everything();
		}
		return ids.isEmpty() ? NONE : new Release(false, ids);
	}

	/**
	 * Returns whether this releases the revision; only contract revisions need a release.
	 * @param revision the revision
	 * @return whether it may run as far as its stage goes
	 */
	public boolean covers(DeclaredRevision revision) {
		return revision.stage() != Stage.CONTRACT || this.all || this.revisions.contains(revision.id());
	}

	/**
	 * Returns the release of what this and {@code other} release.
	 * @param other another release
	 * @return the union
	 */
	public Release and(Release other) {
		if (this.all || other.all) {
			return everything();
		}
		Set<String> union = new LinkedHashSet<>(this.revisions);
		union.addAll(other.revisions);
		return new Release(false, union);
	}

	/**
	 * Returns whether this releases nothing.
	 * @return whether it is empty
	 */
	public boolean isEmpty() {
		return !this.all && this.revisions.isEmpty();
	}

}
