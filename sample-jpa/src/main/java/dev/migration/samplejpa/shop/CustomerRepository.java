package dev.migration.samplejpa.shop;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Customers by id and by email. */
public interface CustomerRepository extends JpaRepository<Customer, Long> {

	Optional<Customer> findByEmail(String email);

}
