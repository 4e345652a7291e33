package dev.assistants4j.client;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import dev.assistants4j.model.message.CreateMessageRequest;
import dev.assistants4j.model.run.CreateRunRequest;
import dev.assistants4j.model.run.CreateThreadAndRunRequest;
import dev.assistants4j.model.run.RunStatus;
import dev.assistants4j.model.run.SubmitToolOutputsRequest;
import dev.assistants4j.model.thread.CreateThreadRequest;
import dev.assistants4j.stream.AssistantStreamEvent;
import dev.assistants4j.stream.AssistantStreamEvent.RunEvent;
import dev.assistants4j.stream.AssistantStreamEvent.ThreadEvent;
import dev.assistants4j.stream.AssistantStreamEvent.Unknown;
import dev.assistants4j.stream.RunStreamAccumulator;
import dev.assistants4j.stream.RunStreams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.assistants4j.client.AssistantOperationsTests.fixture;
import static dev.assistants4j.client.AssistantsStubs.TIMEOUT;
import static dev.assistants4j.client.AssistantsStubs.errorOf;
import static dev.assistants4j.client.AssistantsStubs.requests;
import static dev.assistants4j.client.WireExchanges.assertOnlyRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code runs().createStream(..)}, {@code runs().submitToolOutputsStream(..)} and
 * {@code threads().createAndRunStream(..)}: the request each sends, its events typed, and how a stream ends.
 */
class RunStreamOperationsTests {

	private static final String RUNS = "/v1/threads/thread_Mth8Tutor/runs";

	private static final String SUBMIT = "/v1/threads/thread_W3ath3r/runs/run_W3ath3rCalls/submit_tool_outputs";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final AssistantsClient client = WireExchanges.client(server);

	private static ResponseDefinitionBuilder eventStream(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
	}

	private Flux<AssistantStreamEvent> createStream() {
		return this.client.runs()
			.createStream("thread_Mth8Tutor",
					CreateRunRequest.builder("asst_9Kp2TqLm").additionalInstructions("Answer briefly.").build());
	}

	/**
	 * Subscribes and returns the events, asserting that the stream completes.
	 */
	private static List<AssistantStreamEvent> all(Flux<AssistantStreamEvent> stream) {
		List<AssistantStreamEvent> events = new ArrayList<>();
		StepVerifier.create(stream.collectList()).consumeNextWith(events::addAll).expectComplete().verify(TIMEOUT);
		return events;
	}

	private static List<String> events(Flux<AssistantStreamEvent> stream) {
		return RunStreams.describe(all(stream));
	}

	/**
	 * Returns a fixture cut just before its first event of the given name, which is left out with all after it.
	 */
	private static String cutBefore(String fixture, String event) {
		String transcript = fixture(fixture);
		return transcript.substring(0, transcript.indexOf("event: " + event + "\n"));
	}

