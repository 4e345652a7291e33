package dev.assistants4j.autoconfigure;

/**
 * Signals an {@code openai.assistants.*} property whose value the client cannot work with. It names the
 * property and never quotes its value, so that a token can never reach a log line.
 */
final class InvalidAssistantsPropertyException extends RuntimeException {

	private final String property;

	private final String reason;

	private final String action;

	/**
	 * Creates an exception.
	 * @param property the full property name
	 * @param reason what a valid value is, such as {@code must not be blank}
	 * @param action how to fix the configuration
	 * @param cause the builder's own rejection
	 */
	InvalidAssistantsPropertyException(String property, String reason, String action, Throwable cause) {
		super("Property '" + property + "' " + reason, cause);
		this.property = property;
		this.reason = reason;
		this.action = action;
	}

	String getProperty() {
		return this.property;
	}

	String getReason() {
		return this.reason;
	}

	String getAction() {
		return this.action;
	}

}
