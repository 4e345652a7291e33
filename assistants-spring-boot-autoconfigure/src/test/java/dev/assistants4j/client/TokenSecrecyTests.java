package dev.assistants4j.client;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import org.springframework.web.reactive.function.client.WebClient;

import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.assistant.CreateAssistantRequest;
import dev.assistants4j.model.run.CreateRunRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.assistants4j.client.AssistantsStubs.assertEmits;
import static dev.assistants4j.client.AssistantsStubs.assistant;
import static dev.assistants4j.client.AssistantsStubs.errorOf;
import static dev.assistants4j.client.AssistantsStubs.ids;
import static dev.assistants4j.client.AssistantsStubs.page;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With every logger at TRACE, the token appears in no log line, exception or {@code toString()}, whether
 * requests succeed, are refused, are retried or cannot connect.
 */
class TokenSecrecyTests {

	private static final String SECRET = "sk-secret-123";

	private static final List<String> LOGGERS = List.of(org.slf4j.Logger.ROOT_LOGGER_NAME, "dev.assistants4j",
			"org.springframework", "reactor.netty", "io.netty");

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();

	private final Map<String, Level> levels = new HashMap<>();

	private final List<Appender<ILoggingEvent>> consoleAppenders = new ArrayList<>();

	private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

	@BeforeEach
	void captureEverythingAtTrace() {
		Logger root = this.logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext();) {
			this.consoleAppenders.add(it.next());
		}
		// The console would drown the build output at TRACE; the list appender sees everything.
		this.consoleAppenders.forEach(root::detachAppender);
		for (String name : LOGGERS) {
			Logger logger = this.logging.getLogger(name);
			this.levels.put(name, logger.getLevel());
			logger.setLevel(Level.TRACE);
		}
		this.captured.setContext(this.logging);
		this.captured.start();
		root.addAppender(this.captured);
	}

	@AfterEach
	void restoreLogging() {
		Logger root = this.logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.detachAppender(this.captured);
		this.captured.stop();
		this.levels.forEach((name, level) -> this.logging.getLogger(name).setLevel(level));
		this.consoleAppenders.forEach(root::addAppender);
	}

	@Test
	void tokenIsNeverLoggedThrownOrPrinted() throws IOException {
		server.stubFor(get("/v1/assistants/asst_1").willReturn(okJson(assistant("asst_1"))));
		server.stubFor(get(urlPathEqualTo("/v1/assistants")).willReturn(okJson(page(false, "asst_2", ids(1, 2)))));
		server.stubFor(post("/v1/assistants").willReturn(okJson(assistant("asst_1"))));
		server.stubFor(get("/v1/assistants/asst_401").willReturn(aResponse().withStatus(401)
			.withHeader("x-request-id", "req_401")
			.withBody("{\"error\":{\"message\":\"Incorrect API key provided.\",\"type\":\"invalid_request_error\","
					+ "\"code\":\"invalid_api_key\"}}")));
		server.stubFor(get("/v1/assistants/asst_500").willReturn(aResponse().withStatus(500).withBody("{}")));
		// As spring.codec.log-request-details=true configures Boot's builder: the client must still mask headers.
		WebClient.Builder loggingDetails = WebClient.builder()
			.codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(true));
		AssistantsClient.Builder builder = AssistantsStubs.builder(server)
			.token(SECRET)
			.maxRetries(1)
			.webClientBuilder(loggingDetails);
		AssistantsClient client = builder.build();
		AssistantsClient apiKeyClient = client.mutate().authHeader(AuthHeaderStyle.API_KEY).build();

		AssistantsClient unreachable = client.mutate().baseUrl("http://localhost:" + closedPort() + "/v1").build();

		assertEmits(client.assistants().retrieve("asst_1"), 1);
		assertEmits(client.assistants().create(CreateAssistantRequest.builder("gpt-4o").build()), 1);
		assertEmits(apiKeyClient.assistants().list(ListParams.none()), 2);
		List<Throwable> failures = List.of(errorOf(client.assistants().retrieve("asst_401")),
				errorOf(client.assistants().retrieve("asst_500")),
				errorOf(apiKeyClient.assistants().retrieve("asst_401")),
				errorOf(unreachable.assistants().retrieve("asst_1")));

		assertThat(failures).extracting(Object::getClass)
			.containsExactly(AuthenticationException.class, InternalServerException.class,
					AuthenticationException.class, AssistantsTransportException.class);
		assertThat(failures).allSatisfy((failure) -> assertThat(printed(failure)).doesNotContain(SECRET));
		assertThat(List.of(client.toString(), apiKeyClient.toString(), builder.toString(),
				client.mutate().toString())).allSatisfy((text) -> assertThat(text).doesNotContain(SECRET));
		// The capture works: the client's own TRACE lines and the HTTP stack's lines are there.
		assertThat(capturedEvents()).anySatisfy((event) -> {
			assertThat(event.getLevel()).isEqualTo(Level.TRACE);
			assertThat(event.getLoggerName()).startsWith("dev.assistants4j");
		});
		assertThat(capturedEvents()).extracting(ILoggingEvent::getLoggerName)
			.anySatisfy((name) -> assertThat(name).startsWith("reactor.netty"))
			.anySatisfy((name) -> assertThat(name).startsWith("org.springframework.web.reactive"));
		assertThat(capturedEvents()).allSatisfy((event) -> assertThat(logged(event)).doesNotContain(SECRET));
	}

	@Test
	void tokenIsNeverLoggedOrThrownByStreamsAndPolls() {
		String runs = "/v1/threads/thread_1/runs";
		String runCreated = "event: thread.run.created\ndata: {\"id\":\"run_1\",\"object\":\"thread.run\","
				+ "\"thread_id\":\"thread_1\",\"status\":\"queued\"}\n\n";
		server.stubFor(post(runs).withRequestBody(containing("asst_401")).willReturn(aResponse().withStatus(401)
			.withBody("{\"error\":{\"message\":\"Incorrect API key provided.\",\"code\":\"invalid_api_key\"}}")));
		server.stubFor(post(runs).withRequestBody(containing("asst_error")).willReturn(aResponse()
			.withHeader("Content-Type", "text/event-stream")
			.withBody(runCreated + "event: error\ndata: {\"message\":\"Server overloaded\",\"code\":\"overloaded\"}\n\n")));
		server.stubFor(post(runs).withRequestBody(containing("asst_cut"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(runCreated)));
		server.stubFor(post(runs).withRequestBody(containing("asst_slow")).willReturn(aResponse()
			.withHeader("Content-Type", "text/event-stream")
			.withBody(runCreated)
			.withFixedDelay(2_000)));
		server.stubFor(post(runs).withRequestBody(containing("asst_poll")).willReturn(okJson(
				"{\"id\":\"run_2\",\"object\":\"thread.run\",\"thread_id\":\"thread_1\",\"status\":\"queued\"}")));
		server.stubFor(get(runs + "/run_2").willReturn(okJson(
				"{\"id\":\"run_2\",\"object\":\"thread.run\",\"thread_id\":\"thread_1\",\"status\":\"in_progress\"}")));
		AssistantsClient client = AssistantsStubs.builder(server)
			.token(SECRET)
			.maxRetries(0)
			.streamIdleTimeout(Duration.ofMillis(200))
			.pollInterval(Duration.ofMillis(10))
			.pollTimeout(Duration.ofMillis(100))
			.build();
		RunOperations runOperations = client.runs();

		List<Throwable> failures = List.of(
				errorOf(runOperations.createStream("thread_1", CreateRunRequest.builder("asst_401").build()).then()),
				errorOf(runOperations.createStream("thread_1", CreateRunRequest.builder("asst_error").build()).then()),
				errorOf(runOperations.createStream("thread_1", CreateRunRequest.builder("asst_cut").build()).then()),
				errorOf(runOperations.createStream("thread_1", CreateRunRequest.builder("asst_slow").build()).then()),
				errorOf(runOperations.createAndPoll("thread_1", CreateRunRequest.builder("asst_poll").build())));

		assertThat(failures).extracting(Object::getClass)
			.containsExactly(AuthenticationException.class, AssistantsStreamException.class,
					AssistantsStreamException.class, AssistantsTransportException.class,
					AssistantsPollTimeoutException.class);
		assertThat(failures).allSatisfy((failure) -> assertThat(printed(failure)).doesNotContain(SECRET));
		assertThat(capturedEvents()).extracting(ILoggingEvent::getLoggerName)
			.anySatisfy((name) -> assertThat(name).startsWith("dev.assistants4j"))
			.anySatisfy((name) -> assertThat(name).startsWith("reactor.netty"));
		assertThat(capturedEvents()).allSatisfy((event) -> assertThat(logged(event)).doesNotContain(SECRET));
	}

	/**
	 * Copies what was captured so far. The HTTP stack may still be logging on its own threads (a connection
	 * closing), and the appender adds under its own lock.
	 */
	private List<ILoggingEvent> capturedEvents() {
		synchronized (this.captured) {
			return new ArrayList<>(this.captured.list);
		}
	}

	private static String logged(ILoggingEvent event) {
		String thrown = (event.getThrowableProxy() != null) ? ThrowableProxyUtil.asString(event.getThrowableProxy())
				: "";
		return event.getFormattedMessage() + " " + thrown + " " + event.getMDCPropertyMap();
	}

	/**
	 * Returns the failure as a stack trace prints it: messages and {@code toString()} of every cause and
	 * suppressed exception.
	 */
	private static String printed(Throwable failure) {
		StringWriter out = new StringWriter();
		failure.printStackTrace(new PrintWriter(out));
		return out.toString();
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
