package dev.assistants4j.client;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import dev.assistants4j.model.run.CreateRunRequest;
import dev.assistants4j.model.run.CreateThreadAndRunRequest;
import dev.assistants4j.model.run.RunStatus;
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
import static dev.assistants4j.client.AssistantsStubs.errorOf;
import static dev.assistants4j.client.AssistantsStubs.exchanges;
import static dev.assistants4j.client.AssistantsStubs.stubInTurn;
import static dev.assistants4j.client.RunPollingOverHttpTests.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The function-calling loop of {@code createAndPoll(threadId, request, handler)} end to end over HTTP in real
 * time, with a tiny poll interval: a run waiting for two calls, as in {@code run-requires-action.json}.
 */
class ToolLoopOverHttpTests {

	private static final String RUNS = "/v1/threads/thread_abc123/runs";

	private static final String RUN = RUNS + "/run_weather";

	private static final String SUBMIT = RUN + "/submit_tool_outputs";

	private static final String EXPIRED_REFUSAL = """
			{"error":{"message":"Runs in status \\"expired\\" do not accept tool outputs.",\
			"type":"invalid_request_error","param":null,"code":null}}""";

	/** Answers the weather of the city in the arguments. */
	private static final ToolCallHandler WEATHER = (call) -> Mono
		.just("{\"city\":\"" + call.argumentsAsMap().get("city") + "\",\"temperature\":21}");

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final AssistantsClient client = AssistantsStubs.builder(server).pollInterval(Duration.ofMillis(5)).build();

	private final CreateRunRequest request = CreateRunRequest.builder("asst_weather").build();

	@BeforeEach
	void stubCreate() {
		server.stubFor(post(RUNS).willReturn(run("run_weather", "queued")));
	}

