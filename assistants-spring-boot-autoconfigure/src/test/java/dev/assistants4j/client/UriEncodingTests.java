package dev.assistants4j.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.web.reactive.function.client.WebClient;

import dev.assistants4j.model.assistant.ModifyAssistantRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.assistants4j.client.AssistantsStubs.assertEmits;
import static dev.assistants4j.client.AssistantsStubs.assistant;
import static dev.assistants4j.client.AssistantsStubs.builder;
import static dev.assistants4j.client.AssistantsStubs.requests;
import static dev.assistants4j.client.AssistantsStubs.urls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Ids are path variables: encoded so that none can leave its segment, and checked before any I/O.
 */
class UriEncodingTests {

	private static final String URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@ParameterizedTest(name = "\"{0}\" -> {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
			"../x | /v1/assistants/..%2Fx",
			"../../files | /v1/assistants/..%2F..%2Ffiles",
			"a/b | /v1/assistants/a%2Fb",
			"a?b | /v1/assistants/a%3Fb",
			"\"a b\" | /v1/assistants/a%20b",
			"a#b | /v1/assistants/a%23b",
			"a%2Fb | /v1/assistants/a%252Fb",
			"{assistant_id} | /v1/assistants/%7Bassistant_id%7D",
			"asst_é | /v1/assistants/asst_%C3%A9" })
	void idStaysInsideItsPathSegment(String id, String rawUrl) {
		server.stubFor(any(anyUrl()).willReturn(okJson(assistant("asst_1"))));
		assertEmits(builder(server).build().assistants().retrieve(id), 1);
		assertThat(urls(server)).containsExactly(rawUrl);
	}

	@Test
	void idInAnUpdateIsEncodedToo() {
		server.stubFor(any(anyUrl()).willReturn(okJson(assistant("asst_1"))));
		assertEmits(builder(server).build()
			.assistants()
			.update("../files", ModifyAssistantRequest.builder().name("x").build()), 1);
		assertThat(urls(server)).containsExactly("/v1/assistants/..%2Ffiles");
	}

	@Test
	void uriTemplateSeenByObservationsHoldsNeitherIdNorQueryValue() {
		server.stubFor(any(anyUrl()).willReturn(okJson(assistant("asst_1"))));
		List<Object> templates = new CopyOnWriteArrayList<>();
		WebClient.Builder observed = WebClient.builder().filter((request, next) -> {
			request.attribute(URI_TEMPLATE_ATTRIBUTE).ifPresent(templates::add);
			return next.exchange(request);
		});
		AssistantsClient client = builder(server).webClientBuilder(observed)
			.defaultQueryParam("api-version", "2024-05-01-preview")
			.build();
		assertEmits(client.assistants().retrieve("asst_secret_1"), 1);
		assertThat(templates)
			.containsExactly(server.baseUrl() + "/v1/assistants/{assistant_id}?api-version={q1}");
	}

	@ParameterizedTest(name = "\"{0}\"")
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\t\n", ".", ".." })
	void blankOrDotIdIsRejectedWhenCalledBeforeAnyRequest(String id) {
		AssistantOperations assistants = builder(server).build().assistants();
		assertThatIllegalArgumentException().isThrownBy(() -> assistants.retrieve(id))
			.withMessageContaining("assistantId");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> assistants.update(id, ModifyAssistantRequest.builder().build()))
			.withMessageContaining("assistantId");
		assertThatIllegalArgumentException().isThrownBy(() -> assistants.delete(id))
			.withMessageContaining("assistantId");
		assertThat(requests(server)).isEmpty();
	}

}
