package dev.assistants4j.model.vectorstore;

import java.util.Map;

import org.springframework.util.Assert;

/**
 * Request to replace the attributes of a file in a vector store, the only thing about it that can change.
 *
 * @param attributes the new attributes, up to 16 key-value pairs; empty to remove every attribute
 */
public record ModifyVectorStoreFileRequest(Map<String, Object> attributes) {

	/**
	 * Validates the request.
	 * @throws IllegalArgumentException if {@code attributes} is {@code null}
	 */
	public ModifyVectorStoreFileRequest {
		Assert.notNull(attributes, "'attributes' must be set; an empty map removes every attribute");
	}

	/**
	 * Replaces the attributes with the given ones.
	 * @param attributes pairs whose values are strings, numbers or booleans; empty to remove every attribute
	 * @return the request
	 * @throws IllegalArgumentException if a key is blank or a value is of another type
	 */
	public static ModifyVectorStoreFileRequest of(Map<String, ?> attributes) {
		return builder().attributes(attributes).build();
	}

	/**
	 * Starts a request; set the attributes before building it.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builder of {@link ModifyVectorStoreFileRequest}.
	 */
	public static final class Builder extends AttributesBuilder<Builder> {

		private Builder() {
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException if no attributes were set
		 */
		public ModifyVectorStoreFileRequest build() {
			return new ModifyVectorStoreFileRequest(buildAttributes());
		}

	}

}
