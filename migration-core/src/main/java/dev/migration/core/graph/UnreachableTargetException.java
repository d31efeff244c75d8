package dev.migration.core.graph;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Thrown when a target cannot be reached in the direction asked for, or lies beyond the
 * first or last revision.
 */
public class UnreachableTargetException extends RevisionGraphException {

	private static final long serialVersionUID = 1L;

	private UnreachableTargetException(String message, Collection<String> revisions) {
		super(message, revisions);
	}

	static UnreachableTargetException upgradeMovingDown(String target) {
		return new UnreachableTargetException("Target " + quoted(target)
				+ " moves down from the current revision, which upgrade never does. Run downgrade with target "
				+ quoted(target) + " instead.", List.of());
	}

	static UnreachableTargetException downgradeMovingUp(String target) {
		return new UnreachableTargetException("Target " + quoted(target)
				+ " moves up from the current revision, which downgrade never does. Run upgrade with target "
				+ quoted(target) + " instead.", List.of());
	}

	static UnreachableTargetException downgradeToUnapplied(String target, Set<String> unapplied,
			Set<String> current) {
		String subject = (unapplied.size() == 1) ? "revision " + quoted(unapplied) + " is"
				: "revisions " + quoted(unapplied) + " are";
		return new UnreachableTargetException("Downgrade cannot reach target " + quoted(target) + ": " + subject
				+ " not applied (the database is at " + state(current) + "). Run upgrade with target "
				+ quoted(target) + " instead.", unapplied);
	}

	/**
	 * A walk up that runs out of revisions; {@code from} is {@code 'id'}, {@code base} or a
	 * branch's base, and {@code head} is where the walk stopped, {@code null} when there are
	 * no revisions at all; {@code headTarget} is the target to suggest instead.
	 */
	static UnreachableTargetException pastHead(String target, int steps, String from, String head, int climbed,
			String headTarget) {
		String message = "Target " + quoted(target) + " asks for " + count(steps, "revision") + " above " + from;
		if (head == null) {
			return new UnreachableTargetException(message + ", but there are no revisions.", List.of());
		}
		if (climbed == 0) {
			return new UnreachableTargetException(message + ", but " + quoted(head)
					+ " is a head: nothing revises it.", List.of(head));
		}
		return new UnreachableTargetException(message + ", but head " + quoted(head) + " is only " + climbed
				+ " above it. Use a smaller step, or target " + quoted(headTarget) + ".", List.of(head));
	}

	/**
	 * A walk down that runs out of revisions; {@code from} is where it started, {@code null}
	 * when already at {@code floor}, which is {@code base} or a branch's base.
	 */
	static UnreachableTargetException pastBase(String target, int steps, String from, int depth, String floor,
			String floorTarget) {
		String message = "Target " + quoted(target) + " asks for " + count(steps, "revision") + " below ";
		if (from == null) {
			return new UnreachableTargetException(message + floor + ", but the database is already at " + floor
					+ ". There is nothing below it to downgrade.", List.of());
		}
		return new UnreachableTargetException(message + quoted(from) + ", but " + quoted(from) + " is only " + depth
				+ " above " + floor + ". Use a smaller step, or target " + quoted(floorTarget) + ".", List.of(from));
	}

	private static String state(Set<String> current) {
		return current.isEmpty() ? "base" : quoted(current);
	}

}
