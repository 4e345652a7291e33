package dev.assistants4j.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

import dev.assistants4j.model.run.CreateRunRequest;
import dev.assistants4j.model.run.RunErrorCode;
import dev.assistants4j.model.run.RunStatus;
import dev.assistants4j.stream.AssistantStreamEvent;
import dev.assistants4j.stream.AssistantStreamEvent.RunEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.assistants4j.client.AssistantOperationsTests.fixture;
import static dev.assistants4j.client.AssistantsStubs.TIMEOUT;
import static dev.assistants4j.client.AssistantsStubs.assistant;
import static dev.assistants4j.client.AssistantsStubs.builder;
import static dev.assistants4j.client.AssistantsStubs.errorOf;
import static dev.assistants4j.client.AssistantsStubs.stubInTurn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The fault table of the README, one test per row, through the public API with the default retry policy:
 * what a caller sees when the server misbehaves, and how many requests it took to see it. Each fault ends in
 * a value or a documented exception, never a silent completion. Details proven elsewhere are referenced:
 * the status-to-exception mapping in {@link ErrorMappingTests}, the retry policy in {@link RetryPolicyTests}
 * and {@link RetryOverHttpTests}, the raw event stream in {@link EventStreamOverHttpTests} and
 * {@link EventStreamFlowTests}.
 */
class FaultSuiteTests {

	private static final String ASSISTANT = "/v1/assistants/asst_1";

	private static final String RUNS = "/v1/threads/thread_1/runs";

	private static final String RUN_CREATED = """
			event: thread.run.created
			data: {"id":"run_1","object":"thread.run","thread_id":"thread_1","status":"queued"}

			""";

	private static final String RUN_IN_PROGRESS = """
			event: thread.run.in_progress
			data: {"id":"run_1","object":"thread.run","thread_id":"thread_1","status":"in_progress"}

			""";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final AtomicInteger streamRequests = new AtomicInteger();

	private DisposableServer streamServer;

	@AfterEach
	void stopStreamServer() {
		if (this.streamServer != null) {
			this.streamServer.disposeNow();
		}
	}

	/** Default retry policy (2 retries) with millisecond backoff, so that retried rows stay fast. */
	private static AssistantsClient client() {
		return builder(server).build();
	}

	private static int assistantRequests() {
		return server.findAll(getRequestedFor(urlPathEqualTo(ASSISTANT))).size();
	}

	private static int runRequests() {
		return server.findAll(postRequestedFor(urlPathEqualTo(RUNS))).size();
	}

	private static Flux<AssistantStreamEvent> createStream(AssistantsClient client) {
		return client.runs().createStream("thread_1", CreateRunRequest.builder("asst_1").build());
	}

	/**
	 * Starts a server whose answer to the n-th streamed run, counted from 1, is the body the function returns.
	 */
	private AssistantsClient streamingServer(IntFunction<Publisher<String>> body, Duration idleTimeout) {
		this.streamServer = HttpServer.create().host("localhost").port(0).handle((request, response) -> {
			int attempt = this.streamRequests.incrementAndGet();
			return response.header("Content-Type", "text/event-stream").sendString(body.apply(attempt));
		}).bindNow();
		return AssistantsClient.builder()
			.token(AssistantsStubs.TOKEN)
			.baseUrl("http://localhost:" + this.streamServer.port() + "/v1")
			.initialBackoff(Duration.ofMillis(1))
			.maxBackoff(Duration.ofMillis(2))
			.streamIdleTimeout(idleTimeout)
			.build();
	}

	/**
	 * A connection reset before the status line, a 200 whose body is cut by a broken chunk and a closed
	 * connection, and a connection closed without any answer.
	 */
	@ParameterizedTest(name = "{0}")
	@EnumSource(value = Fault.class, names = { "CONNECTION_RESET_BY_PEER", "MALFORMED_RESPONSE_CHUNK", "EMPTY_RESPONSE" })
	void brokenConnectionIsRetriedThenATransportFailure(Fault fault) {
		server.stubFor(get(ASSISTANT).willReturn(aResponse().withFault(fault)));
		assertThat(errorOf(client().assistants().retrieve("asst_1")))
			.isExactlyInstanceOf(AssistantsTransportException.class)
			.hasMessageStartingWith("GET /assistants/{assistant_id} failed: ");
		assertThat(assistantRequests()).isEqualTo(3);
	}

