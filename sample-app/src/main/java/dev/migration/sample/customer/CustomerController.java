package dev.migration.sample.customer;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The customers and orders API, on the schema the revisions build. */
@RestController
@RequestMapping("/customers")
class CustomerController {

	private static final String CUSTOMER_COLUMNS = "id, email, full_name, country, created_at";

	private final JdbcClient jdbc;

	CustomerController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping
	List<Customer> customers() {
		return this.jdbc.sql("SELECT " + CUSTOMER_COLUMNS + " FROM customer ORDER BY id").query(Customer.class).list();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Customer create(@RequestBody NewCustomer customer) {
		return this.jdbc
			.sql("INSERT INTO customer (email, full_name, country) VALUES (:email, :fullName, coalesce(:country, 'ZZ')) "
					+ "RETURNING " + CUSTOMER_COLUMNS)
			.param("email", customer.email())
			.param("fullName", customer.fullName())
			.param("country", customer.country())
			.query(Customer.class)
			.single();
	}

	@GetMapping("/{id}/orders")
	List<Order> orders(@PathVariable long id) {
		return this.jdbc.sql("SELECT id, customer_id, status::text, total_cents, placed_at FROM orders "
				+ "WHERE customer_id = :id ORDER BY id").param("id", id).query(Order.class).list();
	}

	@PostMapping("/{id}/orders")
	@ResponseStatus(HttpStatus.CREATED)
	Order placeOrder(@PathVariable long id, @RequestBody NewOrder order) {
		return this.jdbc
			.sql("INSERT INTO orders (customer_id, total_cents) VALUES (:id, :totalCents) "
					+ "RETURNING id, customer_id, status::text, total_cents, placed_at")
			.param("id", id)
			.param("totalCents", order.totalCents())
			.query(Order.class)
			.single();
	}

	/**
	 * A customer to create.
	 *
	 * @param email the unique email
	 * @param fullName the name
	 * @param country the ISO country code, or {@code null}
	 */
	record NewCustomer(String email, String fullName, String country) {

	}

	/**
	 * An order to place.
	 *
	 * @param totalCents the total in cents
	 */
	record NewOrder(long totalCents) {

	}

}
