package dev.assistants4j.tool;

import org.jspecify.annotations.Nullable;

/**
 * Signalled by a {@link ToolCallHandler} to end the function-calling loop with this error, instead of
 * submitting the failure to the run as the call's output. The loop's {@code Mono} then errors with this very
 * exception; the run itself is left waiting for its outputs until it expires or is cancelled.
 */
public class ToolCallAbortException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message why the loop ends
	 */
	public ToolCallAbortException(String message) {
		super(message);
	}

	/**
	 * Creates an exception.
	 * @param message why the loop ends
	 * @param cause the failure that ends it, if any
	 */
	public ToolCallAbortException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
