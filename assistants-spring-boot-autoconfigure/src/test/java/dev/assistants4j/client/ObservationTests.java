package dev.assistants4j.client;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpMethod;

import dev.assistants4j.client.observation.AssistantsObservationContext;
import dev.assistants4j.client.observation.AssistantsObservationDocumentation;
import dev.assistants4j.model.run.CreateRunRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.assistants4j.client.AssistantOperationsTests.fixture;
import static dev.assistants4j.client.AssistantsStubs.TIMEOUT;
import static dev.assistants4j.client.AssistantsStubs.assertEmits;
import static dev.assistants4j.client.AssistantsStubs.assistant;
import static dev.assistants4j.client.AssistantsStubs.builder;
import static dev.assistants4j.client.AssistantsStubs.errorOf;
import static dev.assistants4j.client.AssistantsStubs.stubInTurn;
import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation is observed once, around its retries, with low-cardinality key values only, as the parent of
 * the {@code WebClient}'s observation of each attempt and the child of the subscriber's.
 */
class ObservationTests {

	private static final String OPERATION = "assistants4j.client.operation";

	private static final String HTTP = "http.client.requests";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final AssistantsClient client = builder(server).observationRegistry(this.registry).build();

	@Test
	void observesARetrievalWithItsTemplateAndNeverItsId() {
		server.stubFor(any(anyUrl()).willReturn(okJson(assistant("asst_s3cr3t"))));
		assertEmits(this.client.assistants().retrieve("asst_s3cr3t"), 1);
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(OPERATION, 1)
			.hasObservationWithNameEqualTo(OPERATION)
			.that()
			.hasContextualNameEqualTo("assistants.retrieve")
			.hasLowCardinalityKeyValue("operation", "assistants.retrieve")
			.hasLowCardinalityKeyValue("method", "GET")
			.hasLowCardinalityKeyValue("uri", "/assistants/{assistant_id}")
			.hasLowCardinalityKeyValue("status", "200")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("error", "none")
			.doesNotHaveError()
			.hasBeenStarted()
			.hasBeenStopped();
		assertThat(this.registry).hasObservationWithNameEqualTo(HTTP)
			.that()
			.hasLowCardinalityKeyValue("uri", "/v1/assistants/{assistant_id}")
			.hasLowCardinalityKeyValue("status", "200");
		assertThat(lowCardinalityValues()).noneMatch((value) -> value.contains("asst_s3cr3t"));
	}

	@Test
	void makesTheWebClientObservationOfEachAttemptItsChild() {
		server.stubFor(any(anyUrl()).willReturn(okJson(assistant("asst_1"))));
		assertEmits(this.client.assistants().retrieve("asst_1"), 1);
		Observation.Context operation = context(OPERATION).get(0);
		assertThat(context(HTTP)).singleElement()
			.satisfies((http) -> assertThat(http.getParentObservation().getContextView()).isSameAs(operation));
	}

	@Test
	void observesAnOperationOnceAroundItsRetriesWithAnEventPerRetry() {
		stubInTurn(server, () -> get(anyUrl()), serviceUnavailable(), serviceUnavailable(),
				okJson(assistant("asst_1")));
		assertEmits(this.client.assistants().retrieve("asst_1"), 1);
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(OPERATION, 1)
			.hasNumberOfObservationsWithNameEqualTo(HTTP, 3)
			.hasObservationWithNameEqualTo(OPERATION)
			.that()
			.hasLowCardinalityKeyValue("status", "200")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasEvent(AssistantsObservationDocumentation.RETRY.getName())
			.satisfies((context) -> assertThat(((AssistantsObservationContext) context).getRetries()).isEqualTo(2));
		assertThat(context(HTTP)).extracting((http) -> http.getParentObservation().getContextView())
			.containsOnly(context(OPERATION).get(0));
	}

