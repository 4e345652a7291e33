package dev.assistants4j.client;

import org.jspecify.annotations.Nullable;

/**
 * The server answered 2xx but its body could not be read: it was not JSON, or it was larger than the
 * configured in-memory limit ({@code openai.assistants.max-in-memory-size}).
 */
public class AssistantsDecodingException extends AssistantsException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what could not be decoded, with the method and URI template of the request
	 * @param cause the underlying failure, if any
	 */
	public AssistantsDecodingException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