	@Test
	void connectionResetDuringTheBodyThenSuccessSucceedsOnTheRetry() {
		stubInTurn(server, () -> get(ASSISTANT), aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK),
				okJson(assistant("asst_1")));
		StepVerifier.create(client().assistants().retrieve("asst_1"))
			.assertNext((assistant) -> assertThat(assistant.id()).isEqualTo("asst_1"))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(assistantRequests()).isEqualTo(2);
	}

	@Test
	void malformedJsonIsADecodingFailureAndIsNotRetried() {
		server.stubFor(get(ASSISTANT).willReturn(okJson("{\"id\":\"asst_1\",\"object\":\"assistant\" \"model\":1}")));
		assertThat(errorOf(client().assistants().retrieve("asst_1")))
			.isExactlyInstanceOf(AssistantsDecodingException.class)
			.hasMessageContaining("GET /assistants/{assistant_id} answered 200 with a body that is not the expected JSON");
		assertThat(assistantRequests()).isEqualTo(1);
	}

	@Test
	void truncatedJsonIsADecodingFailureAndIsNotRetried() {
		String body = fixture("assistant.json");
		server.stubFor(get(ASSISTANT).willReturn(okJson(body.substring(0, body.length() / 2))));
		assertThat(errorOf(client().assistants().retrieve("asst_1")))
			.isExactlyInstanceOf(AssistantsDecodingException.class)
			.hasMessageContaining("GET /assistants/{assistant_id} answered 200 with a body that is not the expected JSON")
			.hasMessageContaining("end-of-input");
		assertThat(assistantRequests()).isEqualTo(1);
	}

	@Test
	void responseSlowerThanTheResponseTimeoutIsRetriedThenATransportFailure() {
		server.stubFor(get(ASSISTANT).willReturn(okJson(assistant("asst_1")).withFixedDelay(5_000)));
		AssistantsClient client = builder(server).responseTimeout(Duration.ofMillis(100)).maxRetries(1).build();
		long start = System.nanoTime();
		assertThat(errorOf(client.assistants().retrieve("asst_1")))
			.isExactlyInstanceOf(AssistantsTransportException.class)
			.hasMessageStartingWith("GET /assistants/{assistant_id} failed: ")
			.hasMessageContaining("Timeout");
		// Two attempts cut at 100 ms each, long before the 5 s the server would have taken for one.
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		assertThat(assistantRequests()).isEqualTo(2);
	}

	@ParameterizedTest(name = "{0}, {0}, then 200")
	@ValueSource(ints = { 500, 502, 503 })
	void serverErrorsThenSuccessAreRetriedUntilTheySucceed(int status) {
		stubInTurn(server, () -> get(ASSISTANT), aResponse().withStatus(status), aResponse().withStatus(status),
				okJson(assistant("asst_1")));
		StepVerifier.create(client().assistants().retrieve("asst_1"))
			.assertNext((assistant) -> assertThat(assistant.id()).isEqualTo("asst_1"))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(assistantRequests()).isEqualTo(3);
	}

	@Test
	void serverErrorsBeyondTheRetriesFailWithTheLastStatus() {
		stubInTurn(server, () -> get(ASSISTANT), aResponse().withStatus(500), aResponse().withStatus(502),
				aResponse().withStatus(503), okJson(assistant("asst_1")));
		Throwable failure = errorOf(client().assistants().retrieve("asst_1"));
		assertThat(failure).isExactlyInstanceOf(InternalServerException.class);
		assertThat(((InternalServerException) failure).statusCode()).isEqualTo(503);
		assertThat(assistantRequests()).isEqualTo(3);
	}

	@Test
	void rateLimitAskingForLongerThanMaxRetryAfterFailsAtOnce() {
		// One second more than the default max-retry-after of 120 s: honouring it would outlast the test.
		server.stubFor(get(ASSISTANT).willReturn(aResponse().withStatus(429)
			.withHeader("retry-after", "121")
			.withHeader("x-request-id", "req_429")
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}")));
		long start = System.nanoTime();
		Throwable failure = errorOf(client().assistants().retrieve("asst_1"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		assertThat(failure).isExactlyInstanceOf(RateLimitException.class).hasMessageContaining("Rate limit reached");
		RateLimitException rateLimit = (RateLimitException) failure;
		assertThat(rateLimit.statusCode()).isEqualTo(429);
		assertThat(rateLimit.requestId()).isEqualTo("req_429");
		assertThat(rateLimit.headers().getFirst("retry-after")).isEqualTo("121");
		assertThat(assistantRequests()).isEqualTo(1);
	}

	/**
	 * Asserts that the stream emits these events, then fails as the assertion says.
	 */
	private static void assertEventsThenFailure(Flux<AssistantStreamEvent> stream, Consumer<Throwable> failure,
			String... events) {
		StepVerifier.create(stream.map(AssistantStreamEvent::event))
			.expectNext(events)
			.expectErrorSatisfies(failure)
			.verify(TIMEOUT);
	}

	@Test
	void streamCutMidEventFailsAfterTheEventsBeforeTheCutAndIsNotRetried() {
		AssistantsClient client = streamingServer((attempt) -> Flux.concat(Mono.just(RUN_CREATED),
				Mono.just("event: thread.run.in_progress\ndata: {\"id\":\"run_1\",\"sta"),
				Mono.delay(Duration.ofMillis(50)).then(Mono.error(new IllegalStateException("connection cut")))),
				Duration.ofSeconds(30));
		assertEventsThenFailure(createStream(client),
				(ex) -> assertThat(ex).isExactlyInstanceOf(AssistantsTransportException.class)
					.hasMessageStartingWith("POST /threads/{thread_id}/runs failed: "),
				"thread.run.created");
		assertThat(this.streamRequests).hasValue(1);
	}

	@Test
	void streamThatStallsPastTheIdleTimeoutFailsAndIsNotRetried() {
		AssistantsClient client = streamingServer((attempt) -> Flux.concat(Mono.just(RUN_CREATED), Flux.never()),
				Duration.ofMillis(300));
		assertEventsThenFailure(createStream(client),
				(ex) -> assertThat(ex).isExactlyInstanceOf(AssistantsTransportException.class)
					.hasMessage("POST /threads/{thread_id}/runs stalled: no event within stream-idle-timeout (300 ms)"),
				"thread.run.created");
		assertThat(this.streamRequests).hasValue(1);
	}

	static Stream<Arguments> bodiesThatEndBeforeTheRun() {
		return Stream.of(arguments("without done", RUN_CREATED + RUN_IN_PROGRESS,
				List.of("thread.run.created", "thread.run.in_progress")),
				arguments("mid-event", RUN_CREATED + RUN_IN_PROGRESS
						+ "event: thread.message.delta\ndata: {\"id\":\"msg_1\",\"delt",
						List.of("thread.run.created", "thread.run.in_progress", "thread.message.delta")));
	}

	/**
	 * A body that ends cleanly, but before its run ended, whether between events or inside one (whose
	 * half-written data is passed on as an event that does not decode, as every event the client cannot
	 * type is).
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("bodiesThatEndBeforeTheRun")
	void streamThatEndsBeforeItsRunEndedFailsAndIsNotRetried(String description, String body, List<String> events) {
		server.stubFor(post(RUNS)
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(body)));
		assertEventsThenFailure(createStream(client()),
				(ex) -> assertThat(ex).isExactlyInstanceOf(AssistantsStreamException.class)
					.hasMessage("POST /threads/{thread_id}/runs ended before the run finished"
							+ " (last run event: thread.run.in_progress)"),
				events.toArray(String[]::new));
		assertThat(runRequests()).isEqualTo(1);
	}

	@Test
	void runThatFailsInsideWithRateLimitExceededIsTheFailedRunOfCreateAndPoll() {
		server.stubFor(post(RUNS).willReturn(okJson(fixture("run-created-spec.json").replace("run_abc123", "run_failed")
			.replace("thread_abc123", "thread_1"))));
		server.stubFor(get(RUNS + "/run_failed").willReturn(okJson(fixture("run-failed-rate-limit.json"))));
		AssistantsClient client = builder(server).pollInterval(Duration.ofMillis(5)).build();
		StepVerifier.create(client.runs().createAndPoll("thread_1", CreateRunRequest.builder("asst_1").build()))
			.assertNext((run) -> {
				assertThat(run.status()).isEqualTo(RunStatus.FAILED);
				assertThat(run.lastError().code()).isEqualTo(RunErrorCode.RATE_LIMIT_EXCEEDED);
				assertThat(run.lastError().message()).startsWith("You exceeded your current quota");
			})
			.expectComplete()
			.verify(TIMEOUT);
		// Never re-run behind the caller's back (a new run costs tokens, may call tools again): see RunRetries.
		assertThat(runRequests()).isEqualTo(1);
	}

	@Test
	void runThatFailsInsideWithRateLimitExceededIsTheLastRunEventOfItsStream() {
		String failed = fixture("run-failed-rate-limit.json").replaceAll("\\s*\\n\\s*", "");
		server.stubFor(post(RUNS).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody(RUN_CREATED + "event: thread.run.failed\ndata: " + failed + "\n\nevent: done\ndata: [DONE]\n\n")));
		StepVerifier.create(createStream(client()).ofType(RunEvent.class).map(RunEvent::run).last())
			.assertNext((run) -> {
				assertThat(run.status()).isEqualTo(RunStatus.FAILED);
				assertThat(run.lastError().code()).isEqualTo(RunErrorCode.RATE_LIMIT_EXCEEDED);
			})
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(runRequests()).isEqualTo(1);
	}

}
