package dev.migration.samplejpa.shop;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An order a customer placed. */
@Entity
@Table(name = "purchase_order", indexes = @Index(name = "ix_purchase_order_placed_at", columnList = "placed_at"))
public class PurchaseOrder {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(optional = false)
	private Customer customer;

	@Column(nullable = false, precision = 12, scale = 2)
	private BigDecimal total;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private OrderStatus status;

	@Column(nullable = false)
	private Instant placedAt;

	protected PurchaseOrder() {
	}

	public PurchaseOrder(Customer customer, BigDecimal total, OrderStatus status, Instant placedAt) {
		this.customer = customer;
		this.total = total;
		this.status = status;
		this.placedAt = placedAt;
	}

	public Long getId() {
		return this.id;
	}

	public Customer getCustomer() {
		return this.customer;
	}

	public BigDecimal getTotal() {
		return this.total;
	}

	public OrderStatus getStatus() {
		return this.status;
	}

	public Instant getPlacedAt() {
		return this.placedAt;
	}

}
