package dev.assistants4j.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import org.springframework.core.io.buffer.DataBuffer;

import static dev.assistants4j.stream.TrackedChunks.TIMEOUT;
import static dev.assistants4j.stream.TrackedChunks.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a {@link ServerSentEventReader} decides: where a stream ends, how it fails, how a body that ended
 * ends; that the decoder reads a body on to its end after the reader ended the stream, or cancels it at the
 * first byte more or after a moment; and that it asks for one reader per subscription and releases every
 * chunk whatever the reader decides.
 */
class ServerSentEventReaderTests {

	private final ServerSentEventDecoder decoder = new ServerSentEventDecoder(100);

	private final TrackedChunks tracked = new TrackedChunks();

	private final AtomicBoolean bodyCancelled = new AtomicBoolean();

	private Flux<DataBuffer> body(String... chunks) {
		return this.tracked.body(List.of(chunks).stream().map(TrackedChunks::utf8).toList())
			.doOnCancel(() -> this.bodyCancelled.set(true));
	}

	@Test
	void aReaderThatReturnsNullCompletesTheStreamAndTheBytesAfterItCancelTheBody() {
		Flux<DataBuffer> body = body("data: 1\n\nevent: stop\ndata: x\n\ndata: 3\n\n", "data: 4\n\n", "data: 5\n\n")
			.concatWith(Flux.never());
		StepVerifier.create(this.decoder.decode(body, () -> new Reader(null)))
			.expectNext("message 1")
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.bodyCancelled).isTrue();
		assertThat(this.tracked.handedOutCount()).isEqualTo(2);
		this.tracked.assertAllReleased();
	}

	@Test
	void aBodyThatEndsRightAfterTheReaderEndedTheStreamIsReadToItsEndNotCancelled() {
		Flux<String> events = this.decoder.decode(body("data: 1\n\nevent: stop\ndata: x\n\n", "", ""),
				() -> new Reader(null));
		StepVerifier.create(events).expectNext("message 1").expectComplete().verify(TIMEOUT);
		assertThat(this.bodyCancelled).as("body cancelled").isFalse();
		assertThat(this.tracked.handedOutCount()).isEqualTo(3);
		this.tracked.assertAllReleased();
	}

	@Test
	void aBodyThatGoesOnAfterTheReaderEndedTheStreamIsCancelledAfterAMoment() {
		Sinks.Many<DataBuffer> connection = Sinks.many().unicast().onBackpressureBuffer();
		CountDownLatch cancelled = new CountDownLatch(1);
		connection.tryEmitNext(this.tracked.chunk("data: 1\n\nevent: stop\ndata: x\n\n"));
		Flux<String> events = this.decoder.decode(connection.asFlux().doOnCancel(cancelled::countDown),
				() -> new Reader(null));
		StepVerifier.create(events).expectNext("message 1").expectComplete().verify(TIMEOUT);
		assertThat(awaitQuietly(cancelled)).as("body cancelled").isTrue();
		this.tracked.assertAllReleased();
	}

	private static boolean awaitQuietly(CountDownLatch latch) {
		try {
			return latch.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Test
	void aReaderThatThrowsFailsTheStreamAfterTheEventsBeforeAndCancelsTheRestOfTheBody() {
		Flux<String> events = this.decoder.decode(body("data: 1\n\ndata: 2\n\nevent: fail\ndata: x\n\n", "data: 4\n\n"),
				() -> new Reader(null));
		StepVerifier.create(events)
			.expectNext("message 1", "message 2")
			.expectErrorMessage("fail at x")
			.verify(TIMEOUT);
		assertThat(this.bodyCancelled).isTrue();
		this.tracked.assertAllReleased();
	}

	@Test
	void endTellsHowABodyThatEndedEnds() {
		IllegalStateException cut = new IllegalStateException("cut");
		StepVerifier.create(this.decoder.decode(body("data: 1\n\ndata: 2"), () -> new Reader(cut)))
			.expectNext("message 1", "message 2")
			.expectErrorSatisfies((ex) -> assertThat(ex).isSameAs(cut))
			.verify(TIMEOUT);
		StepVerifier.create(this.decoder.decode(body("data: 1\n\n"), () -> new Reader(null)))
			.expectNext("message 1")
			.expectComplete()
			.verify(TIMEOUT);
		this.tracked.assertAllReleased();
	}

	@Test
	void endIsNotAskedWhenTheBodyFails() {
		Reader reader = new Reader(new IllegalStateException("not this"));
		Flux<String> events = this.decoder.decode(
				body("data: 1\n\ndata: 2").concatWith(Flux.error(new IllegalStateException("reset"))), () -> reader);
		StepVerifier.create(events).expectNext("message 1").expectErrorMessage("reset").verify(TIMEOUT);
		assertThat(reader.ended).isFalse();
		this.tracked.assertAllReleased();
	}

	@Test
	void eventsParsedBeforeTheBodyFailedWaitForDemandAndComeBeforeTheError() {
		Flux<String> events = this.decoder.decode(
				body("data: 1\n\ndata: 2\n\n").concatWith(Flux.error(new IllegalStateException("reset"))),
				() -> new Reader(null));
		StepVerifier.create(events, 1)
			.expectNext("message 1")
			.expectNoEvent(Duration.ofMillis(50))
			.thenRequest(1)
			.expectNext("message 2")
			.expectErrorMessage("reset")
			.verify(TIMEOUT);
		this.tracked.assertAllReleased();
	}

	@Test
	void eachSubscriptionHasAReaderOfItsOwn() {
		AtomicInteger readers = new AtomicInteger();
		Flux<DataBuffer> body = Flux.defer(() -> new TrackedChunks().body(List.of(utf8("data: 1\n\n"))));
		Flux<String> events = this.decoder.decode(body, () -> {
			readers.incrementAndGet();
			return new Reader(null);
		});
		for (int i = 0; i < 3; i++) {
			StepVerifier.create(events).expectNext("message 1").expectComplete().verify(TIMEOUT);
		}
		assertThat(readers).hasValue(3);
	}

	@Test
	void aSupplierThatGivesNoReaderFailsTheSubscriptionWithoutReadingTheBody() {
		StepVerifier.create(this.decoder.decode(body("data: 1\n\n"), () -> null))
			.expectError(NullPointerException.class)
			.verify(TIMEOUT);
		assertThat(this.tracked.handedOutCount()).isZero();
	}

	/**
	 * Reads an event as its name and data, ends the stream at {@code stop}, fails it at {@code fail}, and
	 * ends a body that ended with the given failure.
	 */
	private static final class Reader implements ServerSentEventReader<String> {

		private final @Nullable Throwable end;

		private boolean ended;

		Reader(@Nullable Throwable end) {
			this.end = end;
		}

		@Override
		public @Nullable String read(String event, byte[] data, int offset, int length, @Nullable String id) {
			String text = new String(data, offset, length, StandardCharsets.UTF_8);
			if (event.equals("stop")) {
				return null;
			}
			if (event.equals("fail")) {
				throw new IllegalStateException("fail at " + text);
			}
			return event + " " + text;
		}

		@Override
		public @Nullable Throwable end() {
			this.ended = true;
			return this.end;
		}

	}

}
