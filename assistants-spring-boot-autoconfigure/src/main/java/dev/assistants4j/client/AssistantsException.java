package dev.assistants4j.client;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception the client signals: errors answered by the server, transport failures and errors
 * inside a stream.
 */
public abstract class AssistantsException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message the detail message
	 * @param cause the cause, if any
	 */
	protected AssistantsException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
