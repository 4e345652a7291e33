package dev.assistants4j.emulator;

import dev.assistants4j.model.vectorstore.FileCounts;
import dev.assistants4j.model.vectorstore.VectorStoreFileBatch;
import dev.assistants4j.model.vectorstore.VectorStoreFileStatus;

/**
 * A batch of files added to a vector store together; its status and counts follow from its files. Guarded by
 * its vector store's monitor.
 */
final class FileBatchState {

	static final String PREFIX = "vsfb_";

	private final String id = Ids.next(PREFIX);

	private final String vectorStoreId;

	private final long createdAt;

	private boolean cancelled;

	FileBatchState(String vectorStoreId, long createdAt) {
		this.vectorStoreId = vectorStoreId;
		this.createdAt = createdAt;
	}

	String id() {
		return this.id;
	}

	void cancel() {
		this.cancelled = true;
	}

	VectorStoreFileBatch toWire(VectorStoreState store) {
		FileCounts counts = store.counts((file) -> this.id.equals(file.batchId()));
		VectorStoreFileStatus status = this.cancelled ? VectorStoreFileStatus.CANCELLED
				: (counts.inProgress() > 0) ? VectorStoreFileStatus.IN_PROGRESS : VectorStoreFileStatus.COMPLETED;
		return new VectorStoreFileBatch(this.id, "vector_store.files_batch", this.createdAt, this.vectorStoreId,
				status, counts);
	}

}
