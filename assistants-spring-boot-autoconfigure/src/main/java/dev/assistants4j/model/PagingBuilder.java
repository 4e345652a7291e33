package dev.assistants4j.model;

import org.jspecify.annotations.Nullable;

/**
 * Base of the builders of list parameters: the page size, order and cursors that every list request takes.
 * Only the values that were set are sent.
 *
 * @param <B> the type of the concrete builder
 */
public abstract class PagingBuilder<B extends PagingBuilder<B>> {

	private @Nullable Integer limit;

	private @Nullable SortOrder order;

	private @Nullable String after;

	private @Nullable String before;

	/**
	 * Creates a builder that leaves every value to the server.
	 */
	protected PagingBuilder() {
	}

	/**
	 * Sets the page size.
	 * @param limit 1 to 100
	 * @return this builder
	 */
	public B limit(int limit) {
		this.limit = limit;
		return self();
	}

	/**
	 * Sets the sort order.
	 * @param order the order
	 * @return this builder
	 */
	public B order(SortOrder order) {
		this.order = order;
		return self();
	}

	/**
	 * Lists objects after this id.
	 * @param after an object id
	 * @return this builder
	 */
	public B after(String after) {
		this.after = after;
		return self();
	}

	/**
	 * Lists objects before this id.
	 * @param before an object id
	 * @return this builder
	 */
	public B before(String before) {
		this.before = before;
		return self();
	}

	/**
	 * Returns the paging set so far, for the parameters being built.
	 * @return the paging
	 * @throws IllegalArgumentException if a value is out of range or blank
	 */
	protected ListParams buildPaging() {
		return new ListParams(this.limit, this.order, this.after, this.before);
	}

	@SuppressWarnings("unchecked")
	private B self() {
		return (B) this;
	}

}
