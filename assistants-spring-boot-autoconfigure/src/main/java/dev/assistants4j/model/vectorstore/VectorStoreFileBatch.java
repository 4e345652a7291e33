package dev.assistants4j.model.vectorstore;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A batch of files added to a vector store together.
 *
 * @param id the batch's id, {@code vsfb_...}
 * @param object {@code vector_store.files_batch}
 * @param createdAt creation time in epoch seconds
 * @param vectorStoreId id of the vector store
 * @param status whether the batch is processed
 * @param fileCounts how many files of the batch are in each state
 */
public record VectorStoreFileBatch(@Nullable String id, @Nullable String object,
		@JsonProperty("created_at") @Nullable Long createdAt,
		@JsonProperty("vector_store_id") @Nullable String vectorStoreId, @Nullable VectorStoreFileStatus status,
		@JsonProperty("file_counts") @Nullable FileCounts fileCounts) {

	/**
	 * Returns the creation time.
	 * @return the creation time, or {@code null} if the server did not send it
	 */
	public @Nullable Instant createdAtInstant() {
		return (this.createdAt != null) ? Instant.ofEpochSecond(this.createdAt) : null;
	}

}
