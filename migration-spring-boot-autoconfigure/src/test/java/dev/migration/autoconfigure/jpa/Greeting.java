package dev.migration.autoconfigure.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An entity whose table only the migrations create. */
@Entity
public class Greeting {

	@Id
	private Long id;

	private String text;

	public Long getId() {
		return this.id;
	}

	public String getText() {
		return this.text;
	}

}
