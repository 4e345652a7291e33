package dev.assistants4j.model.message;

import com.fasterxml.jackson.annotation.JsonCreator;

import dev.assistants4j.model.OpenEnum;

/**
 * The entity that produced a message: an open enumeration.
 */
public final class MessageRole extends OpenEnum {

	/** The end user, or an application speaking for them. */
	public static final MessageRole USER = new MessageRole("user");

	/** The assistant, or an application inserting the assistant's words. */
	public static final MessageRole ASSISTANT = new MessageRole("assistant");

	private MessageRole(String value) {
		super(value);
	}

	/**
	 * Returns the role for a wire value, known or not.
	 * @param value the wire value
	 * @return the role
	 */
	@JsonCreator
	public static MessageRole of(String value) {
		return new MessageRole(value);
	}

}
