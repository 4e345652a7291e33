package dev.assistants4j.model;

import com.fasterxml.jackson.annotation.JsonValue;

import org.springframework.util.Assert;

/**
 * Base of the wire model's open enumerations: a known set of constants that still accepts any value the
 * server sends. A value this version does not know decodes to a new instance that keeps the raw string and
 * serializes back unchanged, so a server that adds a status never breaks the client.
 */
public abstract class OpenEnum {

	private final String value;

	/**
	 * Creates a constant.
	 * @param value the wire value, as the server sent it
	 */
	protected OpenEnum(String value) {
		// Not hasText: a server that sends "" must not fail the whole object this value is part of.
		Assert.notNull(value, "'value' must not be null");
		this.value = value;
	}

	/**
	 * Returns the value exactly as it appears on the wire.
	 * @return the wire value
	 */
	@JsonValue
	public final String value() {
		return this.value;
	}

	@Override
	public final boolean equals(Object other) {
		return (this == other) || (other != null && other.getClass() == getClass()
				&& this.value.equals(((OpenEnum) other).value));
	}

	@Override
	public final int hashCode() {
		return this.value.hashCode();
	}

	@Override
	public final String toString() {
		return this.value;
	}

}
