package dev.assistants4j.client;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import dev.assistants4j.stream.SseEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.assistants4j.client.AssistantOperationsTests.fixture;
import static dev.assistants4j.client.AssistantsStubs.TIMEOUT;
import static dev.assistants4j.client.AssistantsStubs.TOKEN;
import static dev.assistants4j.client.AssistantsStubs.builder;
import static dev.assistants4j.client.AssistantsStubs.errorOf;
import static dev.assistants4j.client.AssistantsStubs.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A streamed call over HTTP: the request it sends, the events it emits until {@code done}, and the
 * exceptions of error statuses and {@code error} events.
 */
class EventStreamOverHttpTests {

	private static final String TEMPLATE = "/threads/{thread_id}/runs";

	private static final String PATH = "/v1/threads/thread_1/runs";

	private static final Map<String, Object> REQUEST = Map.of("assistant_id", "asst_123", "metadata",
			Map.of("user", "u1"));

	private static final String ERROR_BODY = """
			{"error":{"message":"Invalid value for 'assistant_id'.","type":"invalid_request_error",\
			"param":"assistant_id","code":"invalid_value"}}""";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static Flux<SseEvent> stream(AssistantsClient.Builder builder) {
		return ((DefaultAssistantsClient) builder.build()).transport().stream(TEMPLATE, REQUEST, "thread_1");
	}

	private static Flux<SseEvent> stream() {
		return stream(builder(server));
	}

