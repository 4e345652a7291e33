package dev.assistants4j.stream;

import java.util.ArrayList;
import java.util.List;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
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
 * cancellation. Instances are immutable and thread-safe.
 */
public final class ServerSentEventDecoder {

	// One chunk ahead: a subscriber that stops asking stops the reading, and memory stays one chunk deep.
	private static final int PREFETCH = 1;

	// Follows the events a chunk completed when the parser stopped in it, so that they are emitted first.
	private static final SseEvent FAILED = new SseEvent("failed", "");

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
		Assert.notNull(body, "'body' must not be null");
		return Flux.defer(() -> {
			ServerSentEventParser parser = new ServerSentEventParser(this.maxEventSize);
			return Flux.<DataBuffer>from(body)
				.concatMapIterable((chunk) -> feed(parser, chunk), PREFETCH)
				.concatWith(Flux.defer(() -> Flux.fromIterable(thenFailure(parser, parser.finish()))))
				.<SseEvent>handle((event, sink) -> {
					DataBufferLimitException failure = parser.failure();
					if (event == FAILED && failure != null) {
						sink.error(failure);
					}
					else {
						sink.next(event);
					}
				})
				.doOnDiscard(DataBuffer.class, DataBufferUtils::release);
		});
	}

	private static List<SseEvent> feed(ServerSentEventParser parser, DataBuffer chunk) {
		List<SseEvent> events;
		try {
			events = parser.feed(chunk);
		}
		finally {
			DataBufferUtils.release(chunk);
		}
		return thenFailure(parser, events);
	}

	private static List<SseEvent> thenFailure(ServerSentEventParser parser, List<SseEvent> events) {
		if (parser.failure() == null) {
			return events;
		}
		List<SseEvent> thenFailed = new ArrayList<>(events);
		thenFailed.add(FAILED);
		return thenFailed;
	}

}
