package dev.assistants4j.model.vectorstore;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A vector store: processed files that the {@code file_search} tool searches.
 *
 * @param id the vector store's id, {@code vs_...}
 * @param object always {@code vector_store}
 * @param createdAt creation time in epoch seconds
 * @param name the name
 * @param description what the vector store holds, if the server sends it
 * @param usageBytes bytes used by the files of the vector store
 * @param fileCounts how many files are in each state
 * @param status whether the vector store is ready
 * @param expiresAfter the expiration policy, if any
 * @param expiresAt expiry time in epoch seconds, if the vector store expires
 * @param lastActiveAt time in epoch seconds the vector store was last used
 * @param metadata key-value pairs, never {@code null}
 */
public record VectorStore(@Nullable String id, @Nullable String object,
		@JsonProperty("created_at") @Nullable Long createdAt, @Nullable String name, @Nullable String description,
		@JsonProperty("usage_bytes") @Nullable Long usageBytes,
		@JsonProperty("file_counts") @Nullable FileCounts fileCounts, @Nullable VectorStoreStatus status,
		@JsonProperty("expires_after") @Nullable ExpirationPolicy expiresAfter,
		@JsonProperty("expires_at") @Nullable Long expiresAt,
		@JsonProperty("last_active_at") @Nullable Long lastActiveAt, Map<String, String> metadata) {

	/**
	 * Normalizes absent metadata to an empty map.
	 */
	public VectorStore {
		metadata = (metadata != null) ? metadata : Map.of();
	}

	/**
	 * Returns the creation time.
	 * @return the creation time, or {@code null} if the server did not send it
	 */
	public @Nullable Instant createdAtInstant() {
		return (this.createdAt != null) ? Instant.ofEpochSecond(this.createdAt) : null;
	}

	/**
	 * Returns the expiry time.
	 * @return the expiry time, or {@code null} if the vector store does not expire
	 */
	public @Nullable Instant expiresAtInstant() {
		return (this.expiresAt != null) ? Instant.ofEpochSecond(this.expiresAt) : null;
	}

	/**
	 * Returns the time the vector store was last used.
	 * @return that time, or {@code null} if the server did not send it
	 */
	public @Nullable Instant lastActiveAtInstant() {
		return (this.lastActiveAt != null) ? Instant.ofEpochSecond(this.lastActiveAt) : null;
	}

}
