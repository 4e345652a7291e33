package dev.assistants4j.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.SortOrder;
import dev.assistants4j.model.assistant.CreateAssistantRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.assistants4j.client.AssistantsStubs.assertEmits;
import static dev.assistants4j.client.AssistantsStubs.assistant;
import static dev.assistants4j.client.AssistantsStubs.builder;
import static dev.assistants4j.client.AssistantsStubs.ids;
import static dev.assistants4j.client.AssistantsStubs.page;
import static dev.assistants4j.client.AssistantsStubs.urls;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authentication, protocol and configured headers, and the query of every request.
 */
class RequestHeadersTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@BeforeEach
	void stubAssistants() {
		server.stubFor(get(urlPathEqualTo("/v1/assistants")).willReturn(okJson(page(false, "asst_1", ids(1, 1)))));
		server.stubFor(any(urlPathEqualTo("/v1/assistants/asst_1")).willReturn(okJson(assistant("asst_1"))));
		server.stubFor(any(urlPathEqualTo("/v1/assistants")).atPriority(10).willReturn(okJson(assistant("asst_1"))));
	}

	private static void retrieveWith(AssistantsClient client) {
		assertEmits(client.assistants().retrieve("asst_1"), 1);
	}

	@Test
	void defaultsAreBearerTokenJsonAndTheAssistantsBeta() {
		retrieveWith(builder(server).build());
		server.verify(getRequestedFor(urlEqualTo("/v1/assistants/asst_1"))
			.withHeader("Authorization", equalTo("Bearer sk-test"))
			.withHeader("OpenAI-Beta", equalTo("assistants=v2"))
			.withHeader("Accept", equalTo("application/json"))
			.withHeader("api-key", absent())
			.withHeader("OpenAI-Organization", absent())
			.withHeader("OpenAI-Project", absent()));
	}

	@Test
	void apiKeyStyleSendsTheTokenInApiKeyAndNoAuthorization() {
		retrieveWith(builder(server).authHeader(AuthHeaderStyle.API_KEY).build());
		server.verify(getRequestedFor(urlEqualTo("/v1/assistants/asst_1")).withHeader("api-key", equalTo("sk-test"))
			.withHeader("Authorization", absent()));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = "  ")
	void betaHeaderCanBeDisabled(String betaHeader) {
		retrieveWith(builder(server).betaHeader(betaHeader).build());
		server.verify(getRequestedFor(urlEqualTo("/v1/assistants/asst_1")).withHeader("OpenAI-Beta", absent()));
	}

	@Test
	void betaHeaderCanBeChanged() {
		retrieveWith(builder(server).betaHeader("assistants=v3").build());
		server.verify(getRequestedFor(urlEqualTo("/v1/assistants/asst_1"))
			.withHeader("OpenAI-Beta", equalTo("assistants=v3")));
	}

	@Test
	void organizationAndProjectAreSentWhenConfigured() {
		retrieveWith(builder(server).organization("org_1").project("proj_1").build());
		server.verify(getRequestedFor(urlEqualTo("/v1/assistants/asst_1"))
			.withHeader("OpenAI-Organization", equalTo("org_1"))
			.withHeader("OpenAI-Project", equalTo("proj_1")));
	}

	@Test
	void defaultHeaderReplacesABuiltInHeaderOfTheSameName() {
		retrieveWith(builder(server).defaultHeader("openai-beta", "assistants=v1").build());
		server.verify(getRequestedFor(urlEqualTo("/v1/assistants/asst_1"))
			.withHeader("OpenAI-Beta", equalTo("assistants=v1")));
	}

	@Test
	void defaultHeadersAndQueryParametersGoOnEveryRequest() {
		AssistantsClient client = builder(server).authHeader(AuthHeaderStyle.API_KEY)
			.defaultHeader("X-Tenant", "math")
			.defaultQueryParam("api-version", "2024-05-01-preview")
			.build();
		retrieveWith(client);
		assertEmits(client.assistants().create(CreateAssistantRequest.builder("gpt-4o").build()), 1);
		assertEmits(client.assistants().delete("asst_1"), 1);
		assertEmits(client.assistants().listPage(ListParams.builder().limit(1).build()), 1);
		assertThat(urls(server)).containsExactly("/v1/assistants/asst_1?api-version=2024-05-01-preview",
				"/v1/assistants?api-version=2024-05-01-preview",
				"/v1/assistants/asst_1?api-version=2024-05-01-preview",
				"/v1/assistants?api-version=2024-05-01-preview&limit=1");
		server.verify(4, anyRequestedFor(anyUrl()).withHeader("X-Tenant", equalTo("math")));
	}

	@Test
	void listParametersAreSentExactly() {
		ListParams params = ListParams.builder().limit(5).order(SortOrder.ASC).after("asst_1").before("asst_9").build();
		assertEmits(builder(server).build().assistants().listPage(params), 1);
		assertThat(urls(server)).containsExactly("/v1/assistants?limit=5&order=asc&after=asst_1&before=asst_9");
	}

	@Test
	void listWithoutParametersHasNoQuery() {
		assertEmits(builder(server).build().assistants().listPage(ListParams.none()), 1);
		assertThat(urls(server)).containsExactly("/v1/assistants");
	}

	@Test
	void aRequestParameterReplacesADefaultOneOfTheSameName() {
		ListParams params = ListParams.builder().limit(5).build();
		assertEmits(builder(server).defaultQueryParam("limit", "50").build().assistants().listPage(params), 1);
		assertThat(urls(server)).containsExactly("/v1/assistants?limit=5");
	}

	@Test
	void queryValuesAreEncoded() {
		ListParams params = ListParams.builder().after("asst_1&limit=100").build();
		assertEmits(builder(server).defaultQueryParam("tag", "a b&c=d").build().assistants().listPage(params), 1);
		assertThat(urls(server)).containsExactly("/v1/assistants?tag=a%20b%26c%3Dd&after=asst_1%26limit%3D100");
	}

}
