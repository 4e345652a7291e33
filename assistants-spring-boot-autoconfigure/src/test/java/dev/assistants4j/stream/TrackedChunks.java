package dev.assistants4j.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.buffer.Unpooled;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies cut into chunks of reference-counted Netty buffers, as a real connection delivers them, that
 * remember every chunk they handed out so that a test can check each one was released.
 */
final class TrackedChunks {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	static final int MAX_EVENT_SIZE = 1024 * 1024;

	private final NettyDataBufferFactory factory = new NettyDataBufferFactory(Unpooled.buffer().alloc());

	private final List<NettyDataBuffer> handedOut = new CopyOnWriteArrayList<>();

	/**
	 * Returns a body that creates each chunk only when it is requested, and that cannot be fused: a
	 * connection pushes its chunks too.
	 */
	Flux<DataBuffer> body(List<byte[]> chunks) {
		return Flux.fromIterable(chunks).map(this::chunk).hide();
	}

	DataBuffer chunk(String text) {
		return chunk(utf8(text));
	}

	DataBuffer chunk(byte[] bytes) {
		NettyDataBuffer buffer = this.factory.wrap(Unpooled.buffer(bytes.length).writeBytes(bytes));
		this.handedOut.add(buffer);
		return buffer;
	}

	int handedOutCount() {
		return this.handedOut.size();
	}

	void assertAllReleased() {
		assertThat(this.handedOut).allSatisfy((buffer) -> assertThat(buffer.getNativeBuffer().refCnt())
			.as("reference count of a chunk handed to the decoder")
			.isZero());
	}

	/**
	 * Decodes the chunks to the end, asserting that it completes and that every chunk was released.
	 */
	static List<SseEvent> decode(List<byte[]> chunks) {
		return decode(Path.STRINGS, chunks);
	}

	/**
	 * Decodes the chunks to the end along a path, asserting that it completes and that every chunk was
	 * released.
	 */
	static List<SseEvent> decode(Path path, List<byte[]> chunks) {
		TrackedChunks tracked = new TrackedChunks();
		List<SseEvent> events = new ArrayList<>();
		StepVerifier.create(path.decode(new ServerSentEventDecoder(MAX_EVENT_SIZE), tracked.body(chunks)).collectList())
			.consumeNextWith(events::addAll)
			.expectComplete()
			.verify(TIMEOUT);
		tracked.assertAllReleased();
		return events;
	}

	static List<SseEvent> decode(String... chunks) {
		return decode(Arrays.stream(chunks).map(TrackedChunks::utf8).toList());
	}

	/**
	 * The two ways into the decoder, which must give the same events: the events with their data as strings,
	 * and a {@link ServerSentEventReader} handed each event's data as bytes, as a run stream reads it.
	 */
	enum Path {

		STRINGS {

			@Override
			Flux<SseEvent> decode(ServerSentEventDecoder decoder, Publisher<? extends DataBuffer> body) {
				return decoder.decode(body);
			}

		},

		BYTES {

			@Override
			Flux<SseEvent> decode(ServerSentEventDecoder decoder, Publisher<? extends DataBuffer> body) {
				return decoder.decode(body, BytesReader::new);
			}

		};

		abstract Flux<SseEvent> decode(ServerSentEventDecoder decoder, Publisher<? extends DataBuffer> body);

	}

	/**
	 * Reads each event from its bytes, checking that the range lies in the array and that nothing is read
	 * after the end.
	 */
	private static final class BytesReader implements ServerSentEventReader<SseEvent> {

		private boolean ended;

		@Override
		public SseEvent read(String event, byte[] data, int offset, int length, @Nullable String id) {
			assertThat(this.ended).as("an event read after the end").isFalse();
			assertThat(offset).isNotNegative();
			assertThat(length).isNotNegative();
			assertThat(offset + length).isLessThanOrEqualTo(data.length);
			return new SseEvent(event, new String(Arrays.copyOfRange(data, offset, offset + length),
					StandardCharsets.UTF_8), id);
		}

		@Override
		public @Nullable Throwable end() {
			assertThat(this.ended).as("end() called twice").isFalse();
			this.ended = true;
			return null;
		}

	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Cuts the bytes at the given offsets, in increasing order.
	 */
	static List<byte[]> split(byte[] bytes, int... offsets) {
		List<byte[]> chunks = new ArrayList<>();
		int start = 0;
		for (int offset : offsets) {
			chunks.add(Arrays.copyOfRange(bytes, start, offset));
			start = offset;
		}
		chunks.add(Arrays.copyOfRange(bytes, start, bytes.length));
		return chunks;
	}

	/**
	 * Cuts the bytes into chunks of random lengths between the bounds, inclusive.
	 */
	static List<byte[]> randomChunks(byte[] bytes, Random random, int minLength, int maxLength) {
		List<byte[]> chunks = new ArrayList<>();
		for (int start = 0; start < bytes.length;) {
			int end = Math.min(bytes.length, start + minLength + random.nextInt(maxLength - minLength + 1));
			chunks.add(Arrays.copyOfRange(bytes, start, end));
			start = end;
		}
		return chunks;
	}

}
