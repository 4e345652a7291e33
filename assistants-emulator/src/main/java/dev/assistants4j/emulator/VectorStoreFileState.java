package dev.assistants4j.emulator;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.assistants4j.model.vectorstore.ChunkingStrategy;
import dev.assistants4j.model.vectorstore.VectorStoreFile;
import dev.assistants4j.model.vectorstore.VectorStoreFileStatus;

/**
 * A file of a vector store, {@code in_progress} until its indexing delay has passed. Its id is the file's.
 * Guarded by its vector store's monitor.
 */
final class VectorStoreFileState {

	private final String fileId;

	private final String vectorStoreId;

	private final long createdAt;

	private final long bytes;

	private final ChunkingStrategy chunkingStrategy;

	private final @Nullable String batchId;

	private Map<String, Object> attributes;

	private VectorStoreFileStatus status = VectorStoreFileStatus.IN_PROGRESS;

	private VectorStoreFile.@Nullable LastError lastError;

	VectorStoreFileState(String fileId, String vectorStoreId, long createdAt, long bytes,
			ChunkingStrategy chunkingStrategy, @Nullable Map<String, Object> attributes, @Nullable String batchId) {
		this.fileId = fileId;
		this.vectorStoreId = vectorStoreId;
		this.createdAt = createdAt;
		this.bytes = bytes;
		this.chunkingStrategy = chunkingStrategy;
		this.attributes = (attributes != null) ? attributes : Map.of();
		this.batchId = batchId;
	}

	String fileId() {
		return this.fileId;
	}

	@Nullable String batchId() {
		return this.batchId;
	}

	VectorStoreFileStatus status() {
		return this.status;
	}

	long usageBytes() {
		return this.bytes;
	}

	void attributes(Map<String, Object> attributes) {
		this.attributes = attributes;
	}

	/**
	 * Ends the file's indexing, unless it already ended (cancelled with its batch).
	 */
	void index(VectorStoreFile.@Nullable LastError failure) {
		if (VectorStoreFileStatus.IN_PROGRESS.equals(this.status)) {
			this.status = (failure != null) ? VectorStoreFileStatus.FAILED : VectorStoreFileStatus.COMPLETED;
			this.lastError = failure;
		}
	}

	void cancel() {
		if (VectorStoreFileStatus.IN_PROGRESS.equals(this.status)) {
			this.status = VectorStoreFileStatus.CANCELLED;
		}
	}

	VectorStoreFile toWire() {
		boolean indexed = VectorStoreFileStatus.COMPLETED.equals(this.status);
		return new VectorStoreFile(this.fileId, "vector_store.file", indexed ? this.bytes : 0, this.createdAt,
				this.vectorStoreId, this.status, this.lastError, this.chunkingStrategy, this.attributes);
	}

}
