package dev.assistants4j.client;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.assistants4j.client.AssistantsStubs.TIMEOUT;
import static dev.assistants4j.client.AssistantsStubs.assertEmits;
import static dev.assistants4j.client.AssistantsStubs.assistant;
import static dev.assistants4j.client.AssistantsStubs.builder;
import static dev.assistants4j.client.AssistantsStubs.errorOf;
import static dev.assistants4j.client.AssistantsStubs.requests;
import static dev.assistants4j.client.AssistantsStubs.urls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every setter checks its argument at once and names it; {@code build()} needs a token; {@code mutate()}
 * starts from every setting of the client.
 */
class AssistantsClientBuilderTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\t" })
	void blankTokenIsRejected(String token) {
		assertThatIllegalArgumentException().isThrownBy(() -> AssistantsClient.builder().token(token))
			.withMessageContaining("'token'");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "api.openai.com/v1", "/v1", "ftp://example.com/v1", "mailto:ops@example.com",
			"http://", "https:///v1", "http://exa mple.com/v1", "https://example.com/v1?api-version=1",
			"https://example.com/v1#top" })
	void baseUrlThatIsNotAnAbsoluteHttpUrlWithoutQueryIsRejected(String baseUrl) {
		assertThatIllegalArgumentException().isThrownBy(() -> AssistantsClient.builder().baseUrl(baseUrl))
			.withMessageContaining("'baseUrl'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://user:s3cr3t@example.com/v1", "http://s3cr3t@assistants_api:8080/v1" })
	void baseUrlWithCredentialsIsRejectedWithoutQuotingThem(String baseUrl) {
		assertThatIllegalArgumentException().isThrownBy(() -> AssistantsClient.builder().baseUrl(baseUrl))
			.withMessageContaining("'baseUrl' must not hold credentials")
			.withMessageNotContaining("s3cr3t");
	}

	@Test
	void baseUrlMayNameAHostWithAnUnderscoreAsContainerNetworksDo() {
		AssistantsClient client = AssistantsClient.builder().token("sk-test").baseUrl("http://assistants_api:8080/v1/")
			.build();
		assertThat(client).hasToString("AssistantsClient[http://assistants_api:8080/v1]");
	}

	static Stream<Arguments> positiveDurations() {
		return Stream.of(
				durationSetter("connectTimeout", AssistantsClient.Builder::connectTimeout),
				durationSetter("responseTimeout", AssistantsClient.Builder::responseTimeout),
				durationSetter("streamIdleTimeout", AssistantsClient.Builder::streamIdleTimeout),
				durationSetter("initialBackoff", AssistantsClient.Builder::initialBackoff),
				durationSetter("maxBackoff", AssistantsClient.Builder::maxBackoff),
				durationSetter("pollInterval", AssistantsClient.Builder::pollInterval),
				durationSetter("pollTimeout", AssistantsClient.Builder::pollTimeout));
	}

	private static Arguments durationSetter(String name, BiConsumer<AssistantsClient.Builder, Duration> setter) {
		return arguments(name, setter);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("positiveDurations")
	void zeroNegativeOrNullDurationIsRejected(String name, BiConsumer<AssistantsClient.Builder, Duration> setter) {
		AssistantsClient.Builder builder = AssistantsClient.builder();
		for (Duration invalid : new Duration[] { Duration.ZERO, Duration.ofMillis(-1), null }) {
			assertThatIllegalArgumentException().as("%s(%s)", name, invalid)
				.isThrownBy(() -> setter.accept(builder, invalid))
				.withMessageContaining("'" + name + "'");
		}
		setter.accept(builder, Duration.ofMillis(1));
	}

	@Test
	void maxRetryAfterMayBeZeroButNotNegative() {
		AssistantsClient.Builder builder = AssistantsClient.builder().maxRetryAfter(Duration.ZERO);
		assertThatIllegalArgumentException().isThrownBy(() -> builder.maxRetryAfter(Duration.ofSeconds(-1)))
			.withMessageContaining("'maxRetryAfter'");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.maxRetryAfter(null))
			.withMessageContaining("'maxRetryAfter'");
	}

	@Test
	void negativeMaxRetriesIsRejectedAndZeroAllowed() {
		AssistantsClient.Builder builder = AssistantsClient.builder().maxRetries(0);
		assertThatIllegalArgumentException().isThrownBy(() -> builder.maxRetries(-1))
			.withMessageContaining("'maxRetries'");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, Integer.MIN_VALUE })
	void nonPositiveMaxInMemorySizeIsRejected(int bytes) {
		assertThatIllegalArgumentException().isThrownBy(() -> AssistantsClient.builder().maxInMemorySize(bytes))
			.withMessageContaining("'maxInMemorySize'");
	}

	@Test
	void blankHeaderOrQueryNameAndNullValueAreRejected() {
		AssistantsClient.Builder builder = AssistantsClient.builder();
		assertThatIllegalArgumentException().isThrownBy(() -> builder.defaultHeader(" ", "v"))
			.withMessageContaining("'name'");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.defaultHeader("X-Tenant", null))
			.withMessageContaining("'value'");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.defaultQueryParam("", "v"))
			.withMessageContaining("'name'");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.defaultQueryParam("api-version", null))
			.withMessageContaining("'value'");
	}

	@Test
	void nullCollaboratorsAreRejected() {
		AssistantsClient.Builder builder = AssistantsClient.builder();
		assertThatIllegalArgumentException().isThrownBy(() -> builder.authHeader(null))
			.withMessageContaining("'style'");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.webClientBuilder(null))
			.withMessageContaining("'webClientBuilder'");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.clientConnector(null))
			.withMessageContaining("'connector'");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.apply(null))
			.withMessageContaining("'customizer'");
	}

	@Test
	void buildWithoutTokenFails() {
		assertThatIllegalStateException().isThrownBy(() -> AssistantsClient.builder().build())
			.withMessageContaining("token");
	}

	@Test
	void rejectedValueLeavesThePreviousOne() {
		server.stubFor(any(anyUrl()).willReturn(okJson(assistant("asst_1"))));
		AssistantsClient.Builder builder = builder(server);
		assertThatIllegalArgumentException().isThrownBy(() -> builder.baseUrl("/elsewhere"));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.token(" "));
		assertEmits(builder.build().assistants().retrieve("asst_1"), 1);
		server.verify(getRequestedFor(urlEqualTo("/v1/assistants/asst_1")).withHeader("Authorization",
				equalTo("Bearer sk-test")));
	}

	@Test
	void trailingSlashesOfTheBaseUrlAreIgnored() {
		server.stubFor(any(anyUrl()).willReturn(okJson(assistant("asst_1"))));
		assertEmits(builder(server).baseUrl(server.baseUrl() + "/v1//").build().assistants().retrieve("asst_1"), 1);
		assertThat(urls(server)).containsExactly("/v1/assistants/asst_1");
	}

	@Test
	void mutateKeepsEverySettingAndLeavesTheOriginalAlone() {
		server.stubFor(any(anyUrl()).willReturn(okJson(assistant("asst_1"))));
		AssistantsClient original = builder(server).token("sk-original")
			.betaHeader("assistants=v9")
			.organization("org_1")
			.project("proj_1")
			.defaultHeader("X-Tenant", "math")
			.defaultQueryParam("api-version", "2024-05-01-preview")
			.build();
		AssistantsClient mutated = original.mutate().project("proj_2").build();
		assertEmits(mutated.assistants().retrieve("asst_1"), 1);
		assertEmits(original.assistants().retrieve("asst_1"), 1);
		for (String project : new String[] { "proj_2", "proj_1" }) {
			server.verify(getRequestedFor(urlEqualTo("/v1/assistants/asst_1?api-version=2024-05-01-preview"))
				.withHeader("Authorization", equalTo("Bearer sk-original"))
				.withHeader("OpenAI-Beta", equalTo("assistants=v9"))
				.withHeader("OpenAI-Organization", equalTo("org_1"))
				.withHeader("OpenAI-Project", equalTo(project))
				.withHeader("X-Tenant", equalTo("math")));
		}
	}

	@Test
	void mutateKeepsRetrySettings() {
		server.stubFor(get("/v1/assistants/asst_1").willReturn(aResponse().withStatus(503)));
		AssistantsClient noRetries = builder(server).maxRetries(0).build().mutate().project("proj_2").build();
		assertThat(errorOf(noRetries.assistants().retrieve("asst_1"))).isInstanceOf(InternalServerException.class);
		assertThat(requests(server)).hasSize(1);
	}

	@Test
	void givenWebClientBuilderIsCopiedAndNeverChanged() {
		server.stubFor(any(anyUrl()).willReturn(okJson(assistant("asst_1"))));
		WebClient.Builder shared = WebClient.builder().defaultHeader("X-Shared", "yes");
		assertEmits(builder(server).webClientBuilder(shared).build().assistants().retrieve("asst_1"), 1);
		WebClient sharedClient = shared.build();
		assertEmits(sharedClient.get().uri(server.baseUrl() + "/v1/assistants/asst_1").retrieve().toBodilessEntity(), 1);
		server.verify(getRequestedFor(urlEqualTo("/v1/assistants/asst_1")).withHeader("X-Shared", equalTo("yes"))
			.withHeader("Authorization", equalTo("Bearer sk-test")));
		server.verify(getRequestedFor(urlEqualTo("/v1/assistants/asst_1")).withHeader("X-Shared", equalTo("yes"))
			.withHeader("Authorization", absent())
			.withHeader("OpenAI-Beta", absent()));
	}


	@ParameterizedTest
	@EnumSource(AuthHeaderStyle.class)
	void clientKeepsTheTokenOnlyInsideTheHeaderValueItSends(AuthHeaderStyle style) throws Exception {
		AssistantsClient client = AssistantsClient.builder().token("sk-heap-123").authHeader(style).build();
		Field field = client.getClass().getDeclaredField("settings");
		field.setAccessible(true);
		ClientSettings settings = (ClientSettings) field.get(client);
		String sent = (style == AuthHeaderStyle.BEARER) ? "Bearer sk-heap-123" : "sk-heap-123";
		assertThat(settings.credential()).isEqualTo(sent);
		for (RecordComponent component : ClientSettings.class.getRecordComponents()) {
			Object value = component.getAccessor().invoke(settings);
			if (!component.getName().equals("credential")) {
				assertThat(String.valueOf(value)).as(component.getName()).doesNotContain("sk-heap-123");
			}
		}
		assertThat(client.mutate().authHeader(AuthHeaderStyle.API_KEY).build()).extracting("settings")
			.extracting("credential")
			.isEqualTo("sk-heap-123");
	}

}
