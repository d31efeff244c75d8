package dev.migration.jpa.generate;

import java.util.ArrayList;
import java.util.List;

import dev.migration.core.scaffold.RevisionBody;

/**
 * A revision autogenerate wrote from a model comparison: its operations, and what the developer
 * must review or write by hand.
 *
 * @param body the class's imports, annotations, Javadoc and upgrade statements
 * @param written how many differences its operations resolve
 * @param reviews what a developer must check before applying it, such as the value a backfill gives existing rows
 * @param unwritten the differences it did not write, each with what to do
 */
public record GeneratedRevision(RevisionBody body, int written, List<String> reviews, List<String> unwritten) {

	public GeneratedRevision {
		reviews = List.copyOf(reviews);
		unwritten = List.copyOf(unwritten);
	}

	/**
	 * Returns whether there was nothing to write: the entities and the revisions agree.
	 * @return whether no difference was found
	 */
	public boolean isEmpty() {
		return this.written == 0 && this.unwritten.isEmpty();
	}

	/**
	 * Describes what the developer must do before applying it, one item a line.
	 * @return the lines, empty when nothing is left to them
	 */
	public List<String> attention() {
		List<String> lines = new ArrayList<>();
		this.reviews.forEach((review) -> lines.add("review: " + review));
		this.unwritten.forEach((item) -> lines.add("not written: " + item));
		return lines;
	}

}
