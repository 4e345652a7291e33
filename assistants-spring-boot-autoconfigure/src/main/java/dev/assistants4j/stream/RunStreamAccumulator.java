package dev.assistants4j.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

import dev.assistants4j.model.message.MessageContentDelta;
import dev.assistants4j.model.message.MessageDelta;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.thread.AssistantThread;
import dev.assistants4j.stream.AssistantStreamEvent.MessageDeltaEvent;
import dev.assistants4j.stream.AssistantStreamEvent.MessageEvent;
import dev.assistants4j.stream.AssistantStreamEvent.RunEvent;
import dev.assistants4j.stream.AssistantStreamEvent.RunStepDeltaEvent;
import dev.assistants4j.stream.AssistantStreamEvent.RunStepEvent;
import dev.assistants4j.stream.AssistantStreamEvent.ThreadEvent;

/**
 * Folds the events of a streamed run into what they describe: the run as its last event left it, and its
 * messages and steps, each built from its snapshots and deltas. Deltas merge by the {@code index} of each
 * part: text, function arguments and code are appended, annotations and other fields are replaced field by
 * field, code interpreter outputs and file search results are added. A whole object, such as the one of
 * {@code thread.message.completed}, replaces what the deltas built so far, part by part. Deltas of a type this
 * version does not know are left out, and the last snapshot of their message or step brings them whole;
 * {@link AssistantStreamEvent.Unknown} events are ignored.
 *
 * <p>Fold a whole stream with {@link #accumulate}, or feed events one by one with {@link #accept} and take a
 * {@link #snapshot} whenever needed, such as after each event to show a message as it grows. An instance is
 * not thread-safe: feed it from one stream, which Reactor does serially.
 */
public final class RunStreamAccumulator {

	private @Nullable AssistantThread thread;

	private @Nullable Run run;

	private final Map<String, MessageAccumulator> messages = new LinkedHashMap<>();

	private final Map<String, RunStepAccumulator> steps = new LinkedHashMap<>();

	/**
	 * Folds the events of a stream, such as the one of
	 * {@link dev.assistants4j.client.RunOperations#createStream}, as they come.
	 * @param events the events
	 * @return what the events add up to once the stream completes; the stream's error if it fails
	 */
	public static Mono<RunStreamResult> accumulate(Publisher<? extends AssistantStreamEvent> events) {
		Assert.notNull(events, "'events' must not be null");
		return Flux.<AssistantStreamEvent>from(events)
			.collect(RunStreamAccumulator::new, RunStreamAccumulator::accept)
			.map(RunStreamAccumulator::snapshot);
	}

	/**
	 * Picks the pieces of text of a stream's messages, in order, for an answer shown as it is written.
	 * @param events the events
	 * @return each non-empty text value of the {@code thread.message.delta} events; the stream's error if it
	 * fails
	 */
	public static Flux<String> textDeltas(Publisher<? extends AssistantStreamEvent> events) {
		Assert.notNull(events, "'events' must not be null");
		return Flux.<AssistantStreamEvent>from(events)
			.ofType(MessageDeltaEvent.class)
			.concatMapIterable((event) -> textPieces(event.delta()));
	}

	private static List<String> textPieces(MessageDelta delta) {
		List<String> pieces = new ArrayList<>(1);
		if (delta.delta() != null) {
			for (MessageContentDelta part : delta.delta().content()) {
				if (part instanceof MessageContentDelta.Text text && text.text() != null
						&& text.text().value() != null && !text.text().value().isEmpty()) {
					pieces.add(text.text().value());
				}
			}
		}
		return pieces;
	}

	/**
	 * Folds one event into what came before it.
	 * @param event the event
	 */
	public void accept(AssistantStreamEvent event) {
		Assert.notNull(event, "'event' must not be null");
		if (event instanceof ThreadEvent threadEvent) {
			this.thread = threadEvent.thread();
		}
		else if (event instanceof RunEvent runEvent) {
			this.run = runEvent.run();
		}
		else if (event instanceof RunStepEvent stepEvent) {
			step(stepEvent.step().id()).snapshot(stepEvent.step());
		}
		else if (event instanceof RunStepDeltaEvent deltaEvent && deltaEvent.delta().delta() != null) {
			step(deltaEvent.delta().id()).delta(deltaEvent.delta().delta());
		}
		else if (event instanceof MessageEvent messageEvent) {
			message(messageEvent.message().id()).snapshot(messageEvent.message());
		}
		else if (event instanceof MessageDeltaEvent deltaEvent && deltaEvent.delta().delta() != null) {
			message(deltaEvent.delta().id()).delta(deltaEvent.delta().delta());
		}
	}

	/**
	 * Returns what the events folded so far add up to. The result is a copy: later events do not change it.
	 * @return the result
	 */
	public RunStreamResult snapshot() {
		return new RunStreamResult(this.thread, this.run,
				this.messages.values().stream().map(MessageAccumulator::message).toList(),
				this.steps.values().stream().map(RunStepAccumulator::step).toList());
	}

	private MessageAccumulator message(@Nullable String id) {
		return this.messages.computeIfAbsent(Objects.toString(id, ""), (key) -> new MessageAccumulator(id));
	}

	private RunStepAccumulator step(@Nullable String id) {
		return this.steps.computeIfAbsent(Objects.toString(id, ""), (key) -> new RunStepAccumulator(id));
	}

}
