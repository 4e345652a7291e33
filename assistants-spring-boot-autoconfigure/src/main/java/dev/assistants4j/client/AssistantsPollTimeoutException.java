package dev.assistants4j.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Polling gave up: the object polled did not reach a state to act on within the poll timeout
 * ({@code openai.assistants.poll.timeout}, {@link AssistantsClient.Builder#pollTimeout(Duration)}). This
 * deadline covers the whole wait, however many requests it took; each request still has its own response
 * timeout. The exception carries the last object the server answered, to see where it got stuck.
 */
public class AssistantsPollTimeoutException extends AssistantsException {

	private static final long serialVersionUID = 1L;

	private final Duration timeout;

	// Not serializable; a deserialized exception keeps the message, which names the last state.
	private final transient @Nullable Object lastSeen;

	/**
	 * Creates an exception.
	 * @param message what was polled, its last state, and the property that sets the timeout
	 * @param timeout the poll timeout that elapsed
	 * @param lastSeen the last object the server answered, or {@code null} if no answer came
	 */
	public AssistantsPollTimeoutException(String message, Duration timeout, @Nullable Object lastSeen) {
		super(message, null);
		this.timeout = timeout;
		this.lastSeen = lastSeen;
	}

	/**
	 * Returns the poll timeout that elapsed.
	 * @return the timeout
	 */
	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * Returns the last object the server answered, such as a {@link dev.assistants4j.model.run.Run}.
	 * @return the object, or {@code null} if no answer came before the deadline
	 */
	public @Nullable Object lastSeen() {
		return this.lastSeen;
	}

	/**
	 * Returns the last object the server answered, if it is of the given type.
	 * @param type the expected type, such as {@code Run.class}
	 * @param <T> the expected type
	 * @return the object, or {@code null} if no answer came or it is of another type
	 */
	public <T> @Nullable T lastSeen(Class<T> type) {
		return type.isInstance(this.lastSeen) ? type.cast(this.lastSeen) : null;
	}

}
