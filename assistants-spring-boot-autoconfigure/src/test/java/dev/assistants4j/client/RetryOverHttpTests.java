package dev.assistants4j.client;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import dev.assistants4j.model.assistant.CreateAssistantRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.assistants4j.client.AssistantsStubs.assertEmits;
import static dev.assistants4j.client.AssistantsStubs.TIMEOUT;
import static dev.assistants4j.client.AssistantsStubs.assistant;
import static dev.assistants4j.client.AssistantsStubs.builder;
import static dev.assistants4j.client.AssistantsStubs.errorOf;
import static dev.assistants4j.client.AssistantsStubs.requests;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retry policy applied to real exchanges: statuses and headers read from the wire, each attempt a new
 * request with the same body.
 */
class RetryOverHttpTests {

	private static final String PATH = "/v1/assistants/asst_1";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private void stubFailureThenSuccess(ResponseDefinitionBuilder failure) {
		server.stubFor(get(PATH).inScenario("flaky")
			.whenScenarioStateIs(STARTED)
			.willReturn(failure)
			.willSetStateTo("recovered"));
		server.stubFor(get(PATH).inScenario("flaky")
			.whenScenarioStateIs("recovered")
			.willReturn(okJson(assistant("asst_1"))));
	}

	@Test
	void serverErrorThenSuccessSucceedsOnTheSecondRequest() {
		stubFailureThenSuccess(aResponse().withStatus(500).withHeader("x-request-id", "req_1"));
		StepVerifier.create(builder(server).build().assistants().retrieve("asst_1"))
			.assertNext((assistant) -> assertThat(assistant.id()).isEqualTo("asst_1"))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(requests(server)).hasSize(2);
	}

	@Test
	void rateLimitWithRetryAfterMsFromTheWireIsRetried() {
		stubFailureThenSuccess(aResponse().withStatus(429).withHeader("retry-after-ms", "5"));
		assertEmits(builder(server).build().assistants().retrieve("asst_1"), 1);
		assertThat(requests(server)).hasSize(2);
	}

	@Test
	void resetConnectionIsRetried() {
		stubFailureThenSuccess(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
		assertEmits(builder(server).build().assistants().retrieve("asst_1"), 1);
		assertThat(requests(server)).hasSize(2);
	}

	@Test
	void persistentServerErrorFailsAfterEveryRetry() {
		server.stubFor(get(PATH).willReturn(aResponse().withStatus(503).withHeader("x-request-id", "req_3")));
		Throwable failure = errorOf(builder(server).maxRetries(2).build().assistants().retrieve("asst_1"));
		assertThat(failure).isExactlyInstanceOf(InternalServerException.class);
		assertThat(((InternalServerException) failure).statusCode()).isEqualTo(503);
		assertThat(requests(server)).hasSize(3);
	}

	@Test
	void badRequestIsSentOnce() {
		server.stubFor(get(PATH).willReturn(aResponse().withStatus(400)));
		assertThat(errorOf(builder(server).build().assistants().retrieve("asst_1")))
			.isExactlyInstanceOf(BadRequestException.class);
		assertThat(requests(server)).hasSize(1);
	}

	@Test
	void retriedPostSendsTheSameBodyAgain() {
		server.stubFor(post("/v1/assistants").inScenario("flaky")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(502))
			.willSetStateTo("recovered"));
		server.stubFor(post("/v1/assistants").inScenario("flaky")
			.whenScenarioStateIs("recovered")
			.willReturn(okJson(assistant("asst_1"))));
		CreateAssistantRequest request = CreateAssistantRequest.builder("gpt-4o").build();
		assertEmits(builder(server).build().assistants().create(request), 1);
		server.verify(2, postRequestedFor(urlEqualTo("/v1/assistants"))
			.withRequestBody(equalToJson("{\"model\":\"gpt-4o\"}")));
	}

}
