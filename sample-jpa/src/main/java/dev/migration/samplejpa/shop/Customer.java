package dev.migration.samplejpa.shop;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer of the shop. */
@Entity
@Table(name = "customer")
public class Customer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true)
	private String email;

	private String name;

	@Column(nullable = false)
	private Instant joinedAt;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private LoyaltyTier loyaltyTier = LoyaltyTier.BRONZE;

	protected Customer() {
	}

	public Customer(String email, String name, Instant joinedAt) {
		this.email = email;
		this.name = name;
		this.joinedAt = joinedAt;
	}

	public Long getId() {
		return this.id;
	}

	public String getEmail() {
		return this.email;
	}

	public String getName() {
		return this.name;
	}

	public Instant getJoinedAt() {
		return this.joinedAt;
	}

	public LoyaltyTier getLoyaltyTier() {
		return this.loyaltyTier;
	}

	public void setLoyaltyTier(LoyaltyTier loyaltyTier) {
		this.loyaltyTier = loyaltyTier;
	}

}
