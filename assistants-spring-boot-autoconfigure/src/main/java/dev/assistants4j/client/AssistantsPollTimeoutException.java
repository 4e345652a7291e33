package dev.assistants4j.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Polling gave up: the object did not reach a state the caller must act on within the poll timeout
 * ({@code openai.assistants.poll.timeout}, {@link AssistantsClient.Builder#pollTimeout(Duration)}). The object
 * is left as it is on the server; the exception carries the last state seen of it, to resume polling or to
 * cancel it.
 */
public class AssistantsPollTimeoutException extends AssistantsException {

	private static final long serialVersionUID = 1L;

	private final Duration timeout;

	private final transient @Nullable Object lastSeen;

	/**
	 * Creates an exception.
	 * @param message what was polled and its last status
	 * @param timeout the poll timeout that elapsed
	 * @param lastSeen the object as last seen, or {@code null} if none was received
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
	 * Returns the polled object as last seen, such as a {@code VectorStoreFile} still {@code in_progress}.
	 * @return the object, or {@code null} if none was received before the timeout
	 */
	public @Nullable Object lastSeen() {
		return this.lastSeen;
	}

	/**
	 * Returns the polled object as last seen, if it is of the given type.
	 * @param <T> the expected type
	 * @param type the expected type, such as {@code VectorStoreFileBatch.class}
	 * @return the object, or {@code null} if none was received or it is of another type
	 */
	public <T> @Nullable T lastSeen(Class<T> type) {
		return type.isInstance(this.lastSeen) ? type.cast(this.lastSeen) : null;
	}

}
