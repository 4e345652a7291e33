package dev.assistants4j.client;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

/**
 * What the transport tests share: a client pointed at a WireMock server, realistic assistant and list bodies,
 * and the requests the server received.
 */
final class AssistantsStubs {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	static final String TOKEN = "sk-test";

	private AssistantsStubs() {
	}

	/**
	 * Returns a builder for a client of the server's {@code /v1}, whose retries wait a millisecond or two so
	 * that real-time tests stay fast.
	 */
	static AssistantsClient.Builder builder(WireMockExtension server) {
		return AssistantsClient.builder()
			.token(TOKEN)
			.baseUrl(server.baseUrl() + "/v1")
			.initialBackoff(Duration.ofMillis(1))
			.maxBackoff(Duration.ofMillis(2));
	}

	static String assistant(String id) {
		return assistant(id, "You are a personal math tutor.");
	}

	static String assistant(String id, String instructions) {
		return """
				{"id":"%s","object":"assistant","created_at":1698984975,"name":"Math Tutor","description":null,\
				"model":"gpt-4o","instructions":"%s","tools":[{"type":"code_interpreter"}],"metadata":{},\
				"top_p":1.0,"temperature":1.0,"response_format":"auto"}""".formatted(id, instructions);
	}

	/**
	 * Returns a list body holding an assistant per id; {@code last_id} is left out when {@code lastId} is
	 * {@code null}.
	 */
	static String page(boolean hasMore, @Nullable String lastId, List<String> ids) {
		String data = ids.stream().map(AssistantsStubs::assistant).collect(Collectors.joining(",", "[", "]"));
		String firstId = ids.isEmpty() ? "null" : '"' + ids.get(0) + '"';
		String last = (lastId != null) ? ",\"last_id\":\"" + lastId + '"' : "";
		return "{\"object\":\"list\",\"data\":" + data + ",\"first_id\":" + firstId + last + ",\"has_more\":"
				+ hasMore + "}";
	}

	static List<String> ids(int from, int to) {
		return IntStream.rangeClosed(from, to).mapToObj((i) -> "asst_" + i).toList();
	}

	/**
	 * Returns the requests the server received, oldest first.
	 */
	static List<LoggedRequest> requests(WireMockExtension server) {
		return server.findAll(anyRequestedFor(anyUrl()));
	}

	static List<String> urls(WireMockExtension server) {
		return requests(server).stream().map(LoggedRequest::getUrl).toList();
	}

	/**
	 * Returns the method and URL of each request the server received, oldest first, such as
	 * {@code GET /v1/assistants}.
	 */
	static List<String> exchanges(WireMockExtension server) {
		return requests(server).stream().map((request) -> request.getMethod() + " " + request.getUrl()).toList();
	}

	/**
	 * Subscribes and asserts that the publisher emits this many values and completes.
	 */
	static void assertEmits(Publisher<?> publisher, long count) {
		StepVerifier.create(publisher).expectNextCount(count).expectComplete().verify(TIMEOUT);
	}

	/**
	 * Subscribes and returns the error the publisher ends with, failing if it emits or completes instead.
	 */
	static Throwable errorOf(Publisher<?> publisher) {
		AtomicReference<Throwable> error = new AtomicReference<>();
		StepVerifier.create(publisher).expectErrorSatisfies(error::set).verify(TIMEOUT);
		return error.get();
	}

	/**
	 * Returns the failure and its causes, outermost first.
	 */
	static Stream<Throwable> causeChain(Throwable failure) {
		return Stream.iterate(failure, (ex) -> ex != null, Throwable::getCause);
	}

	/**
	 * Stubs a request to be answered in turn by each answer, the last one repeating.
	 */
	static void stubInTurn(WireMockExtension server, Supplier<MappingBuilder> request,
			ResponseDefinitionBuilder... answers) {
		String scenario = UUID.randomUUID().toString();
		for (int i = 0; i < answers.length; i++) {
			ScenarioMappingBuilder stub = request.get()
				.inScenario(scenario)
				.whenScenarioStateIs((i == 0) ? Scenario.STARTED : "answer " + i)
				.willReturn(answers[i]);
			server.stubFor((i < answers.length - 1) ? stub.willSetStateTo("answer " + (i + 1)) : stub);
		}
	}

}
