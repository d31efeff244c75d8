package dev.migration.sample.customer;

import java.time.OffsetDateTime;

/**
 * An order as the API shows it.
 *
 * @param id the id
 * @param customerId the customer who placed it
 * @param status open, paid or shipped
 * @param totalCents the total in cents
 * @param placedAt when it was placed
 */
public record Order(long id, long customerId, String status, long totalCents, OffsetDateTime placedAt) {

}
