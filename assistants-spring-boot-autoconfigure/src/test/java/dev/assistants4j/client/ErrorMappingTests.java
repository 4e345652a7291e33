package dev.assistants4j.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.assistants4j.client.AssistantsStubs.assistant;
import static dev.assistants4j.client.AssistantsStubs.builder;
import static dev.assistants4j.client.AssistantsStubs.causeChain;
import static dev.assistants4j.client.AssistantsStubs.errorOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Error responses, transport failures and undecodable bodies become the documented exceptions.
 */
class ErrorMappingTests {

	private static final String PATH = "/v1/assistants/asst_1";

	private static final String ERROR_BODY = """
			{"error":{"message":"Invalid value for 'model'.","type":"invalid_request_error","param":"model",\
			"code":"invalid_value"}}""";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private AssistantsClient client() {
		return builder(server).maxRetries(0).build();
	}

	private Throwable retrieveFailure(int status, String body) {
		server.stubFor(get(PATH).willReturn(aResponse().withStatus(status)
			.withHeader("x-request-id", "req_42")
			.withHeader("Content-Type", "application/json")
			.withBody(body)));
		return errorOf(client().assistants().retrieve("asst_1"));
	}

	static Stream<Arguments> statuses() {
		return Stream.of(arguments(400, BadRequestException.class), arguments(401, AuthenticationException.class),
				arguments(403, PermissionDeniedException.class), arguments(404, NotFoundException.class),
				arguments(409, ConflictException.class), arguments(422, UnprocessableEntityException.class),
				arguments(429, RateLimitException.class), arguments(500, InternalServerException.class),
				arguments(503, InternalServerException.class), arguments(418, AssistantsApiException.class));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("statuses")
	void errorStatusBecomesItsExceptionWithEverythingTheServerSaid(int status,
			Class<? extends AssistantsApiException> type) {
		AssistantsApiException exception = assertApiException(retrieveFailure(status, ERROR_BODY), type, status,
				new ApiError("Invalid value for 'model'.", "invalid_request_error", "model", "invalid_value"),
				ERROR_BODY);
		assertThat(exception.status().value()).isEqualTo(status);
		assertThat(exception.headers().getFirst("x-request-id")).isEqualTo("req_42");
		assertThat(exception.getMessage()).contains("invalid_value");
	}

	static Stream<Arguments> oddBodies() {
		return Stream.of(
				arguments("not JSON", 502, "<html><body>Bad Gateway</body></html>", InternalServerException.class,
						null),
				arguments("empty", 404, "", NotFoundException.class, null),
				arguments("error as a string", 403, "{\"error\":\"Project is archived\"}",
						PermissionDeniedException.class, new ApiError("Project is archived", null, null, null)),
				arguments("error without envelope", 422, "{\"message\":\"Unknown tool\",\"code\":\"bad_tool\"}",
						UnprocessableEntityException.class, new ApiError("Unknown tool", null, null, "bad_tool")),
				arguments("error that is null", 400, "{\"error\":null}", BadRequestException.class, null),
				arguments("FastAPI detail", 404, "{\"detail\":\"Thread not found\"}", NotFoundException.class,
						new ApiError("Thread not found", null, null, null)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("oddBodies")
	void oddErrorBodyKeepsTheClassAndWhatCanBeParsed(String description, int status, String body,
			Class<? extends AssistantsApiException> type, @Nullable ApiError error) {
		assertApiException(retrieveFailure(status, body), type, status, error, body);
	}

	/**
	 * Asserts what every error response gives, and returns the exception for further checks.
	 */
	private static AssistantsApiException assertApiException(Throwable failure,
			Class<? extends AssistantsApiException> type, int status, @Nullable ApiError error, String rawBody) {
		assertThat(failure).isExactlyInstanceOf(type);
		AssistantsApiException exception = (AssistantsApiException) failure;
		assertThat(exception.statusCode()).isEqualTo(status);
		assertThat(exception.error()).isEqualTo(error);
		assertThat(exception.rawBody()).isEqualTo(rawBody);
		assertThat(exception.requestId()).isEqualTo("req_42");
		assertThat(exception.getMessage()).contains(String.valueOf(status), "req_42");
		if (error != null) {
			assertThat(exception.getMessage()).contains(error.message());
		}
		return exception;
	}

	@Test
	void exceptionKeepsItsStatusErrorAndRequestIdThroughJavaSerialization() throws Exception {
		NotFoundException original = (NotFoundException) retrieveFailure(404, ERROR_BODY);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(original);
		}
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			NotFoundException copy = (NotFoundException) in.readObject();
			assertThat(copy.statusCode()).isEqualTo(404);
			assertThat(copy.requestId()).isEqualTo("req_42");
			assertThat(copy.error()).isEqualTo(original.error());
			assertThat(copy.getMessage()).isEqualTo(original.getMessage());
			assertThat(copy.headers().isEmpty()).isTrue();
		}
	}

	@Test
	void refusedConnectionIsATransportFailure() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		AssistantsClient client = builder(server).baseUrl("http://localhost:" + closedPort + "/v1")
			.maxRetries(0)
			.build();
		Throwable failure = errorOf(client.assistants().retrieve("asst_1"));
		assertThat(failure).isExactlyInstanceOf(AssistantsTransportException.class)
			.hasMessageContaining("GET /assistants/{assistant_id}");
		assertThat(causeChain(failure)).anySatisfy((cause) -> assertThat(cause).isInstanceOf(ConnectException.class));
	}

	@ParameterizedTest
	@EnumSource(Fault.class)
	void brokenConnectionIsATransportFailure(Fault fault) {
		server.stubFor(get(PATH).willReturn(aResponse().withFault(fault)));
		assertThat(errorOf(client().assistants().retrieve("asst_1")))
			.isExactlyInstanceOf(AssistantsTransportException.class)
			.hasMessageContaining("GET /assistants/{assistant_id}");
	}

	@Test
	void silentServerIsATransportFailureAfterTheResponseTimeout() {
		server.stubFor(get(PATH).willReturn(ok(assistant("asst_1")).withFixedDelay(1_000)));
		AssistantsClient client = builder(server).responseTimeout(Duration.ofMillis(100)).maxRetries(0).build();
		Throwable failure = errorOf(client.assistants().retrieve("asst_1"));
		assertThat(failure).isExactlyInstanceOf(AssistantsTransportException.class)
			.hasMessageContaining("GET /assistants/{assistant_id}")
			.hasMessageContaining("Timeout");
	}

	@ParameterizedTest(name = "\"{0}\"")
	@ValueSource(strings = { "<html>maintenance</html>", "", "null", "[1,2]", "{\"id\":" })
	void successfulStatusWithABodyThatIsNotTheExpectedJsonIsADecodingFailure(String body) {
		server.stubFor(get(PATH).willReturn(ok(body)));
		Throwable failure = errorOf(client().assistants().retrieve("asst_1"));
		assertThat(failure).isExactlyInstanceOf(AssistantsDecodingException.class)
			.hasMessageContaining("GET /assistants/{assistant_id}")
			.hasMessageContaining("200");
	}

}
