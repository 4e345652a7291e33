package dev.assistants4j.model.vectorstore;

import com.fasterxml.jackson.annotation.JsonCreator;

import dev.assistants4j.model.OpenEnum;

/**
 * The status of a vector store: an open enumeration.
 */
public final class VectorStoreStatus extends OpenEnum {

	/** Files are still being processed. */
	public static final VectorStoreStatus IN_PROGRESS = new VectorStoreStatus("in_progress");

	/** Every file is processed: the vector store is ready for file search. */
	public static final VectorStoreStatus COMPLETED = new VectorStoreStatus("completed");

	/** The vector store expired under its expiration policy. */
	public static final VectorStoreStatus EXPIRED = new VectorStoreStatus("expired");

	private VectorStoreStatus(String value) {
		super(value);
	}

	/**
	 * Returns the status for a wire value, known or not.
	 * @param value the wire value
	 * @return the status
	 */
	@JsonCreator
	public static VectorStoreStatus of(String value) {
		return new VectorStoreStatus(value);
	}

}
