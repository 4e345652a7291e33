package dev.assistants4j.stream;

import org.jspecify.annotations.Nullable;

/**
 * Reads the events of one {@code text/event-stream} into what its subscriber receives, each event's data
 * straight from the bytes the decoder parsed, so that a reader that decodes JSON needs no string of it, and
 * says where the stream ends. {@link ServerSentEventDecoder#decode(org.reactivestreams.Publisher,
 * java.util.function.Supplier)} asks for a reader per subscription and calls it serially, one event at a time,
 * as the subscriber asks for them; a reader may therefore keep the state of its stream.
 *
 * @param <T> what an event is read into
 */
public interface ServerSentEventReader<T> {

	/**
	 * Reads an event.
	 * @param event the event's name: the stream's {@code event} field, {@code message} when it sent none
	 * @param data an array holding the event's {@code data} lines as UTF-8, joined with {@code \n}; only
	 * valid during this call, and not to be changed
	 * @param offset where the data starts in the array
	 * @param length how many bytes the data has
	 * @param id the last event id the stream has set so far, or {@code null} if it has set none
	 * @return what to emit, or {@code null} to end the stream here: the subscriber completes at once, and the
	 * rest of the body is read and released until it ends, so that its connection can serve another call, or
	 * cancelled at its first byte, or if it has not ended after a moment
	 * @throws RuntimeException to fail the stream with, after the events before this one
	 */
	@Nullable T read(String event, byte[] data, int offset, int length, @Nullable String id);

	/**
	 * Tells how a stream whose body ended ends, once its last event was read; not called when
	 * {@link #read} ended the stream, nor when the body failed.
	 * @return the exception to fail the stream with, or {@code null} to complete it
	 */
	default @Nullable Throwable end() {
		return null;
	}

}