	@Test
	void answersEveryCallInOneSubmitThenPollsUntilTheRunHasEnded() {
		stubPolls("in_progress", "completed");
		stubSubmit(run("run_weather", "queued"));
		StepVerifier.create(this.client.runs().createAndPoll("thread_abc123", this.request, WEATHER))
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.COMPLETED))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(exchanges(server)).containsExactly("POST " + RUNS, "GET " + RUN, "POST " + SUBMIT,
					"GET " + RUN, "GET " + RUN);
		server.verify(1, postRequestedFor(urlEqualTo(SUBMIT)).withRequestBody(equalToJson("""
				{"tool_outputs":[
				 {"tool_call_id":"call_paris","output":"{\\"city\\":\\"Paris\\",\\"temperature\\":21}"},
				 {"tool_call_id":"call_tokyo","output":"{\\"city\\":\\"Tokyo\\",\\"temperature\\":21}"}]}""")));
	}

	@Test
	void handlerFailureIsSubmittedAsAnErrorOutputAndTheRunGoesOn() {
		stubPolls("completed");
		stubSubmit(run("run_weather", "queued"));
		ToolCallHandler tokyoDown = (call) -> call.arguments().contains("Tokyo")
				? Mono.error(new IllegalStateException("Tokyo station offline")) : WEATHER.handle(call);
		StepVerifier.create(this.client.runs().createAndPoll("thread_abc123", this.request, tokyoDown))
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.COMPLETED))
			.expectComplete()
			.verify(TIMEOUT);
		server.verify(1, postRequestedFor(urlEqualTo(SUBMIT)).withRequestBody(equalToJson("""
				{"tool_outputs":[
				 {"tool_call_id":"call_paris","output":"{\\"city\\":\\"Paris\\",\\"temperature\\":21}"},
				 {"tool_call_id":"call_tokyo","output":"{\\"error\\":\\"Tokyo station offline\\"}"}]}""")));
	}

	@Test
	void abortEndsTheLoopWithThatErrorWithoutSubmitting() {
		stubPolls();
		ToolCallAbortException abort = new ToolCallAbortException("The user left");
		assertThat(errorOf(this.client.runs().createAndPoll("thread_abc123", this.request,
				(call) -> Mono.error(abort)))).isSameAs(abort);
		assertThat(exchanges(server)).containsExactly("POST " + RUNS, "GET " + RUN);
	}

	@Test
	void runThatExpiredWhileToolsRanEndsTheLoopWhenTheSubmitIsRefused() {
		stubPolls("expired");
		stubSubmit(badRequest(EXPIRED_REFUSAL));
		Throwable error = errorOf(this.client.runs().createAndPoll("thread_abc123", this.request, WEATHER));
		assertThat(error).isInstanceOfSatisfying(AssistantsRunExpiredException.class, (expired) -> {
			assertThat(expired.run().status()).isEqualTo(RunStatus.EXPIRED);
			assertThat(expired).hasMessage("Run run_weather expired at 2024-05-29T16:36:40Z before the outputs of "
					+ "its tool calls were submitted");
			assertThat(expired.getCause()).isInstanceOf(BadRequestException.class)
				.hasMessageContaining("do not accept tool outputs");
		});
		assertThat(exchanges(server)).containsExactly("POST " + RUNS, "GET " + RUN, "POST " + SUBMIT, "GET " + RUN);
	}

	@Test
	void runThatExpiredJustAfterTheSubmitEndsTheLoop() {
		stubPolls("expired");
		stubSubmit(run("run_weather", "queued"));
		Throwable error = errorOf(this.client.runs().createAndPoll("thread_abc123", this.request, WEATHER));
		assertThat(error).isInstanceOfSatisfying(AssistantsRunExpiredException.class,
				(expired) -> assertThat(expired.run().id()).isEqualTo("run_weather"));
		assertThat(error.getCause()).isNull();
	}

	@Test
	void runCancelledWhileToolsRanIsReturnedAsCancelled() {
		stubPolls("cancelled");
		stubSubmit(badRequest(EXPIRED_REFUSAL.replace("expired", "cancelled")));
		StepVerifier.create(this.client.runs().createAndPoll("thread_abc123", this.request, WEATHER))
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.CANCELLED))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void refusedOutputsOfARunStillWaitingFailWithTheRefusal() {
		stubPolls();
		stubSubmit(badRequest("{\"error\":{\"message\":\"Missing output for call_tokyo\"}}"));
		assertThat(errorOf(this.client.runs().createAndPoll("thread_abc123", this.request, WEATHER)))
			.isInstanceOf(BadRequestException.class)
			.hasMessageContaining("Missing output for call_tokyo");
	}

	@Test
	void createAndRunAndPollWithAHandlerRunsTheLoopOnTheNewThread() {
		server.stubFor(post("/v1/threads/runs").willReturn(run("run_weather", "queued")));
		stubPolls("completed");
		stubSubmit(run("run_weather", "queued"));
		StepVerifier.create(this.client.threads().createAndRunAndPoll(
				CreateThreadAndRunRequest.builder("asst_weather").build(), WEATHER))
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.COMPLETED))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(exchanges(server)).containsExactly("POST /v1/threads/runs", "GET " + RUN, "POST " + SUBMIT,
				"GET " + RUN);
		assertThat(server.findAll(postRequestedFor(urlEqualTo(SUBMIT)))).singleElement()
			.extracting(LoggedRequest::getBodyAsString)
			.asString()
			.contains("call_paris", "call_tokyo");
	}

	@Test
	void handlerReadsTheArgumentsOfEachCall() {
		stubPolls("completed");
		stubSubmit(run("run_weather", "queued"));
		Map<String, Object> tokyo = new ConcurrentHashMap<>();
		StepVerifier.create(this.client.runs().createAndPoll("thread_abc123", this.request, (call) -> {
			if (call.id().equals("call_tokyo")) {
				tokyo.putAll(call.argumentsAsMap());
			}
			return Mono.just("ok");
		})).expectNextCount(1).expectComplete().verify(TIMEOUT);
		assertThat(tokyo).containsExactlyInAnyOrderEntriesOf(Map.of("city", "Tokyo", "unit", "celsius"));
	}

	/**
	 * Stubs the polls of the run: first waiting for its two calls, then each status in turn.
	 */
	private static void stubPolls(String... statusesAfterTheCalls) {
		ResponseDefinitionBuilder[] answers = Stream.concat(Stream.of(okJson(fixture("run-requires-action.json"))),
				Stream.of(statusesAfterTheCalls).map((status) -> run("run_weather", status)))
			.toArray(ResponseDefinitionBuilder[]::new);
		stubInTurn(server, () -> get(RUN), answers);
	}

	private static void stubSubmit(ResponseDefinitionBuilder answer) {
		server.stubFor(post(SUBMIT).willReturn(answer));
	}

	private static ResponseDefinitionBuilder badRequest(String body) {
		return aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(body);
	}

}
