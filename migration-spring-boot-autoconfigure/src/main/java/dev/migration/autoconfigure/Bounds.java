package dev.migration.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Checks of property values as they are bound, so a value out of range stops the start with
 * Boot's report naming the property, its value and what it must be.
 */
final class Bounds {

	private Bounds() {
	}

	static void atLeast(String property, long value, long least) {
		if (value < least) {
			throw new InvalidConfigurationPropertyValueException(property, value, "It must be " + least + " or more.");
		}
	}

	static void positive(String property, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new InvalidConfigurationPropertyValueException(property, shown(value),
					"It must be a duration above zero, such as 1s or 500ms.");
		}
	}

	static void notNegative(String property, Duration value) {
		if (value == null || value.isNegative()) {
			throw new InvalidConfigurationPropertyValueException(property, shown(value),
					"It must be a duration of zero or more, such as 1s or 500ms.");
		}
	}

	/** As a property would be written, not as {@code PT-0.005S}. */
	private static String shown(Duration value) {
		return (value != null) ? value.toMillis() + "ms" : null;
	}

}
