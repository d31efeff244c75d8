package dev.migration.test;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes rows before a revision runs, so that the stairway proves the revision against
 * data as a live database would hold it.
 */
@FunctionalInterface
public interface Seed {

	/**
	 * Writes the rows.
	 * @param jdbc the database under test, at the revision's parents
	 */
	void seed(JdbcTemplate jdbc);

}
