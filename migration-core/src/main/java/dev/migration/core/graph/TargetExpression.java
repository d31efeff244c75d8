package dev.migration.core.graph;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target as written, parsed into its form before any revision is looked up.
 */
sealed interface TargetExpression {

	/**
	 * Returns how many revisions this target moves from the database's current state, up
	 * when positive and down when negative, or {@code 0} when it names a place instead.
	 * @return the signed step from the current state
	 */
	default int stepsFromCurrent() {
		return 0;
	}

	/** Every head. */
	record Heads() implements TargetExpression {
	}

	/** The one head. */
	record Head() implements TargetExpression {
	}

	/** Nothing applied. */
	record Base() implements TargetExpression {
	}

	/** A revision id, a unique id prefix or a branch label. */
	record Named(String reference) implements TargetExpression {
	}

	/** {@code branch@head}: the one head descending from the branch's revision. */
	record BranchHead(String branch) implements TargetExpression {
	}

	/** {@code branch@base}: none of the branch applied. */
	record BranchBase(String branch) implements TargetExpression {
	}

	/** {@code rev+N} or {@code rev-N}: a walk from a named revision. */
	record FromRevision(String reference, int steps) implements TargetExpression {
	}

	/** {@code +N} or {@code -N}: a walk from the current revision. */
	record FromCurrent(int steps) implements TargetExpression {

		@Override
		public int stepsFromCurrent() {
			return this.steps;
		}

	}

	/** {@code branch@+N} or {@code branch@-N}: a walk from the branch's current revision. */
	record FromBranch(String branch, int steps) implements TargetExpression {

		@Override
		public int stepsFromCurrent() {
			return this.steps;
		}

	}

	/** A signed step such as {@code +2}. */
	Pattern STEP = Pattern.compile("[+-]\\d+");

	/** A revision followed by a signed step, such as {@code ab12-2}. */
	Pattern REVISION_STEP = Pattern.compile("(.+?)([+-]\\d+)");

	/**
	 * Parses a target. Ids may contain {@code '+'} and {@code '-'}, so text that is a known id,
	 * label or id prefix is taken as such before it is read as {@code rev+N} or {@code rev-N}.
	 * @param target the target as written, surrounding whitespace ignored
	 * @param isReference whether a text is an id, a label or an id prefix in the graph
	 * @return the parsed target
	 */
	static TargetExpression parse(String target, Predicate<String> isReference) {
		if (target == null || target.isBlank()) {
			throw new InvalidTargetException("The target is blank. Use 'heads', 'head', 'base', a revision id or "
					+ "unique prefix, 'label@head', 'label@base', or a relative step such as '+1' or '-1'.");
		}
		String text = target.strip();
		if (text.chars().anyMatch((c) -> c == ',' || Character.isWhitespace(c))) {
			throw new InvalidTargetException("Target '" + text + "' is not a single target: it contains a comma "
					+ "or whitespace. Name one revision, or use 'heads' to reach every head.");
		}
		switch (text) {
			case "heads":
				return new Heads();
			case "head":
				return new Head();
			case "base":
				return new Base();
			default:
				return parseOther(text, isReference);
		}
	}

	private static TargetExpression parseOther(String text, Predicate<String> isReference) {
		if (STEP.matcher(text).matches()) {
			return new FromCurrent(steps(text, text));
		}
		int at = text.indexOf('@');
		if (at >= 0) {
			return parseBranch(text, text.substring(0, at), text.substring(at + 1));
		}
		Matcher revisionStep = REVISION_STEP.matcher(text);
		if (!isReference.test(text) && revisionStep.matches()) {
			return new FromRevision(revisionStep.group(1), steps(text, revisionStep.group(2)));
		}
		return new Named(text);
	}

	private static TargetExpression parseBranch(String text, String branch, String position) {
		if (branch.isEmpty()) {
			throw new InvalidTargetException("Target '" + text + "' has no branch label before '@'. Write it as "
					+ "'label" + text + "'.");
		}
		if (position.equals("head")) {
			return new BranchHead(branch);
		}
		if (position.equals("base")) {
			return new BranchBase(branch);
		}
		if (STEP.matcher(position).matches()) {
			return new FromBranch(branch, steps(text, position));
		}
		throw new InvalidTargetException("Target '" + text + "' is not valid: after '@' write 'head', 'base' or a "
				+ "step such as '+1'.");
	}

	private static int steps(String text, String signed) {
		int steps;
		try {
			steps = Integer.parseInt(signed);
		}
		catch (NumberFormatException ex) {
			throw new InvalidTargetException("Target '" + text + "' moves too many revisions. Use a smaller step.");
		}
		if (steps == 0) {
			throw new InvalidTargetException("Target '" + text + "' moves zero revisions. Use a step of 1 or more.");
		}
		return steps;
	}

}
