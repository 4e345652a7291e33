package dev.assistants4j.client;

/**
 * No answer came from the server: the connection failed, was reset, or a timeout elapsed.
 */
public class AssistantsTransportException extends AssistantsException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what failed, with the method and URI template of the request
	 * @param cause the underlying failure
	 */
	public AssistantsTransportException(String message, Throwable cause) {
		super(message, cause);
	}

}
