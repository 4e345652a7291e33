package dev.assistants4j.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.WebClient;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.emulator.junit.AssistantsEmulatorExtension;
import dev.assistants4j.emulator.responder.DefaultResponder;
import dev.assistants4j.emulator.responder.Reply;
import dev.assistants4j.emulator.responder.ScriptedResponder;
import dev.assistants4j.model.run.RunErrorCode;
import dev.assistants4j.model.run.RunStatus;
import dev.assistants4j.model.tool.Tool;
import dev.assistants4j.stream.ServerSentEventDecoder;
import dev.assistants4j.stream.SseEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streamed runs read as a client in any language reads them, as raw server-sent events: the service's event
 * order, one event flushed at a time, segments that end at requires_action and resume on submission.
 */
class RunStreamTests {

	private static final Duration TIMEOUT = RawExchange.TIMEOUT;

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final List<String> RUN_START = List.of("thread.run.created", "thread.run.queued",
			"thread.run.in_progress");

	private static final List<String> MESSAGE_START = List.of("thread.run.step.created",
			"thread.run.step.in_progress", "thread.message.created", "thread.message.in_progress");

	private static final List<String> MESSAGE_END = List.of("thread.message.completed", "thread.run.step.completed",
			"thread.run.completed", "done");

	private static final ScriptedResponder responder = new ScriptedResponder();

	@RegisterExtension
	static AssistantsEmulatorExtension emulator = new AssistantsEmulatorExtension(
			(builder) -> builder.responder(responder));

	private final AssistantsClient client = emulator.client();

	private final WebClient raw = RawExchange.client(emulator.emulator());

	@BeforeEach
	void answerByDefault() {
		responder.otherwise(new DefaultResponder());
	}

	@Test
	void streamsARunInTheServiceEventOrder() {
		String threadId = Fixtures.thread(this.client, "Hello world");
		List<SseEvent> events = post("/threads/" + threadId + "/runs", Map.of("assistant_id", Fixtures.assistant(this.client)))
			.collectList()
			.block(TIMEOUT);
		assertThat(names(events)).containsExactlyElementsOf(concat(RUN_START, MESSAGE_START,
				List.of("thread.message.delta", "thread.message.delta", "thread.message.delta",
						"thread.message.delta", "thread.message.delta"),
				MESSAGE_END));
		assertThat(data(events, "thread.run.created").get("status").stringValue()).isEqualTo("queued");
		assertThat(data(events, "thread.run.in_progress").get("status").stringValue()).isEqualTo("in_progress");
		String streamed = events.stream()
			.filter((event) -> event.event().equals("thread.message.delta"))
			.map((event) -> json(event).at("/delta/content/0/text/value").stringValue())
			.collect(Collectors.joining());
		assertThat(streamed).isEqualTo("[emulator] You said: Hello world");
		assertThat(data(events, "thread.message.completed").at("/content/0/text/value").stringValue())
			.isEqualTo(streamed);
		JsonNode completed = data(events, "thread.run.completed");
		assertThat(completed.get("status").stringValue()).isEqualTo("completed");
		assertThat(completed.get("usage").get("completion_tokens").intValue()).isEqualTo(5);
		assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
	}

	@Test
	void startsTheStreamOfANewThreadWithIt() {
		List<SseEvent> events = post("/threads/runs", Map.of("assistant_id", Fixtures.assistant(this.client), "thread",
				Map.of("messages", List.of(Map.of("role", "user", "content", "Hi")))))
			.collectList()
			.block(TIMEOUT);
		assertThat(names(events).subList(0, 4)).containsExactly("thread.created", "thread.run.created",
				"thread.run.queued", "thread.run.in_progress");
		assertThat(data(events, "thread.created").get("id").stringValue())
			.isEqualTo(data(events, "thread.run.created").get("thread_id").stringValue());
		assertThat(names(events)).endsWith(MESSAGE_END.toArray(String[]::new));
	}

