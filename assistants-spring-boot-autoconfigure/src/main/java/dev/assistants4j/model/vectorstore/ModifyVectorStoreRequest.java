package dev.assistants4j.model.vectorstore;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import dev.assistants4j.model.MetadataBuilder;

/**
 * Request to modify a vector store: only the values that were set are sent, so everything else stays as the
 * server has it. An empty request sends {@code {}} and changes nothing.
 *
 * @param name the new name
 * @param expiresAfter the new expiration policy
 * @param metadata up to 16 key-value pairs, replacing the vector store's metadata
 */
public record ModifyVectorStoreRequest(@Nullable String name,
		@JsonProperty("expires_after") @Nullable ExpirationPolicy expiresAfter,
		@Nullable Map<String, String> metadata) {

	/**
	 * Starts an empty request.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builder of {@link ModifyVectorStoreRequest}.
	 */
	public static final class Builder extends MetadataBuilder<Builder> {

		private @Nullable String name;

		private @Nullable ExpirationPolicy expiresAfter;

		private Builder() {
		}

		/**
		 * Sets {@code name}.
		 * @param name the new name
		 * @return this builder
		 */
		public Builder name(String name) {
			this.name = name;
			return this;
		}

		/**
		 * Sets {@code expires_after}.
		 * @param expiresAfter the new policy
		 * @return this builder
		 */
		public Builder expiresAfter(ExpirationPolicy expiresAfter) {
			this.expiresAfter = expiresAfter;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 */
		public ModifyVectorStoreRequest build() {
			return new ModifyVectorStoreRequest(this.name, this.expiresAfter, buildMetadata());
		}

	}

}
