package dev.assistants4j.model.vectorstore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.assistants4j.model.MetadataBuilder;

/**
 * Request to create a vector store, empty or with files. Only the values that were set are sent; an empty
 * request sends {@code {}}.
 *
 * @param fileIds ids of uploaded files to add
 * @param name the name
 * @param description what the vector store holds
 * @param expiresAfter when the vector store expires
 * @param chunkingStrategy how the files are chunked; the server's {@code auto} strategy when absent
 * @param metadata up to 16 key-value pairs
 */
public record CreateVectorStoreRequest(@JsonProperty("file_ids") @Nullable List<String> fileIds,
		@Nullable String name, @Nullable String description,
		@JsonProperty("expires_after") @Nullable ExpirationPolicy expiresAfter,
		@JsonProperty("chunking_strategy") @Nullable ChunkingStrategy chunkingStrategy,
		@Nullable Map<String, String> metadata) {

	/**
	 * Starts an empty request.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builder of {@link CreateVectorStoreRequest}.
	 */
	public static final class Builder extends MetadataBuilder<Builder> {

		private @Nullable List<String> fileIds;

		private @Nullable String name;

		private @Nullable String description;

		private @Nullable ExpirationPolicy expiresAfter;

		private @Nullable ChunkingStrategy chunkingStrategy;

		private Builder() {
		}

		/**
		 * Sets the ids of the files to add, replacing any set before.
		 * @param fileIds ids of uploaded files
		 * @return this builder
		 */
		public Builder fileIds(List<String> fileIds) {
			Assert.notNull(fileIds, "'fileIds' must not be null");
			Assert.noNullElements(fileIds, "'fileIds' must not contain null elements");
			this.fileIds = new ArrayList<>(fileIds);
			return this;
		}

		/**
		 * Sets {@code name}.
		 * @param name the name
		 * @return this builder
		 */
		public Builder name(String name) {
			this.name = name;
			return this;
		}

		/**
		 * Sets {@code description}.
		 * @param description what the vector store holds
		 * @return this builder
		 */
		public Builder description(String description) {
			this.description = description;
			return this;
		}

		/**
		 * Sets {@code expires_after}.
		 * @param expiresAfter the policy, such as {@code ExpirationPolicy.afterLastActive(7)}
		 * @return this builder
		 */
		public Builder expiresAfter(ExpirationPolicy expiresAfter) {
			this.expiresAfter = expiresAfter;
			return this;
		}

		/**
		 * Sets {@code chunking_strategy}.
		 * @param chunkingStrategy {@link ChunkingStrategy#auto()} or {@link ChunkingStrategy#fixed(int, int)}
		 * @return this builder
		 */
		public Builder chunkingStrategy(ChunkingStrategy chunkingStrategy) {
			this.chunkingStrategy = chunkingStrategy;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 */
		public CreateVectorStoreRequest build() {
			return new CreateVectorStoreRequest((this.fileIds != null) ? List.copyOf(this.fileIds) : null, this.name,
					this.description, this.expiresAfter, this.chunkingStrategy, buildMetadata());
		}

	}

}
