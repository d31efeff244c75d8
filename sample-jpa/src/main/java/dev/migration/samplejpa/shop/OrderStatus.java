package dev.migration.samplejpa.shop;

/** Where an order stands. */
public enum OrderStatus {

	/** Placed, not yet paid. */
	PLACED,

	/** Paid. */
	PAID,

	/** Shipped to the customer. */
	SHIPPED

}
