package dev.assistants4j.model.message;

import com.fasterxml.jackson.annotation.JsonCreator;

import dev.assistants4j.model.OpenEnum;

/**
 * Why a message is incomplete: an open enumeration.
 */
public final class MessageIncompleteReason extends OpenEnum {

	/** The content filter stopped the message. */
	public static final MessageIncompleteReason CONTENT_FILTER = new MessageIncompleteReason("content_filter");

	/** The run reached its token limit. */
	public static final MessageIncompleteReason MAX_TOKENS = new MessageIncompleteReason("max_tokens");

	/** The run was cancelled. */
	public static final MessageIncompleteReason RUN_CANCELLED = new MessageIncompleteReason("run_cancelled");

	/** The run expired. */
	public static final MessageIncompleteReason RUN_EXPIRED = new MessageIncompleteReason("run_expired");

	/** The run failed. */
	public static final MessageIncompleteReason RUN_FAILED = new MessageIncompleteReason("run_failed");

	private MessageIncompleteReason(String value) {
		super(value);
	}

	/**
	 * Returns the reason for a wire value, known or not.
	 * @param value the wire value
	 * @return the reason
	 */
	@JsonCreator
	public static MessageIncompleteReason of(String value) {
		return new MessageIncompleteReason(value);
	}

}
