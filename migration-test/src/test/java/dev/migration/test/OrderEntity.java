package dev.migration.test;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;

/** The entity of {@link TestRevisions}' orders table, but with an id Hibernate generates by default. */
@Entity(name = "Order")
@Table(name = "orders", indexes = @Index(name = "ix_orders_status_total", columnList = "status, total_cents"))
class OrderEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	@Column(nullable = false, columnDefinition = "text")
	@ColumnDefault("'new'")
	String status;

	Long totalCents;

}
