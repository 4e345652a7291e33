package dev.assistants4j.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.Configurations;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JdkClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.client.AssistantsDecodingException;
import dev.assistants4j.client.AssistantsTransportException;
import dev.assistants4j.client.InternalServerException;
import dev.assistants4j.model.assistant.Assistant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

class AssistantsAutoConfigurationTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final String ASSISTANT_PATH = "/v1/assistants/asst_1";

	// Without the process's variables: a developer's own OPENAI_ASSISTANTS_TOKEN must not decide the outcome.
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.remove(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
		.withConfiguration(AutoConfigurations.of(AssistantsAutoConfiguration.class))
		.withPropertyValues("openai.assistants.base-url=" + server.baseUrl() + "/v1");

	@BeforeEach
	void stubAssistant() {
		server.stubFor(get(urlPathEqualTo(ASSISTANT_PATH)).willReturn(okJson("""
				{"id":"asst_1","object":"assistant"}""")));
	}

	@Test
	void createsNoClientWithoutToken() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(AssistantsClient.class)
			.doesNotHaveBean(AssistantsProperties.class));
	}

	@Test
	void createsClientWhenTokenIsSet() {
		withToken().run((context) -> assertThat(context).hasSingleBean(AssistantsClient.class));
	}

	@Test
	void backsOffWhenUserDefinesClient() {
		withToken().withUserConfiguration(UserClientConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(AssistantsClient.class).hasBean("userClient"));
	}

	@Test
	void sendsTokenAsBearerAuthorizationByDefault() {
		assertRetrievalSent(withToken(),
				(request) -> request.withHeader("Authorization", equalTo("Bearer sk-test")).withoutHeader("api-key"));
	}

	@Test
	void sendsTokenAsApiKeyHeaderWhenAuthHeaderIsApiKey() {
		assertRetrievalSent(withToken("openai.assistants.auth-header=api-key"),
				(request) -> request.withHeader("api-key", equalTo("sk-test")).withoutHeader("Authorization"));
	}

	@Test
	void sendsAssistantsV2BetaHeaderByDefault() {
		assertRetrievalSent(withToken(), (request) -> request.withHeader("OpenAI-Beta", equalTo("assistants=v2")));
	}

	@Test
	void sendsConfiguredBetaHeader() {
		assertRetrievalSent(withToken("openai.assistants.beta-header=assistants=v3"),
				(request) -> request.withHeader("OpenAI-Beta", equalTo("assistants=v3")));
	}

	@Test
	void sendsNoBetaHeaderWhenBetaHeaderIsEmpty() {
		assertRetrievalSent(withToken("openai.assistants.beta-header="),
				(request) -> request.withoutHeader("OpenAI-Beta"));
	}

	@Test
	void sendsOrganizationAndProjectHeaders() {
		assertRetrievalSent(withToken("openai.assistants.organization=org-1", "openai.assistants.project=proj-1"),
				(request) -> request.withHeader("OpenAI-Organization", equalTo("org-1"))
					.withHeader("OpenAI-Project", equalTo("proj-1")));
	}

	@Test
	void sendsNoOrganizationOrProjectHeaderByDefault() {
		assertRetrievalSent(withToken(),
				(request) -> request.withoutHeader("OpenAI-Organization").withoutHeader("OpenAI-Project"));
	}

	@Test
	void sendsExtraHeadersWithEveryRequest() {
		assertRetrievalSent(
				withToken("openai.assistants.headers.x-team=math", "openai.assistants.headers[X-Trace.Id]=abc"),
				(request) -> request.withHeader("x-team", equalTo("math")).withHeader("X-Trace.Id", equalTo("abc")));
	}

	@Test
	void addsQueryParamsToEveryRequest() {
		assertRetrievalSent(withToken("openai.assistants.query-params.api-version=2024-05-01-preview"),
				(request) -> request.withQueryParam("api-version", equalTo("2024-05-01-preview")));
	}

	@Test
	void retriesAFailedRequestAsManyTimesAsMaxRetries() {
		server.stubFor(get(urlPathEqualTo(ASSISTANT_PATH)).willReturn(serverError()));
		withToken("openai.assistants.retry.max-retries=1", "openai.assistants.retry.initial-backoff=1ms",
				"openai.assistants.retry.max-backoff=1ms")
			.run((context) -> {
				StepVerifier.create(retrieveAssistant(context))
					.expectError(InternalServerException.class)
					.verify(Duration.ofSeconds(5));
				server.verify(2, getRequestedFor(urlPathEqualTo(ASSISTANT_PATH)));
			});
	}

	@Test
	void rejectsResponseBodiesLargerThanMaxInMemorySize() {
		server.stubFor(get(urlPathEqualTo(ASSISTANT_PATH)).willReturn(okJson("""
				{"id":"asst_1","object":"assistant","instructions":"%s"}""".formatted("x".repeat(2048)))));
		withToken("openai.assistants.max-in-memory-size=1KB")
			.run((context) -> StepVerifier.create(retrieveAssistant(context))
				.expectError(AssistantsDecodingException.class)
				.verify(Duration.ofSeconds(5)));
	}

	@Test
	void failsARequestWhoseResponseTakesLongerThanResponseTimeout() {
		server.stubFor(get(urlPathEqualTo(ASSISTANT_PATH)).willReturn(aResponse().withFixedDelay(2000)));
		withToken("openai.assistants.response-timeout=100ms", "openai.assistants.retry.max-retries=0")
			.run((context) -> StepVerifier.create(retrieveAssistant(context))
				.expectError(AssistantsTransportException.class)
				.verify(Duration.ofSeconds(1)));
	}

	@Test
	void appliesCustomizersInOrder() {
		assertRetrievalSent(withToken().withUserConfiguration(OrderedCustomizersConfiguration.class),
				(request) -> request.withHeader("X-Customized", equalTo("second")));
	}

	@Test
	void appliesCustomizersAfterProperties() {
		assertRetrievalSent(
				withToken().withBean(AssistantsClientCustomizer.class,
						() -> (builder) -> builder.token("sk-from-customizer")),
				(request) -> request.withHeader("Authorization", equalTo("Bearer sk-from-customizer")));
	}

	@Test
	void startsFromBootsWebClientBuilder() {
		assertRetrievalSent(
				withToken().withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class))
					.withBean(WebClientCustomizer.class,
							() -> (builder) -> builder.defaultHeader("X-Customized-By", "web-client-customizer")),
				(request) -> request.withHeader("X-Customized-By", equalTo("web-client-customizer")));
	}

	@Test
	void worksWithoutAWebClientBuilderBean() {
		withToken().run((context) -> {
			assertThat(context).doesNotHaveBean(WebClient.Builder.class);
			StepVerifier.create(retrieveAssistant(context))
				.assertNext((assistant) -> assertThat(assistant.id()).isEqualTo("asst_1"))
				.expectComplete()
				.verify(Duration.ofSeconds(5));
		});
	}

	@Test
	void doesNotChangeTheWebClientBuilderBean() {
		server.stubFor(get("/probe").willReturn(aResponse().withStatus(204)));
		withToken().withBean(WebClient.Builder.class, WebClient::builder).run((context) -> {
			assertThat(context).hasSingleBean(AssistantsClient.class);
			WebClient webClient = context.getBean(WebClient.Builder.class).build();
			StepVerifier.create(webClient.get().uri(server.baseUrl() + "/probe").retrieve().toBodilessEntity())
				.expectNextCount(1)
				.expectComplete()
				.verify(Duration.ofSeconds(5));
			server.verify(getRequestedFor(urlPathEqualTo("/probe")).withoutHeader("Authorization")
				.withoutHeader("OpenAI-Beta"));
		});
	}

	@Test
	void buildsTheConnectorFromBootsHttpClientSettingsWithItsOwnTimeouts() {
		AtomicReference<HttpClientSettings> seen = new AtomicReference<>();
		ClientHttpConnectorBuilder<ClientHttpConnector> recording = (settings) -> {
			seen.set(settings);
			return ClientHttpConnectorBuilder.reactor().build(settings);
		};
		assertRetrievalSent(
				withToken("openai.assistants.connect-timeout=3s", "openai.assistants.response-timeout=7s")
					.withBean(HttpClientSettings.class,
							() -> HttpClientSettings.defaults().withRedirects(HttpRedirects.DONT_FOLLOW))
					.withBean(ClientHttpConnectorBuilder.class, () -> recording),
				(request) -> request);
		assertThat(seen.get()).isEqualTo(new HttpClientSettings(HttpRedirects.DONT_FOLLOW, Duration.ofSeconds(3),
				Duration.ofSeconds(7), null));
	}

	@Test
	void appliesTheResponseTimeoutWithTheConnectorBootChose() {
		server.stubFor(get(urlPathEqualTo(ASSISTANT_PATH)).willReturn(aResponse().withFixedDelay(2000)));
		withToken("openai.assistants.response-timeout=100ms", "openai.assistants.retry.max-retries=0",
				"spring.http.clients.reactive.connector=jdk")
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class))
			.run((context) -> {
				assertThat(context.getBean(ClientHttpConnectorBuilder.class))
					.isInstanceOf(JdkClientHttpConnectorBuilder.class);
				StepVerifier.create(retrieveAssistant(context))
					.expectError(AssistantsTransportException.class)
					.verify(Duration.ofSeconds(1));
			});
	}

	@Test
	void timesResponsesWithTheClientsTimerOnBootsReactorConnector() {
		server.stubFor(get(urlPathEqualTo(ASSISTANT_PATH)).willReturn(aResponse().withFixedDelay(2000)));
		server.stubFor(get(urlPathEqualTo("/v1/assistants/asst_fast"))
			.willReturn(okJson("{\"id\":\"asst_fast\",\"object\":\"assistant\"}")));
		withToken("openai.assistants.response-timeout=100ms", "openai.assistants.retry.max-retries=0")
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class))
			.run((context) -> {
				assertThat(context.getBean(ClientHttpConnectorBuilder.class))
					.isInstanceOf(ReactorClientHttpConnectorBuilder.class);
				AssistantsClient client = context.getBean(AssistantsClient.class);
				StepVerifier.create(client.assistants().retrieve("asst_fast"))
					.assertNext((assistant) -> assertThat(assistant.id()).isEqualTo("asst_fast"))
					.expectComplete()
					.verify(Duration.ofSeconds(5));
				StepVerifier.create(retrieveAssistant(context))
					.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(AssistantsTransportException.class)
						.hasMessageContaining("Timeout"))
					.verify(Duration.ofSeconds(1));
			});
	}

	@Test
	void isOrderedAfterWebClientAutoConfiguration() {
		Class<?>[] ordered = Configurations.getClasses(
				AutoConfigurations.of(AssistantsAutoConfiguration.class, WebClientAutoConfiguration.class));
		assertThat(List.of(ordered)).containsSubsequence(WebClientAutoConfiguration.class,
				AssistantsAutoConfiguration.class);
	}

	private ApplicationContextRunner withToken(String... properties) {
		return this.contextRunner.withPropertyValues("openai.assistants.token=sk-test").withPropertyValues(properties);
	}

	/**
	 * Retrieves {@code asst_1} with the context's client, then checks the request the server received.
	 */
	private static void assertRetrievalSent(ApplicationContextRunner contextRunner,
			UnaryOperator<RequestPatternBuilder> expectedRequest) {
		contextRunner.run((context) -> {
			StepVerifier.create(retrieveAssistant(context))
				.assertNext((assistant) -> assertThat(assistant.id()).isEqualTo("asst_1"))
				.expectComplete()
				.verify(Duration.ofSeconds(5));
			server.verify(expectedRequest.apply(getRequestedFor(urlPathEqualTo(ASSISTANT_PATH))));
		});
	}

	private static Mono<Assistant> retrieveAssistant(ApplicationContext context) {
		return context.getBean(AssistantsClient.class).assistants().retrieve("asst_1");
	}

	@Configuration(proxyBeanMethods = false)
	static class UserClientConfiguration {

		@Bean
		AssistantsClient userClient() {
			return AssistantsClient.builder().token("sk-user").build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedCustomizersConfiguration {

		// Declared first, applied last: the order comes from @Order, not from registration.
		@Bean
		@Order(2)
		AssistantsClientCustomizer second() {
			return (builder) -> builder.defaultHeader("X-Customized", "second");
		}

		@Bean
		@Order(1)
		AssistantsClientCustomizer first() {
			return (builder) -> builder.defaultHeader("X-Customized", "first");
		}

	}

}
