package dev.assistants4j.model.vectorstore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Request to add several uploaded files to a vector store at once: either file ids that share one chunking
 * strategy and set of attributes, or entries that each set their own. Only the values that were set are sent.
 *
 * @param fileIds ids of the uploaded files; not with {@code files}
 * @param files one entry per file, with its own chunking and attributes; not with {@code fileIds}
 * @param chunkingStrategy how the files of {@code fileIds} are chunked
 * @param attributes attributes of every file of {@code fileIds}
 */
public record CreateVectorStoreFileBatchRequest(@JsonProperty("file_ids") @Nullable List<String> fileIds,
		@Nullable List<CreateVectorStoreFileRequest> files,
		@JsonProperty("chunking_strategy") @Nullable ChunkingStrategy chunkingStrategy,
		@Nullable Map<String, Object> attributes) {

	/**
	 * Validates the request.
	 * @throws IllegalArgumentException unless exactly one of {@code fileIds} and {@code files} is non-empty
	 */
	public CreateVectorStoreFileBatchRequest {
		boolean hasIds = fileIds != null && !fileIds.isEmpty();
		boolean hasFiles = files != null && !files.isEmpty();
		Assert.isTrue(hasIds != hasFiles, "Exactly one of 'fileIds' and 'files' must be non-empty");
		Assert.isTrue(!hasFiles || (chunkingStrategy == null && attributes == null),
				"'chunkingStrategy' and 'attributes' apply to 'fileIds'; set them on each of 'files' instead");
	}

	/**
	 * Adds the given files with the default chunking and no attributes.
	 * @param fileIds ids of uploaded files
	 * @return the request
	 */
	public static CreateVectorStoreFileBatchRequest of(List<String> fileIds) {
		return builder().fileIds(fileIds).build();
	}

	/**
	 * Starts an empty request; set file ids or files before building it.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builder of {@link CreateVectorStoreFileBatchRequest}.
	 */
	public static final class Builder extends AttributesBuilder<Builder> {

		private @Nullable List<String> fileIds;

		private @Nullable List<CreateVectorStoreFileRequest> files;

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
		 * Adds a file with its own chunking and attributes.
		 * @param file the file, such as {@code CreateVectorStoreFileRequest.of(fileId)}
		 * @return this builder
		 */
		public Builder addFile(CreateVectorStoreFileRequest file) {
			Assert.notNull(file, "'file' must not be null");
			if (this.files == null) {
				this.files = new ArrayList<>();
			}
			this.files.add(file);
			return this;
		}

		/**
		 * Sets {@code chunking_strategy} of the files of {@link #fileIds(List)}.
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
		 * @throws IllegalArgumentException unless exactly one of file ids and files was set
		 */
		public CreateVectorStoreFileBatchRequest build() {
			return new CreateVectorStoreFileBatchRequest((this.fileIds != null) ? List.copyOf(this.fileIds) : null,
					(this.files != null) ? List.copyOf(this.files) : null, this.chunkingStrategy, buildAttributes());
		}

	}

}
