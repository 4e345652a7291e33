package dev.assistants4j.model.message;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.assistants4j.model.MetadataBuilder;

/**
 * Request to modify a message: only its metadata can change. An empty request sends {@code {}} and changes
 * nothing.
 *
 * @param metadata up to 16 key-value pairs, replacing the message's metadata
 */
public record ModifyMessageRequest(@Nullable Map<String, String> metadata) {

	/**
	 * Starts an empty request.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builder of {@link ModifyMessageRequest}.
	 */
	public static final class Builder extends MetadataBuilder<Builder> {

		private Builder() {
		}

		/**
		 * Builds the request.
		 * @return the request
		 */
		public ModifyMessageRequest build() {
			return new ModifyMessageRequest(buildMetadata());
		}

	}

}
