package dev.assistants4j.stream;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One event of a {@code text/event-stream}, as the WHATWG algorithm dispatches it.
 *
 * @param event the event name: the stream's {@code event} field, {@code message} when it sent none
 * @param data the {@code data} lines of the event joined with {@code \n}
 * @param id the last event id the stream has set so far, or {@code null} if it has set none
 */
public record SseEvent(String event, String data, @Nullable String id) {

	/**
	 * The name of an event that sent no {@code event} field.
	 */
	public static final String DEFAULT_EVENT = "message";

	/**
	 * Creates an event.
	 * @param event the event name
	 * @param data the data
	 * @param id the last event id, if any
	 * @throws IllegalArgumentException if the name is empty or the name or data is {@code null}
	 */
	public SseEvent {
		Assert.hasLength(event, "'event' must not be empty");
		Assert.notNull(data, "'data' must not be null");
	}

	/**
	 * Creates an event without an id.
	 * @param event the event name
	 * @param data the data
	 */
	public SseEvent(String event, String data) {
		this(event, data, null);
	}

}