	@Test
	void tagsAFailedOperationWithItsStatusOutcomeAndError() {
		server.stubFor(get(anyUrl()).willReturn(notFound().withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"No assistant found\",\"type\":\"invalid_request_error\"}}")));
		assertThat(errorOf(this.client.assistants().retrieve("asst_gone"))).isInstanceOf(NotFoundException.class);
		assertThat(this.registry).hasObservationWithNameEqualTo(OPERATION)
			.that()
			.hasLowCardinalityKeyValue("status", "404")
			.hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
			.hasLowCardinalityKeyValue("error", "NotFoundException")
			.hasError()
			.hasBeenStopped();
	}

	@Test
	void tagsAConnectionFailureWithNoStatus() {
		AssistantsClient unreachable = AssistantsClient.builder()
			.token("sk-test")
			.baseUrl("http://127.0.0.1:1/v1")
			.maxRetries(0)
			.observationRegistry(this.registry)
			.build();
		assertThat(errorOf(unreachable.threads().retrieve("thread_1")))
			.isInstanceOf(AssistantsTransportException.class);
		assertThat(this.registry).hasObservationWithNameEqualTo(OPERATION)
			.that()
			.hasLowCardinalityKeyValue("operation", "threads.retrieve")
			.hasLowCardinalityKeyValue("status", "NONE")
			.hasLowCardinalityKeyValue("outcome", "UNKNOWN")
			.hasLowCardinalityKeyValue("error", "AssistantsTransportException");
	}

	@Test
	void takesTheObservationInTheReactorContextAsParent() {
		server.stubFor(any(anyUrl()).willReturn(okJson(assistant("asst_1"))));
		Observation parent = Observation.start("checkout", this.registry);
		Mono<?> retrieval = this.client.assistants()
			.retrieve("asst_1")
			.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, parent));
		assertEmits(retrieval, 1);
		parent.stop();
		assertThat(context(OPERATION)).singleElement()
			.satisfies((operation) -> assertThat(operation.getParentObservation()).isSameAs(parent));
	}

	@Test
	void observesAStreamUntilDone() {
		server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(fixture("stream-text-answer.txt"))));
		assertEmits(this.client.runs().createStream("thread_1", CreateRunRequest.builder("asst_1").build()), 17);
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(OPERATION, 1)
			.hasObservationWithNameEqualTo(OPERATION)
			.that()
			.hasLowCardinalityKeyValue("operation", "runs.createStream")
			.hasLowCardinalityKeyValue("uri", "/threads/{thread_id}/runs")
			.hasLowCardinalityKeyValue("status", "200")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasBeenStopped();
	}

	@Test
	void keepsAStreamObservedUntilItsSubscriberCancels() {
		server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(fixture("stream-text-answer.txt"))));
		StepVerifier.create(this.client.runs().createStream("thread_1", CreateRunRequest.builder("asst_1").build()))
			.expectNextCount(1)
			.then(() -> assertThat(this.registry).hasObservationWithNameEqualTo(OPERATION)
				.that()
				.hasBeenStarted()
				.isNotStopped())
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(this.registry).hasObservationWithNameEqualTo(OPERATION)
			.that()
			.hasLowCardinalityKeyValue("outcome", "CANCELLED")
			.hasBeenStopped();
	}

	@Test
	void namesEveryOperationAfterItsResourceAndMethod() {
		assertThat(OperationObservations.operation(HttpMethod.POST,
				"/threads/{thread_id}/runs/{run_id}/submit_tool_outputs", true))
			.isEqualTo("runs.submitToolOutputsStream");
		assertThat(OperationObservations.operation(HttpMethod.GET,
				"/vector_stores/{vector_store_id}/file_batches/{batch_id}/files", false))
			.isEqualTo("vectorStoreFileBatches.listFiles");
		assertThat(OperationObservations.operation(HttpMethod.POST, "/files", false))
			.isEqualTo("files.upload");
		assertThat(OperationObservations.operation(HttpMethod.POST, "/threads/runs", true))
			.isEqualTo("threads.createAndRunStream");
	}

	private List<Observation.Context> context(String name) {
		return contexts().stream().filter((context) -> name.equals(context.getName())).toList();
	}

	// Low cardinality only: the WebClient's http.url, a high-cardinality key for traces, holds the id on purpose.
	private List<String> lowCardinalityValues() {
		return contexts().stream()
			.flatMap((context) -> context.getLowCardinalityKeyValues().stream())
			.map(KeyValue::getValue)
			.toList();
	}

	private List<Observation.Context> contexts() {
		List<Observation.Context> contexts = new ArrayList<>();
		assertThat(this.registry).hasHandledContextsThatSatisfy(contexts::addAll);
		return contexts;
	}

}
