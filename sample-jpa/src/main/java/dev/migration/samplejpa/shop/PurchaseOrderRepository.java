package dev.migration.samplejpa.shop;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Orders by id and by customer. */
public interface PurchaseOrderRepository extends JpaRepository<PurchaseOrder, Long> {

	List<PurchaseOrder> findByCustomerOrderByPlacedAtDesc(Customer customer);

}
