package dev.assistants4j.client;

import org.jspecify.annotations.Nullable;

/**
 * A stream of run events carried an {@code error} event, or could not be decoded.
 */
public class AssistantsStreamException extends AssistantsException {

	private static final long serialVersionUID = 1L;

	private final @Nullable ApiError error;

	/**
	 * Creates an exception.
	 * @param message what went wrong
	 * @param error the error the server sent in the stream, if any
	 * @param cause the underlying failure, if any
	 */
	public AssistantsStreamException(String message, @Nullable ApiError error, @Nullable Throwable cause) {
		super(message, cause);
		this.error = error;
	}

	/**
	 * Returns the error the server sent in the stream.
	 * @return the error, or {@code null} if the failure was the client's
	 */
	public @Nullable ApiError error() {
		return this.error;
	}

}
