package dev.assistants4j.model.message;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.SortOrder;

/**
 * Parameters of a list of messages: the page size, order and cursors of every list, and the run that created
 * the messages. Only the values that were set are sent.
 *
 * @param paging page size, order and cursors
 * @param runId list only the messages this run created, or {@code null} for every message
 */
public record MessageListParams(ListParams paging, @Nullable String runId) {

	private static final MessageListParams NONE = new MessageListParams(ListParams.none(), null);

	/**
	 * Validates the values.
	 * @throws IllegalArgumentException if {@code paging} is {@code null} or {@code runId} is blank
	 */
	public MessageListParams {
		Assert.notNull(paging, "'paging' must not be null");
		Assert.isTrue(runId == null || !runId.isBlank(), "'runId' must not be blank");
	}

	/**
	 * Returns parameters that leave every value to the server.
	 * @return empty list parameters
	 */
	public static MessageListParams none() {
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
	 * Builder of {@link MessageListParams}.
	 */
	public static final class Builder {

		private final ListParams.Builder paging = ListParams.builder();

		private @Nullable String runId;

		private Builder() {
		}

		/**
		 * Sets the page size.
		 * @param limit 1 to 100
		 * @return this builder
		 */
		public Builder limit(int limit) {
			this.paging.limit(limit);
			return this;
		}

		/**
		 * Sets the sort order.
		 * @param order the order
		 * @return this builder
		 */
		public Builder order(SortOrder order) {
			this.paging.order(order);
			return this;
		}

		/**
		 * Lists messages after this id.
		 * @param after a message id
		 * @return this builder
		 */
		public Builder after(String after) {
			this.paging.after(after);
			return this;
		}

		/**
		 * Lists messages before this id.
		 * @param before a message id
		 * @return this builder
		 */
		public Builder before(String before) {
			this.paging.before(before);
			return this;
		}

		/**
		 * Lists only the messages the given run created.
		 * @param runId a run id
		 * @return this builder
		 */
		public Builder runId(String runId) {
			this.runId = runId;
			return this;
		}

		/**
		 * Builds the parameters.
		 * @return the parameters
		 * @throws IllegalArgumentException if a value is out of range or blank
		 */
		public MessageListParams build() {
			return new MessageListParams(this.paging.build(), this.runId);
		}

	}

}
