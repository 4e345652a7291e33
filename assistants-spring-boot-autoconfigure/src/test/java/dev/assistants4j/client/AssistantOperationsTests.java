package dev.assistants4j.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import dev.assistants4j.model.assistant.Assistant;
import dev.assistants4j.model.assistant.CreateAssistantRequest;
import dev.assistants4j.model.assistant.ReasoningEffort;
import dev.assistants4j.model.assistant.ResponseFormat;
import dev.assistants4j.model.tool.CodeInterpreterTool;
import dev.assistants4j.model.tool.FileSearchTool;
import dev.assistants4j.model.tool.FunctionTool;
import dev.assistants4j.model.tool.Tool;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class AssistantOperationsTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private AssistantsClient client() {
		return AssistantsClient.builder().token("sk-test").baseUrl(server.baseUrl() + "/v1").build();
	}

	static String fixture(String name) {
		try (InputStream in = AssistantOperationsTests.class.getResourceAsStream("/fixtures/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void retrieveDecodesEveryField() {
		server.stubFor(get("/v1/assistants/asst_abc123").willReturn(okJson(fixture("assistant.json"))));
		StepVerifier.create(client().assistants().retrieve("asst_abc123")).assertNext((assistant) -> {
			assertThat(assistant.id()).isEqualTo("asst_abc123");
			assertThat(assistant.createdAtInstant()).isEqualTo(Instant.ofEpochSecond(1698984975));
			assertThat(assistant.tools()).hasSize(4);
			assertThat(assistant.tools().get(0)).isInstanceOf(CodeInterpreterTool.class);
			FileSearchTool fileSearch = (FileSearchTool) assistant.tools().get(1);
			assertThat(fileSearch.fileSearch().rankingOptions().scoreThreshold()).isEqualTo(0.5);
			FunctionTool function = (FunctionTool) assistant.tools().get(2);
			assertThat(function.function().name()).isEqualTo("get_weather");
			assertThat(function.function().strict()).isTrue();
			assertThat(assistant.tools().get(3)).isInstanceOfSatisfying(Tool.Unknown.class,
					(unknown) -> assertThat(unknown.type()).isEqualTo("browser"));
			assertThat(assistant.responseFormat()).isInstanceOfSatisfying(ResponseFormat.JsonSchema.class,
					(format) -> assertThat(format.jsonSchema().name()).isEqualTo("answer"));
			assertThat(assistant.reasoningEffort()).isEqualTo(ReasoningEffort.of("turbo"));
			assertThat(assistant.metadata()).containsExactly(Map.entry("team", "math"));
		}).expectComplete().verify(Duration.ofSeconds(5));
		server.verify(getRequestedFor(urlEqualTo("/v1/assistants/asst_abc123"))
			.withHeader("Authorization", equalTo("Bearer sk-test"))
			.withHeader("OpenAI-Beta", equalTo("assistants=v2")));
	}

	@Test
	void createSendsOnlyWhatWasSet() {
		server.stubFor(post("/v1/assistants").willReturn(okJson(fixture("assistant.json"))));
		CreateAssistantRequest request = CreateAssistantRequest.builder("gpt-4o")
			.name("Math Tutor")
			.tools(List.of(Tool.codeInterpreter(), Tool.function("f", null, Map.of("type", "object"))))
			.responseFormat(ResponseFormat.auto())
			.build();
		StepVerifier.create(client().assistants().create(request)).expectNextCount(1).expectComplete()
			.verify(Duration.ofSeconds(5));
		server.verify(postRequestedFor(urlEqualTo("/v1/assistants")).withRequestBody(equalToJson("""
				{"model":"gpt-4o","name":"Math Tutor","tools":[{"type":"code_interpreter"},
				 {"type":"function","function":{"name":"f","parameters":{"type":"object"}}}],
				 "response_format":"auto"}""")));
	}

}
