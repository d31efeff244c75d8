package dev.migration.slices;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A book, as Spring Data JDBC maps it.
 *
 * @param id the id, given by the database
 * @param title the title
 */
@Table("book")
public record Book(@Id Long id, String title) {

}
