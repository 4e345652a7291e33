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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import dev.assistants4j.model.DeletionStatus;
import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.SortOrder;
import dev.assistants4j.model.assistant.Assistant;
import dev.assistants4j.model.assistant.CreateAssistantRequest;
import dev.assistants4j.model.assistant.ModifyAssistantRequest;
import dev.assistants4j.model.assistant.ReasoningEffort;
import dev.assistants4j.model.assistant.ResponseFormat;
import dev.assistants4j.model.tool.CodeInterpreterTool;
import dev.assistants4j.model.tool.FileSearchTool;
import dev.assistants4j.model.tool.FunctionTool;
import dev.assistants4j.model.tool.Tool;
import dev.assistants4j.model.tool.ToolResources;
import dev.assistants4j.model.vectorstore.ChunkingStrategy;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AssistantOperationsTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@BeforeEach
	void resetServer() {
		server.resetAll();
	}

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
	void retrieveKeepsV1EraToolsAsUnknownAndToleratesNullMetadata() {
		server.stubFor(get("/v1/assistants/asst_v1era").willReturn(okJson(fixture("assistant-v1.json"))));
		StepVerifier.create(client().assistants().retrieve("asst_v1era")).assertNext((assistant) -> {
			assertThat(assistant.model()).isEqualTo("gpt-4-1106-preview");
			assertThat(assistant.tools()).hasSize(2);
			assertThat(assistant.tools().get(0)).isInstanceOfSatisfying(Tool.Unknown.class, (unknown) -> {
				assertThat(unknown.type()).isEqualTo("retrieval");
				assertThat(unknown.raw().toString()).isEqualTo("{\"type\":\"retrieval\"}");
			});
			assertThat(assistant.tools().get(1)).isEqualTo(Tool.codeInterpreter());
			assertThat(assistant.metadata()).isEmpty();
			assertThat(assistant.instructions()).isNull();
		}).expectComplete().verify(Duration.ofSeconds(5));
	}

	@Test
	void retrieveToleratesAnObjectWithOnlyAnId() {
		server.stubFor(get("/v1/assistants/asst_bare").willReturn(okJson(fixture("assistant-bare.json"))));
		StepVerifier.create(client().assistants().retrieve("asst_bare")).assertNext((assistant) -> {
			assertThat(assistant.id()).isEqualTo("asst_bare");
			assertThat(assistant.createdAt()).isNull();
			assertThat(assistant.createdAtInstant()).isNull();
			assertThat(assistant.tools()).isEmpty();
			assertThat(assistant.metadata()).isEmpty();
			assertThat(assistant.responseFormat()).isNull();
		}).expectComplete().verify(Duration.ofSeconds(5));
	}

	@Test
	void createSendsEveryFieldThatWasSet() {
		server.stubFor(post("/v1/assistants").willReturn(okJson(fixture("assistant.json"))));
		CreateAssistantRequest request = CreateAssistantRequest.builder("gpt-4o")
			.name("Math Tutor")
			.description("Helps with maths")
			.instructions("Write and run code.")
			.reasoningEffort(ReasoningEffort.LOW)
			.addTool(Tool.codeInterpreter())
			.addTool(new FileSearchTool(new FileSearchTool.FileSearchSettings(5,
					new FileSearchTool.RankingOptions("auto", 0.25))))
			.toolResources(new ToolResources(new ToolResources.CodeInterpreterResources(List.of("file-1")),
					new ToolResources.FileSearchResources(null, List.of(new ToolResources.NewVectorStore(
							List.of("file-2"), ChunkingStrategy.fixed(800, 400), Map.of("k", "v"))))))
			.putMetadata("team", "math")
			.temperature(0.2)
			.topP(0.9)
			.responseFormat(ResponseFormat.jsonSchema("answer", Map.of("type", "object"), true))
			.build();
		StepVerifier.create(client().assistants().create(request)).expectNextCount(1).expectComplete()
			.verify(Duration.ofSeconds(5));
		server.verify(postRequestedFor(urlEqualTo("/v1/assistants"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
				{"model":"gpt-4o","name":"Math Tutor","description":"Helps with maths",
				 "instructions":"Write and run code.","reasoning_effort":"low",
				 "tools":[{"type":"code_interpreter"},
				  {"type":"file_search","file_search":{"max_num_results":5,
				   "ranking_options":{"ranker":"auto","score_threshold":0.25}}}],
				 "tool_resources":{"code_interpreter":{"file_ids":["file-1"]},
				  "file_search":{"vector_stores":[{"file_ids":["file-2"],
				   "chunking_strategy":{"type":"static","static":{"max_chunk_size_tokens":800,"chunk_overlap_tokens":400}},
				   "metadata":{"k":"v"}}]}},
				 "metadata":{"team":"math"},"temperature":0.2,"top_p":0.9,
				 "response_format":{"type":"json_schema","json_schema":{"name":"answer","schema":{"type":"object"},"strict":true}}}""",
					false, false)));
	}

	@Test
	void createRejectsABlankModelBeforeAnyRequest() {
		assertThatIllegalArgumentException().isThrownBy(() -> CreateAssistantRequest.builder(" ").build())
			.withMessageContaining("'model'");
		assertThatIllegalArgumentException().isThrownBy(() -> client().assistants().create(null))
			.withMessageContaining("'request'");
		server.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void updateSendsOnlyTheChangedFields() {
		server.stubFor(post("/v1/assistants/asst_123").willReturn(okJson(fixture("assistant-modified-spec.json"))));
		ModifyAssistantRequest request = ModifyAssistantRequest.builder()
			.instructions("You are an HR bot.")
			.tools(List.of(Tool.fileSearch()))
			.build();
		StepVerifier.create(client().assistants().update("asst_123", request)).assertNext((assistant) -> {
			assertThat(assistant.id()).isEqualTo("asst_123");
			assertThat(assistant.name()).isEqualTo("HR Helper");
			assertThat(assistant.tools()).containsExactly(Tool.fileSearch());
			assertThat(assistant.toolResources().fileSearch().vectorStoreIds()).isEmpty();
			assertThat(assistant.responseFormat()).isEqualTo(ResponseFormat.auto());
			assertThat(assistant.topP()).isEqualTo(1.0);
		}).expectComplete().verify(Duration.ofSeconds(5));
		server.verify(postRequestedFor(urlEqualTo("/v1/assistants/asst_123")).withRequestBody(equalToJson("""
				{"instructions":"You are an HR bot.","tools":[{"type":"file_search"}]}""", false, false)));
	}

	@Test
	void deleteDecodesTheDeletionStatus() {
		server.stubFor(delete("/v1/assistants/asst_abc123").willReturn(okJson(fixture("assistant-deleted-spec.json"))));
		StepVerifier.create(client().assistants().delete("asst_abc123"))
			.expectNext(new DeletionStatus("asst_abc123", "assistant.deleted", true))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		server.verify(deleteRequestedFor(urlEqualTo("/v1/assistants/asst_abc123"))
			.withHeader("OpenAI-Beta", equalTo("assistants=v2")));
	}

	@Test
	void listPageSendsTheQueryAndDecodesThePage() {
		server.stubFor(get(urlPathEqualTo("/v1/assistants")).willReturn(okJson(fixture("assistants-list-spec.json"))));
		ListParams params = ListParams.builder().limit(3).order(SortOrder.ASC).after("asst_0").before("asst_9").build();
		StepVerifier.create(client().assistants().listPage(params)).assertNext((page) -> {
			assertThat(page.data()).extracting(Assistant::id).containsExactly("asst_abc123", "asst_abc456",
					"asst_abc789");
			assertThat(page.firstId()).isEqualTo("asst_abc123");
			assertThat(page.lastId()).isEqualTo("asst_abc789");
			assertThat(page.hasMore()).isFalse();
			assertThat(page.data().get(2).name()).isNull();
			assertThat(page.data().get(0).toolResources()).isEqualTo(new ToolResources(null, null));
		}).expectComplete().verify(Duration.ofSeconds(5));
		server.verify(getRequestedFor(urlEqualTo("/v1/assistants?limit=3&order=asc&after=asst_0&before=asst_9")));
	}

	@Test
	void listWalksEveryPage() {
		server.stubFor(get(urlEqualTo("/v1/assistants")).willReturn(okJson("""
				{"object":"list","data":[{"id":"asst_1"},{"id":"asst_2"}],"first_id":"asst_1","last_id":"asst_2","has_more":true}""")));
		server.stubFor(get(urlEqualTo("/v1/assistants?after=asst_2")).willReturn(okJson("""
				{"object":"list","data":[{"id":"asst_3"}],"first_id":"asst_3","last_id":"asst_3","has_more":false}""")));
		StepVerifier.create(client().assistants().list().map(Assistant::id))
			.expectNext("asst_1", "asst_2", "asst_3")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		server.verify(2, getRequestedFor(urlPathEqualTo("/v1/assistants")));
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
