package dev.assistants4j.model.vectorstore;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A file in a vector store. Its id is the id of the uploaded file.
 *
 * @param id the file's id, {@code file-...}
 * @param object always {@code vector_store.file}
 * @param usageBytes bytes the file uses in the vector store, which may differ from its size
 * @param createdAt time in epoch seconds the file was added
 * @param vectorStoreId id of the vector store
 * @param status whether the file is processed
 * @param lastError why the file failed, on a failed file
 * @param chunkingStrategy how the file was chunked: {@code static}, or {@code other} for a file chunked before
 * chunking strategies existed
 * @param attributes up to 16 key-value pairs whose values are strings, numbers or booleans, never
 * {@code null}
 */
public record VectorStoreFile(@Nullable String id, @Nullable String object,
		@JsonProperty("usage_bytes") @Nullable Long usageBytes, @JsonProperty("created_at") @Nullable Long createdAt,
		@JsonProperty("vector_store_id") @Nullable String vectorStoreId, @Nullable VectorStoreFileStatus status,
		@JsonProperty("last_error") @Nullable LastError lastError,
		@JsonProperty("chunking_strategy") @Nullable ChunkingStrategy chunkingStrategy,
		Map<String, Object> attributes) {

	/**
	 * Normalizes absent attributes to an empty map.
	 */
	public VectorStoreFile {
		attributes = (attributes != null) ? attributes : Map.of();
	}

	/**
	 * Returns the time the file was added.
	 * @return that time, or {@code null} if the server did not send it
	 */
	public @Nullable Instant createdAtInstant() {
		return (this.createdAt != null) ? Instant.ofEpochSecond(this.createdAt) : null;
	}

	/**
	 * Why a file failed.
	 *
	 * @param code the kind of failure
	 * @param message what went wrong, for people
	 */
	public record LastError(@Nullable VectorStoreFileErrorCode code, @Nullable String message) {
	}

}
