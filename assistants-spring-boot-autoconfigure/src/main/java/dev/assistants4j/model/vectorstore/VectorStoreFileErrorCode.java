package dev.assistants4j.model.vectorstore;

import com.fasterxml.jackson.annotation.JsonCreator;

import dev.assistants4j.model.OpenEnum;

/**
 * Why a file in a vector store failed: an open enumeration.
 */
public final class VectorStoreFileErrorCode extends OpenEnum {

	/** The server failed. */
	public static final VectorStoreFileErrorCode SERVER_ERROR = new VectorStoreFileErrorCode("server_error");

	/** The file type is not supported by file search. */
	public static final VectorStoreFileErrorCode UNSUPPORTED_FILE = new VectorStoreFileErrorCode("unsupported_file");

	/** The file could not be read. */
	public static final VectorStoreFileErrorCode INVALID_FILE = new VectorStoreFileErrorCode("invalid_file");

	private VectorStoreFileErrorCode(String value) {
		super(value);
	}

	/**
	 * Returns the code for a wire value, known or not.
	 * @param value the wire value
	 * @return the error code
	 */
	@JsonCreator
	public static VectorStoreFileErrorCode of(String value) {
		return new VectorStoreFileErrorCode(value);
	}

}