	private static ResponseDefinitionBuilder eventStream(String body) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream; charset=utf-8")
			.withHeader("x-request-id", "req_1")
			.withBody(body);
	}

	@Test
	void postsTheRequestWithStreamTrueAndEmitsEveryEventUntilDone() {
		server.stubFor(post(urlPathEqualTo(PATH)).willReturn(eventStream(fixture("stream-create-run-spec.txt"))));
		Flux<SseEvent> stream = stream(builder(server).defaultQueryParam("api-version", "2024-05-01"));
		StepVerifier.create(stream.map(SseEvent::event))
			.expectNext("thread.run.created", "thread.run.queued", "thread.run.in_progress",
					"thread.run.step.created", "thread.run.step.in_progress", "thread.message.created",
					"thread.message.in_progress", "thread.message.delta", "thread.message.delta",
					"thread.message.delta", "thread.message.completed", "thread.run.step.completed",
					"thread.run.completed")
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(requests(server)).hasSize(1);
		server.verify(postRequestedFor(urlEqualTo(PATH + "?api-version=2024-05-01"))
			.withHeader("Accept", equalTo("text/event-stream"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Authorization", equalTo("Bearer " + TOKEN))
			.withHeader("OpenAI-Beta", equalTo("assistants=v2"))
			.withRequestBody(equalToJson("""
					{"assistant_id":"asst_123","metadata":{"user":"u1"},"stream":true}""")));
	}

	@Test
	void eventsKeepTheirDataVerbatim() {
		server.stubFor(post(PATH).willReturn(eventStream("""
				event: thread.message.delta
				data: {"id":"msg_1","object":"thread.message.delta","delta":{"content":[{"index":0,"type":"text",\
				"text":{"value":"Hi"}}]}}

				event: done
				data: [DONE]

				""")));
		StepVerifier.create(stream())
			.expectNext(new SseEvent("thread.message.delta", """
					{"id":"msg_1","object":"thread.message.delta","delta":{"content":[{"index":0,"type":"text",\
					"text":{"value":"Hi"}}]}}"""))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void doneEventCompletesTheStreamWhateverFollows() {
		server.stubFor(post(PATH).willReturn(eventStream("""
				event: thread.run.completed
				data: {"id":"run_1"}

				event: done
				data: [DONE]

				event: thread.run.created
				data: {"id":"run_2"}

				""")));
		StepVerifier.create(stream().map(SseEvent::data))
			.expectNext("{\"id\":\"run_1\"}")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void doneDataWithoutAnEventNameCompletesTheStream() {
		server.stubFor(post(PATH)
			.willReturn(eventStream("data: {\"id\":\"run_1\"}\n\ndata: [DONE]\n\ndata: later\n\n")));
		StepVerifier.create(stream())
			.expectNext(new SseEvent("message", "{\"id\":\"run_1\"}"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void streamThatEndsWithoutDoneOrItsLastBlankLineEmitsItsLastEvent() {
		server.stubFor(post(PATH).willReturn(eventStream("event: thread.run.created\ndata: {\"id\":\"run_1\"}\n\n"
				+ "event: thread.run.completed\ndata: {\"id\":\"run_1\"}")));
		StepVerifier.create(stream().map(SseEvent::event))
			.expectNext("thread.run.created", "thread.run.completed")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void unknownEventNamesPassThrough() {
		server.stubFor(post(PATH).willReturn(eventStream("""
				event: thread.run.step.browsing
				data: {"id":"step_1"}

				: a comment
				event: thread.future
				data: one
				data: two

				data: no name

				event: done
				data: [DONE]
				""")));
		StepVerifier.create(stream())
			.expectNext(new SseEvent("thread.run.step.browsing", "{\"id\":\"step_1\"}"),
					new SseEvent("thread.future", "one\ntwo"), new SseEvent("message", "no name"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	static Stream<Arguments> errorEvents() {
		return Stream.of(arguments("bare", """
				{"code":"server_error","message":"Sorry, something went wrong.","param":null,"type":"api_error"}"""),
				arguments("enveloped", """
						{"error":{"code":"server_error","message":"Sorry, something went wrong.",\
						"type":"api_error"}}"""));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("errorEvents")
	void errorEventFailsTheStreamAfterTheEventsBeforeItAndIsNotRetried(String description, String error) {
		server.stubFor(post(PATH).willReturn(eventStream("event: thread.run.created\ndata: {\"id\":\"run_1\"}\n\n"
				+ "event: error\ndata: " + error + "\n\nevent: thread.run.failed\ndata: {\"id\":\"run_1\"}\n\n")));
		StepVerifier.create(stream().map(SseEvent::event))
			.expectNext("thread.run.created")
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(AssistantsStreamException.class)
					.hasMessageContaining("POST /threads/{thread_id}/runs")
					.hasMessageContaining("Sorry, something went wrong.")
					.hasMessageContaining("server_error");
				assertThat(((AssistantsStreamException) ex).error())
					.isEqualTo(new ApiError("Sorry, something went wrong.", "api_error", null, "server_error"));
			})
			.verify(TIMEOUT);
		assertThat(requests(server)).hasSize(1);
	}

	@Test
	void errorEventWhoseDataIsNotJsonStillFailsTheStream() {
		server.stubFor(post(PATH).willReturn(eventStream("event: error\ndata: upstream gone\n\n")));
		AssistantsStreamException failure = (AssistantsStreamException) errorOf(stream());
		assertThat(failure).hasMessageContaining("sent an error event");
		assertThat(failure.error()).isNull();
	}

	static Stream<Arguments> statuses() {
		return Stream.of(arguments(400, BadRequestException.class), arguments(401, AuthenticationException.class),
				arguments(404, NotFoundException.class), arguments(429, RateLimitException.class),
				arguments(500, InternalServerException.class));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("statuses")
	void errorStatusBeforeStreamingBecomesItsExceptionWithTheErrorBody(int status,
			Class<? extends AssistantsApiException> type) {
		server.stubFor(post(PATH).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-request-id", "req_42")
			.withBody(ERROR_BODY)));
		Throwable failure = errorOf(stream(builder(server).maxRetries(0)));
		assertThat(failure).isExactlyInstanceOf(type);
		AssistantsApiException exception = (AssistantsApiException) failure;
		assertThat(exception.statusCode()).isEqualTo(status);
		assertThat(exception.requestId()).isEqualTo("req_42");
		assertThat(exception.error()).isEqualTo(new ApiError("Invalid value for 'assistant_id'.",
				"invalid_request_error", "assistant_id", "invalid_value"));
		assertThat(exception.rawBody()).isEqualTo(ERROR_BODY);
	}

	private static void stubFailureThenStream(ResponseDefinitionBuilder failure) {
		server.stubFor(post(PATH).inScenario("flaky")
			.whenScenarioStateIs(STARTED)
			.willReturn(failure)
			.willSetStateTo("recovered"));
		server.stubFor(post(PATH).inScenario("flaky")
			.whenScenarioStateIs("recovered")
			.willReturn(eventStream("event: thread.run.created\ndata: {}\n\nevent: done\ndata: [DONE]\n\n")));
	}

	@Test
	void serverErrorBeforeTheFirstEventIsRetriedWithTheSameBody() {
		stubFailureThenStream(aResponse().withStatus(503).withBody(ERROR_BODY));
		StepVerifier.create(stream().map(SseEvent::event))
			.expectNext("thread.run.created")
			.expectComplete()
			.verify(TIMEOUT);
		server.verify(2, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
				{"assistant_id":"asst_123","metadata":{"user":"u1"},"stream":true}""")));
	}

	@Test
	void resetConnectionBeforeTheFirstEventIsRetried() {
		stubFailureThenStream(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
		StepVerifier.create(stream().map(SseEvent::event))
			.expectNext("thread.run.created")
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(requests(server)).hasSize(2);
	}

	@Test
	void persistentServerErrorFailsAfterEveryRetry() {
		server.stubFor(post(PATH).willReturn(aResponse().withStatus(500)));
		assertThat(errorOf(stream(builder(server).maxRetries(2)))).isExactlyInstanceOf(InternalServerException.class);
		assertThat(requests(server)).hasSize(3);
	}

	@Test
	void badRequestIsSentOnce() {
		server.stubFor(post(PATH).willReturn(aResponse().withStatus(400).withBody(ERROR_BODY)));
		assertThat(errorOf(stream())).isExactlyInstanceOf(BadRequestException.class);
		assertThat(requests(server)).hasSize(1);
	}

	@Test
	void jsonAnswerIsAStreamErrorRatherThanAStreamThatEndsInSilence() {
		server.stubFor(post(PATH).willReturn(okJson("{\"id\":\"run_1\",\"object\":\"thread.run\"}")));
		assertThat(errorOf(stream())).isExactlyInstanceOf(AssistantsStreamException.class)
			.hasMessageContaining("POST /threads/{thread_id}/runs")
			.hasMessageContaining("text/event-stream");
		assertThat(requests(server)).hasSize(1);
	}

	@Test
	void eventLargerThanMaxInMemorySizeFailsWithTheSettingToRaise() {
		server.stubFor(post(PATH).willReturn(eventStream("event: thread.run.created\ndata: {}\n\n"
				+ "event: thread.message.completed\ndata: " + "x".repeat(4096) + "\n\n")));
		StepVerifier.create(stream(builder(server).maxInMemorySize(1024)).map(SseEvent::event))
			.expectNext("thread.run.created")
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(AssistantsStreamException.class)
				.hasMessageContaining("max-in-memory-size")
				.hasMessageContaining("1024"))
			.verify(TIMEOUT);
	}

	@Test
	void eachSubscriptionSendsItsOwnRequest() {
		server.stubFor(post(PATH).willReturn(eventStream("event: thread.run.created\ndata: {}\n\n")));
		Flux<SseEvent> stream = stream();
		assertThat(requests(server)).isEmpty();
		for (int i = 0; i < 2; i++) {
			StepVerifier.create(stream).expectNextCount(1).expectComplete().verify(TIMEOUT);
		}
		assertThat(requests(server)).hasSize(2);
	}

	@Test
	void requestThatIsNotAJsonObjectIsRejectedBeforeAnyIo() {
		ApiTransport transport = ((DefaultAssistantsClient) builder(server).build()).transport();
		for (Object request : List.of(List.of("a"), "text", 42)) {
			assertThatIllegalArgumentException().isThrownBy(() -> transport.stream(TEMPLATE, request, "thread_1"))
				.withMessageContaining("'request'");
		}
		assertThat(requests(server)).isEmpty();
	}

}
