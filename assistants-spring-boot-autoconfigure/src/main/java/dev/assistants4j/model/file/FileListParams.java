package dev.assistants4j.model.file;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.assistants4j.model.ListParams;

/**
 * Parameters of a list of files: the page size, order and cursor of every list, and a purpose. Only the values
 * that were set are sent. Without a page size the server sends up to 10,000 files a page, not 20 as for the
 * other lists; files have no {@code before} cursor, and servers ignore one.
 *
 * @param paging page size, order and cursor
 * @param purpose list only the files with this purpose, or {@code null} for every file
 */
public record FileListParams(ListParams paging, @Nullable FilePurpose purpose) {

	private static final FileListParams NONE = new FileListParams(ListParams.none(), null);

	/**
	 * Validates the values.
	 * @throws IllegalArgumentException if {@code paging} is {@code null}
	 */
	public FileListParams {
		Assert.notNull(paging, "'paging' must not be null");
	}

	/**
	 * Returns parameters that leave every value to the server.
	 * @return empty list parameters
	 */
	public static FileListParams none() {
		return NONE;
	}

	/**
	 * Returns parameters that list only the files with the given purpose.
	 * @param purpose the purpose, such as {@link FilePurpose#ASSISTANTS}
	 * @return list parameters
	 */
	public static FileListParams purpose(FilePurpose purpose) {
		Assert.notNull(purpose, "'purpose' must not be null");
		return new FileListParams(ListParams.none(), purpose);
	}

}
