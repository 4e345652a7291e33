package dev.assistants4j.model;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Cursor and size of a list request: {@code limit}, {@code order}, {@code after} and {@code before}. Only the
 * values that were set are sent; the server applies its own defaults to the rest.
 *
 * @param limit number of objects per page, 1 to 100, or {@code null} for the server's default (20)
 * @param order sort order by creation time, or {@code null} for the server's default (descending)
 * @param after cursor: list objects after this id
 * @param before cursor: list objects before this id
 */
public record ListParams(@Nullable Integer limit, @Nullable SortOrder order, @Nullable String after,
		@Nullable String before) {

	private static final ListParams NONE = new ListParams(null, null, null, null);

	/**
	 * Validates the values.
	 * @throws IllegalArgumentException if {@code limit} is outside 1..100 or a cursor is blank
	 */
	public ListParams {
		Assert.isTrue(limit == null || (limit >= 1 && limit <= 100),
				() -> "'limit' must be between 1 and 100 but was " + limit);
		Assert.isTrue(after == null || !after.isBlank(), "'after' must not be blank");
		Assert.isTrue(before == null || !before.isBlank(), "'before' must not be blank");
	}

	/**
	 * Returns parameters that leave every value to the server.
	 * @return empty list parameters
	 */
	public static ListParams none() {
		return NONE;
	}

	/**
	 * Starts building list parameters.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builder of {@link ListParams}.
	 */
	public static final class Builder extends PagingBuilder<Builder> {

		private Builder() {
		}

		/**
		 * Builds the parameters.
		 * @return the parameters
		 * @throws IllegalArgumentException if a value is out of range
		 */
		public ListParams build() {
			return buildPaging();
		}

	}

}
