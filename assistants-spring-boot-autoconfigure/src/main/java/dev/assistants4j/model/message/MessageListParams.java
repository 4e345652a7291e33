package dev.assistants4j.model.message;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.PagingBuilder;

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
	public static final class Builder extends PagingBuilder<Builder> {

		private @Nullable String runId;

		private Builder() {
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
			return new MessageListParams(buildPaging(), this.runId);
		}

	}

}