	@Test
	void endsTheStreamAtRequiresActionAndResumesItOnSubmission() {
		String threadId = Fixtures.thread(this.client, "Weather in Paris?");
		String assistantId = Fixtures.assistant(this.client, Tool.function("get_weather", null,
				Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")), "required",
						List.of("city"))));
		List<SseEvent> calling = post("/threads/" + threadId + "/runs", Map.of("assistant_id", assistantId))
			.collectList()
			.block(TIMEOUT);
		assertThat(names(calling)).containsExactlyElementsOf(concat(RUN_START,
				List.of("thread.run.step.created", "thread.run.step.in_progress", "thread.run.step.delta",
						"thread.run.step.delta", "thread.run.requires_action", "done")));
		assertThat(data(calling, "thread.run.step.created").at("/step_details/tool_calls").isEmpty()).isTrue();
		JsonNode required = data(calling, "thread.run.requires_action");
		JsonNode call = required.at("/required_action/submit_tool_outputs/tool_calls/0");
		assertThat(call.at("/function/name").stringValue()).isEqualTo("get_weather");
		assertThat(call.at("/function/arguments").stringValue()).isEqualTo("{\"city\":\"Paris\"}");
		String runId = required.get("id").stringValue();
		List<SseEvent> resumed = post("/threads/" + threadId + "/runs/" + runId + "/submit_tool_outputs",
				Map.of("tool_outputs", List.of(Map.of("tool_call_id", call.get("id").stringValue(), "output", "sunny"))))
			.collectList()
			.block(TIMEOUT);
		assertThat(names(resumed).subList(0, 4)).containsExactly("thread.run.step.completed", "thread.run.queued",
				"thread.run.in_progress", "thread.run.step.created");
		assertThat(data(resumed, "thread.run.step.completed").at("/step_details/tool_calls/0/function/output")
			.stringValue()).isEqualTo("sunny");
		assertThat(names(resumed)).endsWith(MESSAGE_END.toArray(String[]::new));
	}

	@Test
	void flushesEachEventAsItHappens() {
		Sinks.Many<String> chunks = Sinks.many().unicast().onBackpressureBuffer();
		responder.then(Reply.text(chunks.asFlux()));
		String threadId = Fixtures.thread(this.client, "Hi");
		StepVerifier.create(post("/threads/" + threadId + "/runs", Map.of("assistant_id", Fixtures.assistant(this.client)))
				.map(SseEvent::event))
			.expectNextSequence(concat(RUN_START, MESSAGE_START))
			.then(() -> chunks.tryEmitNext("Hel"))
			// The delta reaches the client while the answer is still being written.
			.expectNext("thread.message.delta")
			.then(() -> {
				chunks.tryEmitNext("lo");
				chunks.tryEmitComplete();
			})
			.expectNext("thread.message.delta")
			.expectNextSequence(MESSAGE_END)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void goesOnWhenTheClientStopsReading() {
		Sinks.Many<String> chunks = Sinks.many().unicast().onBackpressureBuffer();
		responder.then(Reply.text(chunks.asFlux()));
		String threadId = Fixtures.thread(this.client, "Hi");
		List<SseEvent> read = post("/threads/" + threadId + "/runs", Map.of("assistant_id", Fixtures.assistant(this.client)))
			.doOnSubscribe((subscription) -> chunks.tryEmitNext("Hello"))
			.takeUntil((event) -> event.event().equals("thread.message.delta"))
			.collectList()
			.block(TIMEOUT);
		String runId = data(read, "thread.run.created").get("id").stringValue();
		chunks.tryEmitNext(" again");
		chunks.tryEmitComplete();
		StepVerifier.create(this.client.runs().poll(threadId, runId))
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.COMPLETED))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void streamsAFailureInsideTheRun() {
		responder.thenFail(RunErrorCode.RATE_LIMIT_EXCEEDED, "Rate limit reached for gpt-4o.");
		String threadId = Fixtures.thread(this.client, "Hi");
		List<SseEvent> events = post("/threads/" + threadId + "/runs", Map.of("assistant_id", Fixtures.assistant(this.client)))
			.collectList()
			.block(TIMEOUT);
		assertThat(names(events)).containsExactlyElementsOf(concat(RUN_START, List.of("thread.run.failed", "done")));
		JsonNode failed = data(events, "thread.run.failed");
		assertThat(failed.at("/last_error/code").stringValue()).isEqualTo("rate_limit_exceeded");
		assertThat(failed.at("/last_error/message").stringValue()).isEqualTo("Rate limit reached for gpt-4o.");
	}

	@Test
	void streamsTheCancellationOfARun() {
		Sinks.Many<String> chunks = Sinks.many().unicast().onBackpressureBuffer();
		responder.then(Reply.text(chunks.asFlux()));
		String threadId = Fixtures.thread(this.client, "Hi");
		AtomicReference<String> runId = new AtomicReference<>();
		StepVerifier.create(post("/threads/" + threadId + "/runs", Map.of("assistant_id", Fixtures.assistant(this.client))))
			.assertNext((created) -> runId.set(json(created).get("id").stringValue()))
			.expectNextCount(RUN_START.size() + MESSAGE_START.size() - 1)
			.then(() -> this.client.runs().cancel(threadId, runId.get()).subscribe())
			.recordWith(ArrayList::new)
			.thenConsumeWhile((event) -> true)
			.consumeRecordedWith((ending) -> assertThat(names(List.copyOf(ending))).containsExactly(
					"thread.run.cancelling", "thread.message.incomplete", "thread.run.step.cancelled",
					"thread.run.cancelled", "done"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	private Flux<SseEvent> post(String uri, Map<String, Object> body) {
		Map<String, Object> streamed = new LinkedHashMap<>(body);
		streamed.put("stream", true);
		return this.raw.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(MAPPER.writeValueAsString(streamed))
			.exchangeToFlux((response) -> {
				assertThat(response.statusCode().value()).isEqualTo(200);
				assertThat(response.headers().contentType()).hasValueSatisfying(
						(type) -> assertThat(type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM)).isTrue());
				return new ServerSentEventDecoder(1 << 20).decode(response.body(BodyExtractors.toDataBuffers()));
			});
	}

	private static List<String> names(List<SseEvent> events) {
		return events.stream().map(SseEvent::event).toList();
	}

	private static JsonNode data(List<SseEvent> events, String name) {
		return json(events.stream().filter((event) -> event.event().equals(name)).findFirst().orElseThrow());
	}

	private static JsonNode json(SseEvent event) {
		return MAPPER.readTree(event.data());
	}

	@SafeVarargs
	private static List<String> concat(List<String>... parts) {
		return Arrays.stream(parts).flatMap(List::stream).toList();
	}

}
