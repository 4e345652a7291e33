package dev.assistants4j.model.vectorstore;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Base of the builders of requests that carry the attributes of vector store files: up to 16 key-value pairs
 * whose values are strings, numbers or booleans, which file search can filter on. Attributes are sent only
 * when they were set.
 *
 * @param <B> the type of the concrete builder
 */
public abstract class AttributesBuilder<B extends AttributesBuilder<B>> {

	private @Nullable Map<String, Object> attributes;

	/**
	 * Creates a builder without attributes.
	 */
	protected AttributesBuilder() {
	}

	/**
	 * Sets the attributes, replacing any set before.
	 * @param attributes up to 16 pairs whose values are strings, numbers or booleans
	 * @return this builder
	 * @throws IllegalArgumentException if a key is blank or a value is of another type
	 */
	public B attributes(Map<String, ?> attributes) {
		Assert.notNull(attributes, "'attributes' must not be null");
		this.attributes = new LinkedHashMap<>();
		attributes.forEach(this::put);
		return self();
	}

	/**
	 * Adds a string attribute.
	 * @param key the key, at most 64 characters
	 * @param value the value, at most 512 characters
	 * @return this builder
	 */
	public B putAttribute(String key, String value) {
		return put(key, value);
	}

	/**
	 * Adds a number attribute.
	 * @param key the key, at most 64 characters
	 * @param value the value
	 * @return this builder
	 */
	public B putAttribute(String key, Number value) {
		return put(key, value);
	}

	/**
	 * Adds a boolean attribute.
	 * @param key the key, at most 64 characters
	 * @param value the value
	 * @return this builder
	 */
	public B putAttribute(String key, boolean value) {
		return put(key, value);
	}

	/**
	 * Returns the attributes set so far, for the request being built.
	 * @return an unmodifiable copy, or {@code null} if no attributes were set
	 */
	protected @Nullable Map<String, Object> buildAttributes() {
		return (this.attributes != null) ? Map.copyOf(this.attributes) : null;
	}

	private B put(String key, @Nullable Object value) {
		Assert.hasText(key, "'key' must not be blank");
		Assert.isTrue(value instanceof String || value instanceof Number || value instanceof Boolean,
				() -> "Attribute '" + key + "' must be a string, a number or a boolean but was " + value);
		if (this.attributes == null) {
			this.attributes = new LinkedHashMap<>();
		}
		this.attributes.put(key, value);
		return self();
	}

	@SuppressWarnings("unchecked")
	private B self() {
		return (B) this;
	}

}
