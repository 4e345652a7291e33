package dev.assistants4j.stream;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.util.Assert;

/**
 * Decodes a {@code text/event-stream} body into {@link SseEvent}s, following the WHATWG
 * "interpret an event stream" algorithm: UTF-8 with an optional leading BOM, lines ended by CRLF, LF or CR,
 * {@code :} comments, {@code field:value} lines, multi-line {@code data} joined with {@code \n}, an event
 * dispatched on each blank line and dropped when it has no data. Chunk boundaries do not matter, even
 * inside a line, a CRLF or a multi-byte character. One deliberate difference from a browser: an event still
 * open when the body ends is dispatched, not dropped, since servers end a stream right after its last line.
 *
 * <p>Each event is emitted as soon as its blank line is read; the body is requested one chunk at a time as
 * the subscriber asks for events. Every chunk is released, whether decoded, or discarded on error or
 * cancellation. Events completed before an error of the body, or before a line that is too long, are emitted
 * before it. Instances are immutable and thread-safe.
 */
public final class ServerSentEventDecoder {

	// Each event's data becomes the string the event carries.
	private static final ServerSentEventReader<SseEvent> EVENTS = (event, data, offset, length,
			id) -> new SseEvent(event, new String(data, offset, length, StandardCharsets.UTF_8), id);

	private static final Supplier<ServerSentEventReader<SseEvent>> EVENT_READER = () -> EVENTS;

	private final int maxEventSize;

	/**
	 * Creates a decoder.
	 * @param maxEventSize the most bytes a line, or the data of an event, may hold
	 * @throws IllegalArgumentException if the size is not positive
	 */
	public ServerSentEventDecoder(int maxEventSize) {
		Assert.isTrue(maxEventSize > 0, "'maxEventSize' must be positive");
		this.maxEventSize = maxEventSize;
	}

	/**
	 * Decodes a body, which is read when the returned {@code Flux} is subscribed, once per subscription.
	 * @param body the body's chunks; the decoder releases each one it receives
	 * @return the events in stream order; it errors with {@link DataBufferLimitException} when a line or an
	 * event's data exceeds the maximum event size, and with any error of the body
	 */
	public Flux<SseEvent> decode(Publisher<? extends DataBuffer> body) {
		return decode(body, EVENT_READER);
	}

	/**
	 * Decodes a body as {@link #decode(Publisher)} does, each event handed to a reader with its data still
	 * in the bytes it was parsed into, so that data read as JSON never becomes a string on the way.
	 * @param <T> what the reader reads events into
	 * @param body the body's chunks; the decoder releases each one it receives
	 * @param readers gives the reader of each subscription
	 * @return what the reader read, in stream order, up to an event the reader ended the stream at (see
	 * {@link ServerSentEventReader#read} for the rest of the body) or the end of the body; it errors with what the reader threw, with {@link DataBufferLimitException} when a
	 * line or an event's data exceeds the maximum event size, and with any error of the body, always after
	 * the events before
	 */
	public <T> Flux<T> decode(Publisher<? extends DataBuffer> body,
			Supplier<? extends ServerSentEventReader<T>> readers) {
		Assert.notNull(body, "'body' must not be null");
		Assert.notNull(readers, "'readers' must not be null");
		return ServerSentEventFlux.decode(Flux.from(body), this.maxEventSize, readers);
	}

}
