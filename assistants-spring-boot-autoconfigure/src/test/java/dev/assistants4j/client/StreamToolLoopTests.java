package dev.assistants4j.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import dev.assistants4j.model.run.CreateRunRequest;
import dev.assistants4j.model.run.RunStatus;
import dev.assistants4j.stream.AssistantStreamEvent;
import dev.assistants4j.stream.RunStreamAccumulator;
import dev.assistants4j.tool.FunctionCall;
import dev.assistants4j.tool.ToolCallAbortException;
import dev.assistants4j.tool.ToolCallHandler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.assistants4j.client.AssistantOperationsTests.fixture;
import static dev.assistants4j.client.AssistantsStubs.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code runs().createStream(threadId, request, handler)}: a streamed run whose function calls are answered,
 * submitted together, and followed by the stream the submission starts, all on one {@code Flux}.
 */
class StreamToolLoopTests {

	private static final String RUNS = "/v1/threads/thread_W3ath3r/runs";

	private static final String RUN = RUNS + "/run_W3ath3rCalls";

	private static final String SUBMIT = RUN + "/submit_tool_outputs";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final AssistantsClient client = WireExchanges.client(server);

	private final List<FunctionCall> calls = new CopyOnWriteArrayList<>();

	private static ResponseDefinitionBuilder eventStream(String fixture) {
		return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(fixture(fixture));
	}

	private Flux<AssistantStreamEvent> createStream(ToolCallHandler handler) {
		return this.client.runs().createStream("thread_W3ath3r", CreateRunRequest.builder("asst_9Kp2TqLm").build(),
				handler);
	}

	private ToolCallHandler weather(Map<String, String> byCity) {
		return (call) -> {
			this.calls.add(call);
			return Mono.just(byCity.get((String) call.argumentsAsMap().get("location")));
		};
	}

	@Test
	void answersEveryCallSubmitsThemTogetherAndStreamsTheRunToItsEnd() {
		server.stubFor(post(RUNS).willReturn(eventStream("stream-function-call.txt")));
		server.stubFor(post(SUBMIT).willReturn(eventStream("stream-function-call-outputs.txt")));
		Flux<AssistantStreamEvent> events = createStream(weather(Map.of("Paris",
				"{\"temperature_c\": 18, \"sky\": \"cloudy\"}", "Tokyo", "{\"temperature_c\": 24, \"sky\": \"clear\"}")));
		StepVerifier.create(RunStreamAccumulator.accumulate(events)).assertNext((result) -> {
			assertThat(result.run().status()).isEqualTo(RunStatus.COMPLETED);
			assertThat(result.text()).isEqualTo("It's 18°C and cloudy in Paris, and 24°C and clear in Tokyo.");
		}).expectComplete().verify(TIMEOUT);
		assertThat(this.calls).extracting(FunctionCall::id).containsExactly("call_P4r1sW3ath3r", "call_T0ky0W3ath3r");
		server.verify(1, postRequestedFor(urlEqualTo(SUBMIT)).withRequestBody(equalToJson("""
				{"stream":true,"tool_outputs":[
				 {"tool_call_id":"call_P4r1sW3ath3r","output":"{\\"temperature_c\\": 18, \\"sky\\": \\"cloudy\\"}"},
				 {"tool_call_id":"call_T0ky0W3ath3r","output":"{\\"temperature_c\\": 24, \\"sky\\": \\"clear\\"}"}]}""")));
	}

	@Test
	void emitsTheEventsOfBothStreamsInOrderOnOneFlux() {
		server.stubFor(post(RUNS).willReturn(eventStream("stream-function-call.txt")));
		server.stubFor(post(SUBMIT).willReturn(eventStream("stream-function-call-outputs.txt")));
		StepVerifier.create(createStream(weather(Map.of("Paris", "18", "Tokyo", "24")))
			.filter(AssistantStreamEvent.RunEvent.class::isInstance)
			.map(AssistantStreamEvent::event))
			.expectNext("thread.run.created", "thread.run.queued", "thread.run.in_progress",
					"thread.run.requires_action")
			.expectNextSequence(List.of("thread.run.queued", "thread.run.in_progress", "thread.run.completed"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void aFailingFunctionBecomesAnErrorOutputAndTheRunGoesOn() {
		server.stubFor(post(RUNS).willReturn(eventStream("stream-function-call.txt")));
		server.stubFor(post(SUBMIT).willReturn(eventStream("stream-function-call-outputs.txt")));
		ToolCallHandler failing = (call) -> Mono.error(new IllegalStateException("weather service is down"));
		StepVerifier.create(RunStreamAccumulator.accumulate(createStream(failing)))
			.assertNext((result) -> assertThat(result.run().status()).isEqualTo(RunStatus.COMPLETED))
			.expectComplete()
			.verify(TIMEOUT);
		server.verify(postRequestedFor(urlEqualTo(SUBMIT)).withRequestBody(equalToJson("""
				{"stream":true,"tool_outputs":[
				 {"tool_call_id":"call_P4r1sW3ath3r","output":"{\\"error\\":\\"weather service is down\\"}"},
				 {"tool_call_id":"call_T0ky0W3ath3r","output":"{\\"error\\":\\"weather service is down\\"}"}]}""")));
	}

	@Test
	void anAbortingFunctionEndsTheStreamWithoutSubmitting() {
		server.stubFor(post(RUNS).willReturn(eventStream("stream-function-call.txt")));
		ToolCallHandler aborting = (call) -> Mono.error(new ToolCallAbortException("user cancelled"));
		StepVerifier.create(createStream(aborting).then())
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(ToolCallAbortException.class)
				.hasMessage("user cancelled"))
			.verify(TIMEOUT);
		server.verify(0, postRequestedFor(urlEqualTo(SUBMIT)));
	}

	@Test
	void aRunThatExpiredWhileItsFunctionsRanEndsWithAClearError() {
		server.stubFor(post(RUNS).willReturn(eventStream("stream-function-call.txt")));
		server.stubFor(post(SUBMIT).willReturn(aResponse().withStatus(400).withBody("""
				{"error":{"message":"Run run_W3ath3rCalls is expired","type":"invalid_request_error"}}""")));
		server.stubFor(get(RUN).willReturn(okJson("""
				{"id":"run_W3ath3rCalls","object":"thread.run","thread_id":"thread_W3ath3r","status":"expired",
				 "expires_at":1731401600}""")));
		StepVerifier.create(createStream(weather(Map.of("Paris", "18", "Tokyo", "24"))).then())
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(AssistantsRunExpiredException.class)
					.hasMessageContaining("run_W3ath3rCalls expired")
					.hasCauseInstanceOf(BadRequestException.class);
				assertThat(((AssistantsRunExpiredException) ex).run().status()).isEqualTo(RunStatus.EXPIRED);
			})
			.verify(TIMEOUT);
	}

	@Test
	void aStreamThatNeedsNoToolsIsPassedThrough() {
		server.stubFor(post(RUNS).willReturn(eventStream("stream-text-answer.txt")));
		StepVerifier.create(RunStreamAccumulator.textDeltas(createStream(weather(Map.of()))).collectList())
			.assertNext((texts) -> assertThat(String.join("", texts)).isEqualTo("The derivative of x² is 2x."))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.calls).isEmpty();
		server.verify(0, postRequestedFor(urlEqualTo(SUBMIT)));
	}

	@Test
	void aNullHandlerIsRejectedBeforeAnyRequest() {
		assertThatIllegalArgumentException().isThrownBy(() -> createStream(null)).withMessageContaining("'handler'");
		server.verify(0, postRequestedFor(urlEqualTo(RUNS)));
	}

}
