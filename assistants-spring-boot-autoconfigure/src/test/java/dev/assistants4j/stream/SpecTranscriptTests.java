package dev.assistants4j.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.assistants4j.stream.TrackedChunks.decode;
import static dev.assistants4j.stream.TrackedChunks.randomChunks;
import static dev.assistants4j.stream.TrackedChunks.split;
import static dev.assistants4j.stream.TrackedChunks.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The five streams of the published specification decode to their events however the network cuts them.
 */
class SpecTranscriptTests {

	private static final List<String> TEXT_ANSWER = List.of("thread.run.created", "thread.run.queued",
			"thread.run.in_progress", "thread.run.step.created", "thread.run.step.in_progress",
			"thread.message.created", "thread.message.in_progress", "thread.message.delta", "thread.message.delta",
			"thread.message.delta", "thread.message.completed", "thread.run.step.completed", "thread.run.completed",
			"done");

	static Stream<Arguments> transcripts() {
		return Stream.of(
				// The spec's thread.run.completed line lacks its "data: " prefix: a field named {"id" is ignored,
				// so that event has no data and is not dispatched, as in a browser.
				arguments("stream-create-thread-and-run-spec.txt", Stream.concat(Stream.of("thread.created"),
						TEXT_ANSWER.stream().filter((name) -> !name.equals("thread.run.completed")))
					.toList()),
				arguments("stream-create-thread-and-run-functions-spec.txt", List.of("thread.created",
						"thread.run.created", "thread.run.queued", "thread.run.in_progress", "thread.run.step.created",
						"thread.run.step.in_progress", "thread.run.step.delta", "thread.run.step.delta",
						"thread.run.step.delta", "thread.run.step.delta", "thread.run.step.delta",
						"thread.run.requires_action", "done")),
				arguments("stream-create-run-spec.txt", TEXT_ANSWER),
				arguments("stream-create-run-functions-spec.txt", TEXT_ANSWER),
				arguments("stream-submit-tool-outputs-spec.txt", List.of("thread.run.step.completed",
						"thread.run.queued", "thread.run.in_progress", "thread.run.step.created",
						"thread.run.step.in_progress", "thread.message.created", "thread.message.in_progress",
						"thread.message.delta", "thread.message.delta", "thread.message.delta", "thread.message.delta",
						"thread.message.delta", "thread.message.completed", "thread.run.step.completed",
						"thread.run.completed", "done")));
	}

	static String fixture(String name) {
		try (InputStream in = SpecTranscriptTests.class.getResourceAsStream("/fixtures/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("transcripts")
	void wholeTranscriptDecodesToItsEventsWithTheirDataVerbatim(String name, List<String> eventNames) {
		String transcript = fixture(name);
		List<SseEvent> events = decode(transcript);
		assertThat(events).extracting(SseEvent::event).containsExactlyElementsOf(eventNames);
		assertThat(events).allSatisfy((event) -> {
			assertThat(transcript).contains("\ndata: " + event.data() + "\n");
			assertThat(event.id()).isNull();
		});
		assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
		assertThat(events.subList(0, events.size() - 1)).allSatisfy((event) -> assertThat(event.data())
			.startsWith("{\"id\":\"")
			.contains("\"object\":\"" + objectOf(event.event()) + "\""));
	}

	/**
	 * Returns the object type an event carries: a delta names its own, a status event its object's.
	 */
	private static String objectOf(String event) {
		return event.endsWith(".delta") ? event : event.substring(0, event.lastIndexOf('.'));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("transcripts")
	void transcriptSplitInTwoAtEveryByteDecodesAsWhole(String name, List<String> eventNames) {
		byte[] transcript = utf8(fixture(name));
		List<SseEvent> whole = decode(List.of(transcript));
		for (int offset = 0; offset <= transcript.length; offset++) {
			assertThat(decode(split(transcript, offset))).as("split at byte %d", offset).isEqualTo(whole);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("transcripts")
	void transcriptCutIntoRandomSmallChunksDecodesAsWhole(String name, List<String> eventNames) {
		byte[] transcript = utf8(fixture(name));
		List<SseEvent> whole = decode(List.of(transcript));
		Random random = new Random(20240313L);
		for (int round = 0; round < 50; round++) {
			assertThat(decode(randomChunks(transcript, random, 1, 7))).as("round %d", round).isEqualTo(whole);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("transcripts")
	void transcriptWithCrlfOrCrLineEndsDecodesAsWithLf(String name, List<String> eventNames) {
		String transcript = fixture(name);
		List<SseEvent> whole = decode(transcript);
		Random random = new Random(7L);
		for (String end : List.of("\r\n", "\r")) {
			byte[] converted = utf8(transcript.replace("\n", end));
			assertThat(decode(List.of(converted))).isEqualTo(whole);
			assertThat(decode(randomChunks(converted, random, 1, 7))).isEqualTo(whole);
		}
	}

}
