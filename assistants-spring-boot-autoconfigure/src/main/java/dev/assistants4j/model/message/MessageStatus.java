package dev.assistants4j.model.message;

import com.fasterxml.jackson.annotation.JsonCreator;

import dev.assistants4j.model.OpenEnum;

/**
 * The status of a message: an open enumeration.
 */
public final class MessageStatus extends OpenEnum {

	/** The assistant is still writing the message. */
	public static final MessageStatus IN_PROGRESS = new MessageStatus("in_progress");

	/** The message ended before it was complete; see its incomplete details. */
	public static final MessageStatus INCOMPLETE = new MessageStatus("incomplete");

	/** The message is complete. */
	public static final MessageStatus COMPLETED = new MessageStatus("completed");

	private MessageStatus(String value) {
		super(value);
	}

	/**
	 * Returns the status for a wire value, known or not.
	 * @param value the wire value
	 * @return the status
	 */
	@JsonCreator
	public static MessageStatus of(String value) {
		return new MessageStatus(value);
	}

}
