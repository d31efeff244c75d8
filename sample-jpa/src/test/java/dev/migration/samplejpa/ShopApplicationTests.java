package dev.migration.samplejpa;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migration.samplejpa.shop.Customer;
import dev.migration.samplejpa.shop.CustomerRepository;
import dev.migration.samplejpa.shop.LoyaltyTier;
import dev.migration.samplejpa.shop.OrderStatus;
import dev.migration.samplejpa.shop.PurchaseOrder;
import dev.migration.samplejpa.shop.PurchaseOrderRepository;
import dev.migration.testdb.TestDatabase;
import dev.migration.testdb.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/** The application starts on a database its revisions made, which Hibernate validates, and keeps orders. */
@SpringBootTest
class ShopApplicationTests {

	private static final TestDatabase DATABASE = TestDatabaseServer.get().createDatabase("shop_app");

	@Autowired
	private CustomerRepository customers;

	@Autowired
	private PurchaseOrderRepository orders;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", DATABASE::url);
		registry.add("spring.datasource.username", DATABASE::user);
		registry.add("spring.datasource.password", DATABASE::password);
	}

	@AfterAll
	static void drop() {
		TestDatabaseServer.get().dropDatabase(DATABASE);
	}

	@Test
	void customersAndTheirOrdersAreKept() {
		Customer customer = this.customers.save(new Customer("ada@example.com", "Ada", Instant.now()));
		this.orders.save(new PurchaseOrder(customer, new BigDecimal("12.50"), OrderStatus.PLACED, Instant.now()));
		Customer found = this.customers.findByEmail("ada@example.com").orElseThrow();
		assertThat(found.getLoyaltyTier()).isEqualTo(LoyaltyTier.BRONZE);
		assertThat(this.orders.findByCustomerOrderByPlacedAtDesc(found)).extracting(PurchaseOrder::getTotal)
			.containsExactly(new BigDecimal("12.50"));
	}

}
