package dev.assistants4j.model.vectorstore;

import com.fasterxml.jackson.annotation.JsonCreator;

import dev.assistants4j.model.OpenEnum;

/**
 * The status of a file in a vector store, and of a batch of such files: an open enumeration. Also the filter
 * of a list of vector store files.
 */
public final class VectorStoreFileStatus extends OpenEnum {

	/** The file is still being processed. */
	public static final VectorStoreFileStatus IN_PROGRESS = new VectorStoreFileStatus("in_progress");

	/** The file is processed and ready for file search. */
	public static final VectorStoreFileStatus COMPLETED = new VectorStoreFileStatus("completed");

	/** Processing was cancelled. */
	public static final VectorStoreFileStatus CANCELLED = new VectorStoreFileStatus("cancelled");

	/** Processing failed; see the file's last error. */
	public static final VectorStoreFileStatus FAILED = new VectorStoreFileStatus("failed");

	private VectorStoreFileStatus(String value) {
		super(value);
	}

	/**
	 * Returns the status for a wire value, known or not.
	 * @param value the wire value
	 * @return the status
	 */
	@JsonCreator
	public static VectorStoreFileStatus of(String value) {
		return new VectorStoreFileStatus(value);
	}

}
