package dev.assistants4j.client;

import org.jspecify.annotations.Nullable;

import dev.assistants4j.model.run.Run;

/**
 * A run expired while its tool calls were running: the server stopped waiting for their outputs (a run waits
 * about ten minutes after it was created), so the function-calling loop cannot go on. Functions that take
 * long should answer sooner, or the loop should be started again on a new run.
 */
public class AssistantsRunExpiredException extends AssistantsException {

	private static final long serialVersionUID = 1L;

	// Not serializable; the message keeps the run's id.
	private final transient @Nullable Run run;

	/**
	 * Creates an exception.
	 * @param message which run expired, and when
	 * @param run the expired run
	 * @param cause the server's refusal of the tool outputs, if the expiry surfaced that way
	 */
	public AssistantsRunExpiredException(String message, Run run, @Nullable Throwable cause) {
		super(message, cause);
		this.run = run;
	}

	/**
	 * Returns the expired run, as the server last answered it.
	 * @return the run; {@code null} only after the exception was serialized and read back
	 */
	public @Nullable Run run() {
		return this.run;
	}

}
