package dev.assistants4j.model;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Base of the builders of requests that carry metadata: up to 16 key-value pairs, keys at most 64 characters
 * and values at most 512. Metadata is sent only when it was set, so that a modify request never wipes it.
 *
 * @param <B> the type of the concrete builder
 */
public abstract class MetadataBuilder<B extends MetadataBuilder<B>> {

	private @Nullable Map<String, String> metadata;

	/**
	 * Creates a builder without metadata.
	 */
	protected MetadataBuilder() {
	}

	/**
	 * Sets the metadata, replacing any set before.
	 * @param metadata up to 16 key-value pairs
	 * @return this builder
	 */
	public B metadata(Map<String, String> metadata) {
		Assert.notNull(metadata, "'metadata' must not be null");
		this.metadata = new LinkedHashMap<>(metadata);
		return self();
	}

	/**
	 * Adds one metadata entry.
	 * @param key the key, at most 64 characters
	 * @param value the value, at most 512 characters
	 * @return this builder
	 */
	public B putMetadata(String key, String value) {
		Assert.hasText(key, "'key' must not be blank");
		Assert.notNull(value, "'value' must not be null");
		if (this.metadata == null) {
			this.metadata = new LinkedHashMap<>();
		}
		this.metadata.put(key, value);
		return self();
	}

	/**
	 * Returns the metadata set so far, for the request being built.
	 * @return an unmodifiable copy, or {@code null} if no metadata was set
	 */
	protected @Nullable Map<String, String> buildMetadata() {
		return (this.metadata != null) ? Map.copyOf(this.metadata) : null;
	}

	@SuppressWarnings("unchecked")
	private B self() {
		return (B) this;
	}

}
