package dev.assistants4j.client;

import java.time.Duration;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import dev.assistants4j.model.run.CreateRunRequest;
import dev.assistants4j.model.run.CreateThreadAndRunRequest;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.run.RunStatus;
import dev.assistants4j.model.run.SubmitToolOutputsRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.assistants4j.client.AssistantOperationsTests.fixture;
import static dev.assistants4j.client.AssistantsStubs.TIMEOUT;
import static dev.assistants4j.client.AssistantsStubs.errorOf;
import static dev.assistants4j.client.AssistantsStubs.exchanges;
import static dev.assistants4j.client.AssistantsStubs.requests;
import static dev.assistants4j.client.AssistantsStubs.stubInTurn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code poll}, {@code createAndPoll}, {@code submitToolOutputsAndPoll} and {@code createAndRunAndPoll} over
 * HTTP in real time: the requests they send and the header they read. Timing and the deadline are pinned
 * under virtual time in {@link RunPollingTests}.
 */
class RunPollingOverHttpTests {

	private static final String RUNS = "/v1/threads/thread_abc123/runs";

	private static final String RUN = RUNS + "/run_weather";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final AssistantsClient client = AssistantsStubs.builder(server).pollInterval(Duration.ofMillis(5)).build();

	@Test
	void pollReadsTheRunUntilItRequiresActionWaitingAsTheServerAsks() {
		// An hour between polls unless the header is honoured: the test could not end in time without it.
		AssistantsClient patient = AssistantsStubs.builder(server).pollInterval(Duration.ofHours(1)).build();
		stubInTurn(server, () -> get(RUN), run("run_weather", "queued").withHeader("openai-poll-after-ms", "5"),
				run("run_weather", "in_progress").withHeader("openai-poll-after-ms", "5"),
				okJson(fixture("run-requires-action.json")));
		StepVerifier.create(patient.runs().poll("thread_abc123", "run_weather")).assertNext((run) -> {
			assertThat(run.status()).isEqualTo(RunStatus.REQUIRES_ACTION);
			assertThat(run.requiredToolCalls()).hasSize(2);
		}).expectComplete().verify(TIMEOUT);
		assertThat(requests(server)).hasSize(3);
		server.verify(3, getRequestedFor(urlEqualTo(RUN)).withHeader("Authorization", equalTo("Bearer sk-test"))
			.withHeader("OpenAI-Beta", equalTo("assistants=v2")));
	}

	@Test
	void createAndPollReadsTheCreatedRunAgainEvenWhenItHasEnded() {
		server.stubFor(post(RUNS).willReturn(run("run_weather", "completed")));
		stubInTurn(server, () -> get(RUN), run("run_weather", "completed"));
		StepVerifier.create(this.client.runs().createAndPoll("thread_abc123",
				CreateRunRequest.builder("asst_weather").build()))
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.COMPLETED))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(exchanges(server)).containsExactly("POST " + RUNS, "GET " + RUN);
		server.verify(postRequestedFor(urlEqualTo(RUNS))
			.withRequestBody(equalToJson("{\"assistant_id\":\"asst_weather\"}")));
	}

	@Test
	void submitToolOutputsAndPollSubmitsThenPollsUntilTheRunHasEnded() {
		server.stubFor(post(RUN + "/submit_tool_outputs").willReturn(run("run_weather", "queued")));
		stubInTurn(server, () -> get(RUN), run("run_weather", "in_progress"), run("run_weather", "completed"));
		StepVerifier.create(this.client.runs().submitToolOutputsAndPoll("thread_abc123", "run_weather",
				SubmitToolOutputsRequest.of("call_paris", "21")))
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.COMPLETED))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(exchanges(server)).containsExactly("POST " + RUN + "/submit_tool_outputs", "GET " + RUN,
				"GET " + RUN);
		server.verify(postRequestedFor(urlEqualTo(RUN + "/submit_tool_outputs")).withRequestBody(
				equalToJson("{\"tool_outputs\":[{\"tool_call_id\":\"call_paris\",\"output\":\"21\"}]}")));
	}

	@Test
	void createAndRunAndPollPollsTheRunOfTheNewThread() {
		server.stubFor(post("/v1/threads/runs").willReturn(okJson("""
				{"id":"run_new","object":"thread.run","thread_id":"thread_new","status":"queued"}""")));
		stubInTurn(server, () -> get("/v1/threads/thread_new/runs/run_new"),
				okJson("{\"id\":\"run_new\",\"thread_id\":\"thread_new\",\"status\":\"failed\"}"));
		StepVerifier.create(this.client.threads().createAndRunAndPoll(
				CreateThreadAndRunRequest.builder("asst_weather").build()))
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.FAILED))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(exchanges(server)).containsExactly("POST /v1/threads/runs",
				"GET /v1/threads/thread_new/runs/run_new");
	}

	@Test
	void pollTimeoutEndsPollingWithTheLastRunSeen() {
		AssistantsClient hurried = AssistantsStubs.builder(server)
			.pollInterval(Duration.ofMillis(10))
			.pollTimeout(Duration.ofMillis(300))
			.build();
		server.stubFor(get(RUN).willReturn(run("run_weather", "queued")));
		Throwable error = errorOf(hurried.runs().poll("thread_abc123", "run_weather"));
		assertThat(error).isInstanceOfSatisfying(AssistantsPollTimeoutException.class, (timeout) -> {
			assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(300));
			assertThat(timeout.lastSeen(Run.class).status()).isEqualTo(RunStatus.QUEUED);
			assertThat(timeout).hasMessageContaining("openai.assistants.poll.timeout");
		});
		assertThat(requests(server)).hasSizeGreaterThan(1);
	}

	@Test
	void createdRunWithoutAnIdCannotBePolled() {
		server.stubFor(post(RUNS).willReturn(okJson("{\"object\":\"thread.run\",\"status\":\"queued\"}")));
		assertThat(errorOf(this.client.runs().createAndPoll("thread_abc123",
				CreateRunRequest.builder("asst_weather").build())))
			.isInstanceOf(AssistantsDecodingException.class)
			.hasMessageContaining("without its id");
		assertThat(requests(server)).hasSize(1);
	}

	@Test
	void blankIdsAreRejectedBeforeAnyRequest() {
		RunOperations runs = this.client.runs();
		CreateRunRequest create = CreateRunRequest.builder("asst_weather").build();
		SubmitToolOutputsRequest outputs = SubmitToolOutputsRequest.of("call_1", "x");
		assertThatIllegalArgumentException().isThrownBy(() -> runs.poll(" ", "run_weather"))
			.withMessage("'threadId' must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> runs.poll("thread_abc123", ""))
			.withMessage("'runId' must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> runs.createAndPoll("", create))
			.withMessage("'threadId' must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> runs.submitToolOutputsAndPoll("t", " ", outputs))
			.withMessage("'runId' must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> runs.createAndPoll("t", create, null))
			.withMessage("'handler' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.threads()
			.createAndRunAndPoll(CreateThreadAndRunRequest.builder("asst_weather").build(), null))
			.withMessage("'handler' must not be null");
		assertThat(requests(server)).isEmpty();
	}

	static ResponseDefinitionBuilder run(String id, String status) {
		return okJson("""
				{"id":"%s","object":"thread.run","thread_id":"thread_abc123","assistant_id":"asst_weather",\
				"status":"%s","expires_at":1717000600}""".formatted(id, status));
	}

}
