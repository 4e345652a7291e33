package dev.assistants4j.emulator;

import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import dev.assistants4j.model.vectorstore.ExpirationPolicy;
import dev.assistants4j.model.vectorstore.FileCounts;
import dev.assistants4j.model.vectorstore.VectorStore;
import dev.assistants4j.model.vectorstore.VectorStoreFileStatus;
import dev.assistants4j.model.vectorstore.VectorStoreStatus;

/**
 * A vector store with its files and file batches. Nothing is embedded: a file is only marked
 * {@code completed} (or {@code failed}, for a type the service cannot search) once a delay has passed. Its
 * monitor guards it, its files and its batches.
 */
final class VectorStoreState {

	static final String PREFIX = "vs_";

	private static final long SECONDS_PER_DAY = 86_400;

	private final String id = Ids.next(PREFIX);

	private final long createdAt;

	private @Nullable String name;

	private final @Nullable String description;

	private @Nullable ExpirationPolicy expiresAfter;

	private Map<String, String> metadata;

	private long lastActiveAt;

	final Table<VectorStoreFileState> files = new Table<>();

	final Table<FileBatchState> batches = new Table<>();

	VectorStoreState(long now, @Nullable String name, @Nullable String description,
			@Nullable ExpirationPolicy expiresAfter, @Nullable Map<String, String> metadata) {
		this.createdAt = now;
		this.lastActiveAt = now;
		this.name = name;
		this.description = description;
		this.expiresAfter = expiresAfter;
		this.metadata = (metadata != null) ? metadata : Map.of();
	}

	String id() {
		return this.id;
	}

	void modify(@Nullable String name, @Nullable ExpirationPolicy expiresAfter,
			@Nullable Map<String, String> metadata, long now) {
		if (name != null) {
			this.name = name;
		}
		if (expiresAfter != null) {
			this.expiresAfter = expiresAfter;
		}
		if (metadata != null) {
			this.metadata = metadata;
		}
		this.lastActiveAt = now;
	}

	/**
	 * Counts the files that pass a filter by status.
	 */
	FileCounts counts(Predicate<VectorStoreFileState> filter) {
		int inProgress = 0;
		int completed = 0;
		int failed = 0;
		int cancelled = 0;
		int total = 0;
		for (VectorStoreFileState file : this.files.values()) {
			if (!filter.test(file)) {
				continue;
			}
			total++;
			VectorStoreFileStatus status = file.status();
			if (VectorStoreFileStatus.IN_PROGRESS.equals(status)) {
				inProgress++;
			}
			else if (VectorStoreFileStatus.COMPLETED.equals(status)) {
				completed++;
			}
			else if (VectorStoreFileStatus.FAILED.equals(status)) {
				failed++;
			}
			else if (VectorStoreFileStatus.CANCELLED.equals(status)) {
				cancelled++;
			}
		}
		return new FileCounts(inProgress, completed, failed, cancelled, total);
	}

	VectorStore toWire(long now) {
		FileCounts counts = counts((file) -> true);
		Long expiresAt = (this.expiresAfter != null && this.expiresAfter.days() != null)
				? this.lastActiveAt + this.expiresAfter.days() * SECONDS_PER_DAY : null;
		VectorStoreStatus status = (expiresAt != null && now >= expiresAt) ? VectorStoreStatus.EXPIRED
				: (counts.inProgress() > 0) ? VectorStoreStatus.IN_PROGRESS : VectorStoreStatus.COMPLETED;
		long usageBytes = this.files.values()
			.stream()
			.filter((file) -> VectorStoreFileStatus.COMPLETED.equals(file.status()))
			.mapToLong(VectorStoreFileState::usageBytes)
			.sum();
		return new VectorStore(this.id, "vector_store", this.createdAt, this.name, this.description, usageBytes,
				counts, status, this.expiresAfter, expiresAt, this.lastActiveAt, this.metadata);
	}

}