	@Test
	void createStreamPostsTheRunWithStreamTrueAndEmitsItsEventsTyped() {
		server.stubFor(post(RUNS).willReturn(eventStream(fixture("stream-text-answer.txt"))));
		List<String> events = events(createStream());
		assertThat(events).hasSize(17)
			.startsWith("thread.run.created run_T3xtAnsw3r queued", "thread.run.queued run_T3xtAnsw3r queued")
			.contains("thread.message.delta msg_T3xtMsg \" x²\"")
			.endsWith("thread.run.completed run_T3xtAnsw3r completed");
		assertOnlyRequest(server, postRequestedFor(urlEqualTo(RUNS)).withHeader("Accept", equalTo("text/event-stream"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"assistant_id":"asst_9Kp2TqLm","additional_instructions":"Answer briefly.","stream":true}""")));
	}

	@Test
	void createAndRunStreamPostsTheThreadAndRunAndStartsWithTheThread() {
		server.stubFor(post("/v1/threads/runs")
			.willReturn(eventStream(fixture("stream-create-thread-and-run-functions-spec.txt"))));
		Flux<AssistantStreamEvent> stream = this.client.threads()
			.createAndRunStream(CreateThreadAndRunRequest.builder("asst_123")
				.thread(CreateThreadRequest.builder()
					.addMessage(CreateMessageRequest.user("What is the weather like in San Francisco?"))
					.build())
				.build());
		StepVerifier.create(stream)
			.assertNext((event) -> assertThat(event).isInstanceOfSatisfying(ThreadEvent.class,
					(thread) -> assertThat(thread.thread().id()).isEqualTo("thread_123")))
			.expectNextCount(10)
			.assertNext((event) -> assertThat(event).isInstanceOfSatisfying(RunEvent.class, (run) -> {
				assertThat(run.event()).isEqualTo(RunEvent.REQUIRES_ACTION);
				assertThat(run.run().requiredToolCalls()).singleElement()
					.satisfies((call) -> assertThat(call.id()).isEqualTo("call_XXNp8YGaFrjrSjgqxtC8JJ1B"));
			}))
			.expectComplete()
			.verify(TIMEOUT);
		assertOnlyRequest(server, postRequestedFor(urlEqualTo("/v1/threads/runs"))
			.withHeader("Accept", equalTo("text/event-stream"))
			.withRequestBody(equalToJson("""
					{"assistant_id":"asst_123","thread":{"messages":[{"role":"user",\
					"content":"What is the weather like in San Francisco?"}]},"stream":true}""")));
	}

	@Test
	void submitToolOutputsStreamPostsEveryOutputAndStreamsTheRestOfTheRun() {
		server.stubFor(post(SUBMIT).willReturn(eventStream(fixture("stream-function-call-outputs.txt"))));
		Flux<AssistantStreamEvent> stream = this.client.runs()
			.submitToolOutputsStream("thread_W3ath3r", "run_W3ath3rCalls",
					SubmitToolOutputsRequest.builder()
						.addToolOutput("call_P4r1sW3ath3r", "{\"temperature_c\": 18}")
						.addToolOutput("call_T0ky0W3ath3r", "{\"temperature_c\": 24}")
						.build());
		assertThat(events(stream)).hasSize(15)
			.startsWith("thread.run.step.completed step_ToolCalls completed")
			.endsWith("thread.run.completed run_W3ath3rCalls completed");
		assertOnlyRequest(server, postRequestedFor(urlEqualTo(SUBMIT)).withHeader("Accept", equalTo("text/event-stream"))
			.withRequestBody(equalToJson("""
					{"tool_outputs":[{"tool_call_id":"call_P4r1sW3ath3r","output":"{\\"temperature_c\\": 18}"},\
					{"tool_call_id":"call_T0ky0W3ath3r","output":"{\\"temperature_c\\": 24}"}],"stream":true}""")));
	}

	@Test
	void streamThenSubmittedOutputsAccumulateIntoTheFinishedRun() {
		server.stubFor(post("/v1/threads/thread_W3ath3r/runs").willReturn(eventStream(fixture("stream-function-call.txt"))));
		server.stubFor(post(SUBMIT).willReturn(eventStream(fixture("stream-function-call-outputs.txt"))));
		RunOperations runs = this.client.runs();
		Flux<AssistantStreamEvent> whole = runs.createStream("thread_W3ath3r", CreateRunRequest.builder("asst_9Kp2TqLm").build())
			.concatWith(runs.submitToolOutputsStream("thread_W3ath3r", "run_W3ath3rCalls",
					SubmitToolOutputsRequest.of("call_P4r1sW3ath3r", "18")));
		StepVerifier.create(RunStreamAccumulator.accumulate(whole)).assertNext((result) -> {
			assertThat(result.run().status()).isEqualTo(RunStatus.COMPLETED);
			assertThat(result.text()).isEqualTo("It's 18°C and cloudy in Paris, and 24°C and clear in Tokyo.");
		}).expectComplete().verify(TIMEOUT);
	}

	@Test
	void textDeltasOfAStreamAreItsAnswerPieceByPiece() {
		server.stubFor(post(RUNS).willReturn(eventStream(fixture("stream-text-answer.txt"))));
		StepVerifier.create(RunStreamAccumulator.textDeltas(createStream()))
			.expectNext("The", " derivative", " of", " x²", " is", " 2x", ".")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void errorEventFailsTheStreamAfterTheEventsBeforeIt() {
		server.stubFor(post(RUNS).willReturn(eventStream(fixture("stream-error.txt"))));
		StepVerifier.create(createStream())
			.expectNextCount(10)
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(AssistantsStreamException.class)
					.hasMessageContaining("The server had an error while processing your request.");
				assertThat(((AssistantsStreamException) ex).error().code()).isEqualTo("server_error");
			})
			.verify(TIMEOUT);
	}

	@Test
	void unknownEventsPassAsUnknownAndTheStreamGoesOn() {
		server.stubFor(post(RUNS).willReturn(eventStream(fixture("stream-unknown-events.txt"))));
		List<AssistantStreamEvent> events = all(createStream());
		assertThat(events).hasSize(18);
		assertThat(events).filteredOn(Unknown.class::isInstance)
			.extracting(AssistantStreamEvent::event)
			.containsExactly("ping", "thread.run.step.paused", "thread.message.in_progress", "message");
	}

	@Test
	void lastFrameWithoutItsBlankLineEndsTheStream() {
		server.stubFor(post(RUNS).willReturn(eventStream(fixture("stream-no-final-blank-line.txt"))));
		assertThat(events(createStream())).hasSize(12).endsWith("thread.run.completed run_N0Bl4nk completed");
	}

	@Test
	void streamCutBeforeTheRunFinishedFailsAfterTheEventsItSent() {
		server.stubFor(post(RUNS).willReturn(eventStream(cutBefore("stream-text-answer.txt", "thread.message.completed"))));
		StepVerifier.create(createStream())
			.expectNextCount(14)
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(AssistantsStreamException.class)
				.hasMessage("POST /threads/{thread_id}/runs ended before the run finished "
						+ "(last run event: thread.run.in_progress)"))
			.verify(TIMEOUT);
		assertThat(requests(server)).hasSize(1);
	}

	@Test
	void emptyStreamFailsAsARunThatNeverStarted() {
		server.stubFor(post(RUNS).willReturn(eventStream("")));
		assertThat(errorOf(createStream())).isExactlyInstanceOf(AssistantsStreamException.class)
			.hasMessageEndingWith("ended before the run finished (last run event: none)");
	}

	@Test
	void streamThatEndsWithoutDoneAtRequiresActionOrAnEndedRunCompletes() {
		server.stubFor(post(RUNS).willReturn(eventStream(cutBefore("stream-function-call.txt", "done"))));
		assertThat(events(createStream())).hasSize(12)
			.endsWith("thread.run.requires_action run_W3ath3rCalls requires_action");
		server.resetAll();
		server.stubFor(post(RUNS).willReturn(eventStream(cutBefore("stream-incomplete.txt", "done"))));
		assertThat(events(createStream())).hasSize(18).endsWith("thread.run.incomplete run_St0ryT00L0ng incomplete");
	}

	@Test
	void doneCompletesTheStreamEvenBeforeTheRunEnded() {
		// The spec's transcript loses its thread.run.completed to a missing "data: ", but the server said done.
		server.stubFor(post("/v1/threads/runs").willReturn(eventStream(fixture("stream-create-thread-and-run-spec.txt"))));
		assertThat(events(this.client.threads().createAndRunStream(CreateThreadAndRunRequest.builder("asst_123").build())))
			.hasSize(13)
			.endsWith("thread.run.step.completed step_001 completed");
	}

	@Test
	void nothingIsSentUntilSubscribed() {
		createStream();
		this.client.runs().submitToolOutputsStream("thread_1", "run_1", SubmitToolOutputsRequest.of("call_1", "x"));
		this.client.threads().createAndRunStream(CreateThreadAndRunRequest.builder("asst_1").build());
		assertThat(requests(server)).isEmpty();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", ".." })
	void badIdsAreRejectedBeforeAnyIo(String id) {
		RunOperations runs = this.client.runs();
		CreateRunRequest create = CreateRunRequest.builder("asst_1").build();
		SubmitToolOutputsRequest outputs = SubmitToolOutputsRequest.of("call_1", "x");
		assertThatIllegalArgumentException().isThrownBy(() -> runs.createStream(id, create))
			.withMessageContaining("'threadId'");
		assertThatIllegalArgumentException().isThrownBy(() -> runs.submitToolOutputsStream(id, "run_1", outputs))
			.withMessageContaining("'threadId'");
		assertThatIllegalArgumentException().isThrownBy(() -> runs.submitToolOutputsStream("thread_1", id, outputs))
			.withMessageContaining("'runId'");
		assertThat(requests(server)).isEmpty();
	}

	@Test
	void nullRequestsAreRejectedBeforeAnyIo() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.runs().createStream("thread_1", null))
			.withMessageContaining("'request'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.runs().submitToolOutputsStream("thread_1", "run_1", null))
			.withMessageContaining("'request'");
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.threads().createAndRunStream(null))
			.withMessageContaining("'request'");
		assertThat(requests(server)).isEmpty();
	}

}
