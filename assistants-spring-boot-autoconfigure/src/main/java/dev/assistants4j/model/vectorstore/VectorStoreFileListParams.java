package dev.assistants4j.model.vectorstore;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.assistants4j.model.ListParams;

/**
 * Parameters of a list of the files of a vector store or of a file batch: the page size, order and cursors of
 * every list, and a status filter. Only the values that were set are sent.
 *
 * @param paging page size, order and cursors
 * @param filter list only the files with this status, or {@code null} for every file
 */
public record VectorStoreFileListParams(ListParams paging, @Nullable VectorStoreFileStatus filter) {

	private static final VectorStoreFileListParams NONE = new VectorStoreFileListParams(ListParams.none(), null);

	/**
	 * Validates the values.
	 * @throws IllegalArgumentException if {@code paging} is {@code null}
	 */
	public VectorStoreFileListParams {
		Assert.notNull(paging, "'paging' must not be null");
	}

	/**
	 * Returns parameters that leave every value to the server.
	 * @return empty list parameters
	 */
	public static VectorStoreFileListParams none() {
		return NONE;
	}

	/**
	 * Returns parameters that list only the files with the given status, such as
	 * {@link VectorStoreFileStatus#FAILED}.
	 * @param status the status
	 * @return list parameters
	 */
	public static VectorStoreFileListParams filter(VectorStoreFileStatus status) {
		Assert.notNull(status, "'status' must not be null");
		return new VectorStoreFileListParams(ListParams.none(), status);
	}

}
