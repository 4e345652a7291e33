package dev.assistants4j.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.test.StepVerifier;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;

import dev.assistants4j.stream.TrackedChunks.Path;

import static dev.assistants4j.stream.TrackedChunks.TIMEOUT;
import static dev.assistants4j.stream.TrackedChunks.split;
import static dev.assistants4j.stream.TrackedChunks.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Each rule of the WHATWG event-stream algorithm, the one deliberate difference from it, and the decoder's
 * handling of buffers, demand and size, along both paths into the decoder: events with string data, and a
 * reader handed the data as bytes, as a run stream is read.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Path.class)
class ServerSentEventDecoderTests {

	@Parameter
	Path path;

	private List<SseEvent> decode(String... chunks) {
		return decode(Arrays.stream(chunks).map(TrackedChunks::utf8).toList());
	}

	private List<SseEvent> decode(List<byte[]> chunks) {
		return TrackedChunks.decode(this.path, chunks);
	}

	/**
	 * Decodes a body with events of up to 100 bytes.
	 */
	private Flux<SseEvent> events(Publisher<? extends DataBuffer> body) {
		return this.path.decode(new ServerSentEventDecoder(100), body);
	}

	private static SseEvent event(String name, String data) {
		return new SseEvent(name, data);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "\n", "\r\n", "\r" })
	void everyLineEndEndsLinesAndEvents(String end) {
		String stream = "event: a" + end + "data: 1" + end + "data: 2" + end + end + "data: 3" + end + end;
		assertThat(decode(stream)).containsExactly(event("a", "1\n2"), event("message", "3"));
	}

	@Test
	void mixedLineEndsInOneStreamAreEachOneLineEnd() {
		assertThat(decode("data: 1\rdata: 2\r\ndata: 3\n\r\ndata: 4\r\r")).containsExactly(event("message", "1\n2\n3"),
				event("message", "4"));
	}

	@Test
	void crEndingOneChunkAndLfStartingTheNextAreOneLineEnd() {
		assertThat(decode("data: 1\r", "\ndata: 2\r", "\n\r", "\n")).containsExactly(event("message", "1\n2"));
	}

	@Test
	void crAtTheEndOfAChunkFollowedByAnotherLineIsALineEndOfItsOwn() {
		assertThat(decode("data: 1\r", "data: 2\r", "\r")).containsExactly(event("message", "1\n2"));
	}

	@Test
	void emptyChunksBetweenACrAndItsLfChangeNothing() {
		assertThat(decode("data: 1\r", "", "", "\n\n")).containsExactly(event("message", "1"));
	}

	@Test
	void commentLinesAreIgnoredWherever() {
		assertThat(decode(":\n: keep-alive\n\ndata: 1\n: between data lines\ndata: 2\n:no space\n\n"))
			.containsExactly(event("message", "1\n2"));
	}

	@Test
	void oneLeadingSpaceOfAValueIsRemovedAndNoMore() {
		assertThat(decode("data:none\n\ndata: one\n\ndata:  two\n\ndata: \n\ndata:\t tab\n\n")).containsExactly(
				event("message", "none"), event("message", "one"), event("message", " two"),
				event("message", ""), event("message", "\t tab"));
	}

	@Test
	void onlyTheFirstColonSeparatesTheValue() {
		assertThat(decode("data: {\"a\":\"b: c\"}\nevent: x:y\n\n")).containsExactly(event("x:y", "{\"a\":\"b: c\"}"));
	}

	@Test
	void aLineWithoutColonIsAFieldWithAnEmptyValue() {
		assertThat(decode("data\n\ndata\ndata\n\nevent\ndata: x\n\n")).containsExactly(event("message", ""),
				event("message", "\n"), event("message", "x"));
	}

	@Test
	void dataLinesAreJoinedWithLineFeeds() {
		assertThat(decode("data: YHOO\ndata: +2\ndata: 10\n\n")).containsExactly(event("message", "YHOO\n+2\n10"));
	}

	@Test
	void theNameDefaultsToMessageAndIsResetAfterEachEvent() {
		assertThat(decode("event: thread.created\ndata: 1\n\ndata: 2\n\nevent:\ndata: 3\n\n")).containsExactly(
				event("thread.created", "1"), event("message", "2"), event("message", "3"));
	}

	@Test
	void theLastEventFieldWins() {
		assertThat(decode("event: a\nevent: b\ndata: 1\n\n")).containsExactly(event("b", "1"));
	}

	@Test
	void anEventWithoutDataIsNotDispatchedAndItsNameDoesNotCarryOver() {
		assertThat(decode("event: ping\n\nevent: ping\nid: 1\n\ndata: 2\n\n"))
			.containsExactly(new SseEvent("message", "2", "1"));
	}

	@Test
	void theLastIdCarriesOverUntilAnotherIdOrAnEmptyIdChangesIt() {
		assertThat(decode("id: 1\ndata: a\n\ndata: b\n\nid: 2\ndata: c\n\nid\ndata: d\n\nid:\ndata: e\n\n"))
			.containsExactly(new SseEvent("message", "a", "1"), new SseEvent("message", "b", "1"),
					new SseEvent("message", "c", "2"), new SseEvent("message", "d", null),
					new SseEvent("message", "e", null));
	}

	@Test
	void anIdContainingNulIsIgnored() {
		assertThat(decode("id: 1\ndata: a\n\nid: 2\u00003\ndata: b\n\n"))
			.containsExactly(new SseEvent("message", "a", "1"), new SseEvent("message", "b", "1"));
	}

	@Test
	void retryAndUnknownFieldsAreIgnored() {
		assertThat(decode("retry: 1000\nretry: soon\nfoo: bar\n...\nDATA: upper\nData: mixed\n data: leading\n"
				+ "data: kept\n\n")).containsExactly(event("message", "kept"));
	}

	@Test
	void aLeadingByteOrderMarkIsStripped() {
		assertThat(decode("\uFEFFdata: 1\n\n")).containsExactly(event("message", "1"));
		assertThat(decode("\uFEFFevent: a\ndata: 1\n\n")).containsExactly(event("a", "1"));
	}

	@Test
	void aByteOrderMarkSplitAcrossChunksIsStripped() {
		byte[] stream = utf8("\uFEFFevent: a\ndata: 1\n\n");
		for (int offset = 1; offset <= 3; offset++) {
			assertThat(decode(split(stream, 1, offset))).containsExactly(event("a", "1"));
		}
	}

	@Test
	void aByteOrderMarkAfterTheStartIsText() {
		assertThat(decode("data: 1\n\n\uFEFFdata: 2\n\ndata: \uFEFF3\n\n")).containsExactly(event("message", "1"),
				event("message", "\uFEFF3"));
	}

	@Test
	void aBodyShorterThanAByteOrderMarkIsStillParsed() {
		assertThat(decode(split(new byte[] { (byte) 0xEF, (byte) 0xBB }, 1))).isEmpty();
		assertThat(decode("d", "a", "ta")).containsExactly(event("message", ""));
	}

	@Test
	void anEventStillOpenWhenTheBodyEndsIsDispatched() {
		assertThat(decode("data: 1\n\nevent: done\ndata: [DONE]\n")).containsExactly(event("message", "1"),
				event("done", "[DONE]"));
		assertThat(decode("data: 1\n\nevent: done\ndata: [DONE]")).containsExactly(event("message", "1"),
				event("done", "[DONE]"));
		assertThat(decode("data: 1\r\ndata: 2\r")).containsExactly(event("message", "1\n2"));
	}

	@Test
	void anOpenEventWithoutDataIsStillDroppedAtTheEnd() {
		assertThat(decode("data: 1\n\nevent: done\n")).containsExactly(event("message", "1"));
		assertThat(decode("data: 1\n\n: bye")).containsExactly(event("message", "1"));
	}

	@Test
	void anEmptyBodyHasNoEvents() {
		assertThat(decode()).isEmpty();
		assertThat(decode("", "")).isEmpty();
	}

	@Test
	void multiByteCharactersDecodeWhereverAChunkEnds() {
		String text = "h\u00e9llo \u20ac \ud83c\udf89 \u4e16\u754c";
		byte[] stream = utf8("event: caf\u00e9\ndata: " + text + "\n\n");
		for (int offset = 1; offset < stream.length; offset++) {
			assertThat(decode(split(stream, offset))).as("split at %d", offset)
				.containsExactly(event("caf\u00e9", text));
		}
		List<byte[]> bytes = new ArrayList<>();
		for (byte b : stream) {
			bytes.add(new byte[] { b });
		}
		assertThat(decode(bytes)).containsExactly(event("caf\u00e9", text));
	}

	@Test
	void malformedUtf8BecomesReplacementCharacters() {
		byte[] stream = { 'd', 'a', 't', 'a', ':', ' ', 'a', (byte) 0xC3, '\n', 'd', 'a', 't', 'a', ':', (byte) 0xFF,
				'\n', '\n' };
		assertThat(decode(List.of(stream))).containsExactly(event("message", "a\uFFFD\n\uFFFD"));
	}

	@Test
	void eventsAreEmittedAsTheirBlankLineArrivesNotAtTheEnd() {
		TrackedChunks tracked = new TrackedChunks();
		List<byte[]> chunks = List.of(utf8("data: 1\n"), utf8("\n"), utf8("data: 2\n\n"), utf8("data: 3\n\n"));
		StepVerifier.create(events(tracked.body(chunks)), 1)
			.expectNext(event("message", "1"))
			.then(() -> assertThat(tracked.handedOutCount()).isLessThanOrEqualTo(3))
			.thenRequest(1)
			.expectNext(event("message", "2"))
			.thenCancel()
			.verify(TIMEOUT);
		tracked.assertAllReleased();
	}

	@Test
	void theBodyIsRequestedAsTheSubscriberAsksForEvents() {
		TrackedChunks tracked = new TrackedChunks();
		List<byte[]> chunks = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			chunks.add(utf8("data: " + i + "\n\n"));
		}
		AtomicLong requested = new AtomicLong();
		Flux<SseEvent> events = events(tracked.body(chunks).doOnRequest(requested::addAndGet));
		StepVerifier.create(events, 0)
			.thenRequest(2)
			.expectNext(event("message", "0"), event("message", "1"))
			.then(() -> assertThat(requested).hasValueLessThanOrEqualTo(3))
			.thenRequest(3)
			.expectNextCount(3)
			.then(() -> assertThat(requested).hasValueLessThanOrEqualTo(6))
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(tracked.handedOutCount()).isLessThanOrEqualTo(6);
		tracked.assertAllReleased();
	}

	@Test
	void everyChunkIsReleasedWhenTheSubscriberCancelsMidEvent() {
		TrackedChunks tracked = new TrackedChunks();
		List<byte[]> chunks = List.of(utf8("data: 1\n\ndata: 2\n\ndata: 3"), utf8("\ndata: 4"), utf8("\n\n"));
		StepVerifier.create(events(tracked.body(chunks)).take(1))
			.expectNext(event("message", "1"))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(tracked.handedOutCount()).isPositive();
		tracked.assertAllReleased();
	}

	@Test
	void aChunkArrivingAfterTheSubscriberCancelledIsReleased() {
		TrackedChunks tracked = new TrackedChunks();
		// A connection's event loop may deliver one more chunk while the cancellation is on its way.
		AtomicReference<Subscriber<? super DataBuffer>> connection = new AtomicReference<>();
		Publisher<DataBuffer> body = (subscriber) -> {
			connection.set(subscriber);
			subscriber.onSubscribe(Operators.emptySubscription());
		};
		StepVerifier.create(events(body), 1)
			.then(() -> connection.get().onNext(tracked.chunk("data: 1\n\n")))
			.expectNext(event("message", "1"))
			.thenCancel()
			.verify(TIMEOUT);
		connection.get().onNext(tracked.chunk("data: 2\n\n"));
		assertThat(tracked.handedOutCount()).isEqualTo(2);
		tracked.assertAllReleased();
	}

	@Test
	void everyChunkIsReleasedWhenTheBodyFails() {
		TrackedChunks tracked = new TrackedChunks();
		Flux<SseEvent> events = events(tracked.body(List.of(utf8("data: 1\n\ndata: 2"), utf8("\n")))
			.concatWith(Flux.error(new IllegalStateException("reset"))));
		StepVerifier.create(events)
			.expectNext(event("message", "1"))
			.expectErrorMessage("reset")
			.verify(TIMEOUT);
		assertThat(tracked.handedOutCount()).isEqualTo(2);
		tracked.assertAllReleased();
	}

	@Test
	void dataLargerThanTheLimitFailsAfterTheEventsBeforeIt() {
		TrackedChunks tracked = new TrackedChunks();
		String big = "x".repeat(60);
		List<byte[]> chunks = List.of(utf8("data: ok\n\ndata: " + big + "\ndata: "), utf8(big + "\n\n"),
				utf8("data: never\n\n"));
		StepVerifier.create(events(tracked.body(chunks)))
			.expectNext(event("message", "ok"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(DataBufferLimitException.class)
				.hasMessageContaining("100 bytes"))
			.verify(TIMEOUT);
		tracked.assertAllReleased();
	}

	@Test
	void eventsCompletedInTheChunkThatPassesTheLimitAreEmittedBeforeTheError() {
		String big = "x".repeat(60);
		for (String stream : List.of("data: 1\n\ndata: 2\n\ndata: " + big + "\ndata: " + big + "\n\n",
				"data: 1\n\ndata: 2\n\ndata: " + big + "\ndata: " + big,
				"data: 1\n\ndata: 2\n\n: " + big + big)) {
			TrackedChunks tracked = new TrackedChunks();
			StepVerifier.create(events(tracked.body(List.of(utf8(stream)))))
				.expectNext(event("message", "1"), event("message", "2"))
				.expectError(DataBufferLimitException.class)
				.verify(TIMEOUT);
			tracked.assertAllReleased();
		}
	}

	@Test
	void aLineThatNeverEndsFailsOnceItPassesTheLimitInsteadOfBufferingOn() {
		TrackedChunks tracked = new TrackedChunks();
		List<byte[]> chunks = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			chunks.add(utf8(": " + "x".repeat(40)));
		}
		StepVerifier.create(events(tracked.body(chunks)))
			.expectError(DataBufferLimitException.class)
			.verify(TIMEOUT);
		assertThat(tracked.handedOutCount()).isLessThanOrEqualTo(4);
		tracked.assertAllReleased();
	}

	@Test
	void anEventOfExactlyTheLimitIsDecodedWhicheverWayItIsSplit() {
		String data = "y".repeat(94);
		byte[] stream = utf8("data: " + data + "\n\n");
		for (int offset = 1; offset < stream.length; offset++) {
			StepVerifier.create(events(new TrackedChunks().body(split(stream, offset))))
				.expectNext(event("message", data))
				.expectComplete()
				.verify(TIMEOUT);
		}
		StepVerifier.create(events(new TrackedChunks().body(List.of(utf8("data: " + data + "z\n\n")))))
			.expectError(DataBufferLimitException.class)
			.verify(TIMEOUT);
	}

	@Test
	void eachSubscriptionDecodesTheBodyAfresh() {
		Flux<SseEvent> events = events(
				Flux.defer(() -> new TrackedChunks().body(List.of(utf8("data: 1\n\ndata: 2")))));
		for (int i = 0; i < 2; i++) {
			StepVerifier.create(events)
				.expectNext(event("message", "1"), event("message", "2"))
				.expectComplete()
				.verify(TIMEOUT);
		}
	}

	@Test
	void aLimitThatIsNotPositiveIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ServerSentEventDecoder(0))
			.withMessageContaining("'maxEventSize'");
	}

}
