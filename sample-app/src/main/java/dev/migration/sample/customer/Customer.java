package dev.migration.sample.customer;

import java.time.OffsetDateTime;

/**
 * A customer as the API shows it.
 *
 * @param id the id
 * @param email the unique email
 * @param fullName the name
 * @param country the ISO country code, derived from the email when not given
 * @param createdAt when the customer was created
 */
public record Customer(long id, String email, String fullName, String country, OffsetDateTime createdAt) {

}
