package dev.assistants4j.client;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.assistant.Assistant;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.assistants4j.client.AssistantsStubs.TIMEOUT;
import static dev.assistants4j.client.AssistantsStubs.assistant;
import static dev.assistants4j.client.AssistantsStubs.builder;
import static dev.assistants4j.client.AssistantsStubs.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full page of long objects fits the default in-memory limit, which is far above the codec's 256 KB; a body
 * above a configured limit fails with a message that says which setting to raise.
 */
class LargeResponseTests {

	private static final String INSTRUCTIONS = "Explain each step. ".repeat(270);

	private static final String FULL_PAGE = IntStream.rangeClosed(1, 100)
		.mapToObj((i) -> assistant("asst_" + i, INSTRUCTIONS))
		.collect(Collectors.joining(",", "{\"object\":\"list\",\"data\":[",
				"],\"first_id\":\"asst_1\",\"last_id\":\"asst_100\",\"has_more\":false}"));

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@BeforeEach
	void stubFullPage() {
		server.stubFor(get(urlPathEqualTo("/v1/assistants")).willReturn(okJson(FULL_PAGE)));
	}

	@Test
	void hundredLongAssistantsDecodeWithTheDefaultLimit() {
		assertThat(INSTRUCTIONS).hasSizeGreaterThan(5_000);
		assertThat(FULL_PAGE.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThan(2 * 256 * 1024);
		StepVerifier.create(builder(server).build().assistants().listPage(ListParams.builder().limit(100).build()))
			.assertNext((page) -> {
				assertThat(page.data()).hasSize(100);
				assertThat(page.data().get(99).id()).isEqualTo("asst_100");
				assertThat(page.data()).extracting(Assistant::instructions).containsOnly(INSTRUCTIONS);
			})
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void bodyAboveMaxInMemorySizeIsADecodingFailureNamingTheSetting() {
		AssistantsClient client = builder(server).maxInMemorySize(64 * 1024).build();
		assertThat(errorOf(client.assistants().listPage(ListParams.none())))
			.isExactlyInstanceOf(AssistantsDecodingException.class)
			.hasMessageContaining("GET /assistants")
			.hasMessageContaining("max-in-memory-size")
			.hasMessageContaining(String.valueOf(64 * 1024));
	}

}
