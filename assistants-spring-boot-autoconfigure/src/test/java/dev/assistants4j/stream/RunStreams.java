package dev.assistants4j.stream;

import java.util.List;
import java.util.stream.Collectors;

import dev.assistants4j.model.message.MessageContentDelta;
import dev.assistants4j.model.message.MessageDelta;
import dev.assistants4j.stream.AssistantStreamEvent.MessageDeltaEvent;
import dev.assistants4j.stream.AssistantStreamEvent.MessageEvent;
import dev.assistants4j.stream.AssistantStreamEvent.RunEvent;
import dev.assistants4j.stream.AssistantStreamEvent.RunStepDeltaEvent;
import dev.assistants4j.stream.AssistantStreamEvent.RunStepEvent;
import dev.assistants4j.stream.AssistantStreamEvent.ThreadEvent;
import dev.assistants4j.stream.AssistantStreamEvent.Unknown;

import static dev.assistants4j.stream.TrackedChunks.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Run streams decoded from their bytes and typed as the client does, and one-line descriptions of their events
 * that name what a test checks: the type, the name, the object's id and status, a delta's text.
 */
public final class RunStreams {

	private static final AssistantStreamEventDecoder decoder = new AssistantStreamEventDecoder();

	private RunStreams() {
	}

	/**
	 * Decodes and types a fixture's events up to {@code done} or {@code error}, which end a stream.
	 */
	static List<AssistantStreamEvent> typed(String fixture) {
		return typed(List.of(utf8(SpecTranscriptTests.fixture(fixture))));
	}

	/**
	 * Decodes and types events as the client does, each straight from its bytes, checking that typing the
	 * events from their strings gives the same.
	 */
	static List<AssistantStreamEvent> typed(List<byte[]> chunks) {
		List<AssistantStreamEvent> fromStrings = TrackedChunks.decode(chunks)
			.stream()
			.takeWhile((event) -> !isEnd(event.event()))
			.map(decoder::decode)
			.toList();
		TrackedChunks tracked = new TrackedChunks();
		List<AssistantStreamEvent> fromBytes = new ServerSentEventDecoder(TrackedChunks.MAX_EVENT_SIZE)
			.decode(tracked.body(chunks),
					() -> (event, data, offset, length, id) -> isEnd(event) ? null
							: decoder.decode(event, data, offset, length))
			.collectList()
			.block(TrackedChunks.TIMEOUT);
		tracked.assertAllReleased();
		assertThat(fromBytes).as("events typed from their bytes").isEqualTo(fromStrings);
		return fromBytes;
	}

	private static boolean isEnd(String event) {
		return event.equals("done") || event.equals("error");
	}

	public static List<String> describe(List<? extends AssistantStreamEvent> events) {
		return events.stream().map(RunStreams::describe).toList();
	}

	/**
	 * Describes an event, such as {@code thread.run.queued run_1 queued} or {@code Unknown ping}.
	 */
	public static String describe(AssistantStreamEvent event) {
		if (event instanceof ThreadEvent thread) {
			return thread.event() + " " + thread.thread().id();
		}
		if (event instanceof RunEvent run) {
			return run.event() + " " + run.run().id() + " " + run.run().status();
		}
		if (event instanceof RunStepEvent step) {
			return step.event() + " " + step.step().id() + " " + step.step().status();
		}
		if (event instanceof RunStepDeltaEvent delta) {
			return delta.event() + " " + delta.delta().id();
		}
		if (event instanceof MessageEvent message) {
			return message.event() + " " + message.message().id() + " " + message.message().status();
		}
		if (event instanceof MessageDeltaEvent delta) {
			return delta.event() + " " + delta.delta().id() + " " + text(delta.delta());
		}
		return "Unknown " + ((Unknown) event).event();
	}

	private static String text(MessageDelta delta) {
		return delta.delta()
			.content()
			.stream()
			.map((part) -> (part instanceof MessageContentDelta.Text text) ? '"' + text.text().value() + '"'
					: part.type())
			.collect(Collectors.joining(" "));
	}

}
