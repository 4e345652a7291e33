package dev.assistants4j.model.vectorstore;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Request to add an uploaded file to a vector store; also one entry of a file batch that sets each file's
 * own attributes or chunking. Only the values that were set are sent.
 *
 * @param fileId id of the uploaded file
 * @param chunkingStrategy how the file is chunked; the server's {@code auto} strategy when absent
 * @param attributes up to 16 key-value pairs for file search to filter on
 */
public record CreateVectorStoreFileRequest(@JsonProperty("file_id") String fileId,
		@JsonProperty("chunking_strategy") @Nullable ChunkingStrategy chunkingStrategy,
		@Nullable Map<String, Object> attributes) {

	/**
	 * Validates the request.
	 * @throws IllegalArgumentException if {@code fileId} is blank
	 */
	public CreateVectorStoreFileRequest {
		Assert.hasText(fileId, "'fileId' must not be blank");
	}

	/**
	 * Adds a file with the default chunking and no attributes.
	 * @param fileId id of the uploaded file
	 * @return the request
	 */
	public static CreateVectorStoreFileRequest of(String fileId) {
		return new CreateVectorStoreFileRequest(fileId, null, null);
	}

	/**
	 * Starts a request to add the given file.
	 * @param fileId id of the uploaded file
	 * @return a new builder
	 */
	public static Builder builder(String fileId) {
		return new Builder(fileId);
	}

	/**
	 * Builder of {@link CreateVectorStoreFileRequest}.
	 */
	public static final class Builder extends AttributesBuilder<Builder> {

		private final String fileId;

		private @Nullable ChunkingStrategy chunkingStrategy;

		private Builder(String fileId) {
			this.fileId = fileId;
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
		 * @throws IllegalArgumentException if the file id is blank
		 */
		public CreateVectorStoreFileRequest build() {
			return new CreateVectorStoreFileRequest(this.fileId, this.chunkingStrategy, buildAttributes());
		}

	}

}
