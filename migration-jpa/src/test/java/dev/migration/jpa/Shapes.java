package dev.migration.jpa;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Entity shapes that trip other generators, each matched by a hand-written revision. */
final class Shapes {

	private Shapes() {
	}

	enum Status {
		NEW, PAID
	}

	@Embeddable
	static class Address {

		String street;

		@Column(name = "zip_code", length = 10)
		String zip;

	}

	@Entity(name = "Customer")
	@Table(name = "customer",
			indexes = { @Index(columnList = "email"), @Index(name = "ix_customer_name", columnList = "full_name") },
			uniqueConstraints = { @UniqueConstraint(columnNames = "external_ref"),
					@UniqueConstraint(name = "uk_customer_code", columnNames = { "code", "region" }) })
	static class Customer {

		@Id
		@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
		@SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 20)
		Long id;

		@Version
		int version;

		@Column(nullable = false)
		String email;

		String fullName;

		UUID externalRef;

		String code;

		String region;

		@Enumerated(EnumType.STRING)
		Status status;

		@Enumerated(EnumType.ORDINAL)
		Status ordinalStatus;

		@Embedded
		Address address;

		@Column(precision = 12, scale = 2)
		BigDecimal balance;

		LocalDateTime createdLocal;

		OffsetDateTime createdOffset;

		Instant createdInstant;

		@Lob
		String notes;

		@Lob
		byte[] photo;

		@JdbcTypeCode(SqlTypes.JSON)
		Map<String, Object> preferences;

		@Column(columnDefinition = "text not null default 'x'")
		String defined;

		@ElementCollection
		Set<String> tags;

	}

	@Entity(name = "Doc")
	static class Doc {

		@Id
		UUID id;

		@ManyToOne
		Customer owner;

	}

	@Entity(name = "Animal")
	@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
	static class Animal {

		@Id
		@GeneratedValue(strategy = GenerationType.IDENTITY)
		Long id;

		String name;

	}

	@Entity(name = "Dog")
	@DiscriminatorValue("dog")
	static class Dog extends Animal {

		boolean goodBoy;

	}

	@Entity(name = "Vehicle")
	@Inheritance(strategy = InheritanceType.JOINED)
	static class Vehicle {

		@Id
		@GeneratedValue
		Long id;

		int wheels;

	}

	@Entity(name = "Car")
	static class Car extends Vehicle {

		String plate;

	}

}
