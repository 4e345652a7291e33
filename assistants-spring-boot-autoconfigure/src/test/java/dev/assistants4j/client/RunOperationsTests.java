package dev.assistants4j.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.assistant.ReasoningEffort;
import dev.assistants4j.model.assistant.ResponseFormat;
import dev.assistants4j.model.json.AssistantsJson;
import dev.assistants4j.model.message.CreateMessageRequest;
import dev.assistants4j.model.message.InputPart;
import dev.assistants4j.model.message.MessageRole;
import dev.assistants4j.model.run.CreateRunRequest;
import dev.assistants4j.model.run.ModifyRunRequest;
import dev.assistants4j.model.run.RequiredToolCall;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.run.RunError;
import dev.assistants4j.model.run.RunErrorCode;
import dev.assistants4j.model.run.RunIncompleteReason;
import dev.assistants4j.model.run.RunStatus;
import dev.assistants4j.model.run.RunUsage;
import dev.assistants4j.model.run.SubmitToolOutputsRequest;
import dev.assistants4j.model.run.ToolChoice;
import dev.assistants4j.model.run.TruncationStrategy;
import dev.assistants4j.model.tool.FileSearchTool;
import dev.assistants4j.model.tool.FunctionTool;
import dev.assistants4j.model.tool.Tool;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.assistants4j.client.AssistantOperationsTests.fixture;
import static dev.assistants4j.client.WireExchanges.assertOnlyRequest;
import static dev.assistants4j.client.WireExchanges.onlyRequestUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RunOperationsTests {

	private static final String RUNS = "/v1/threads/thread_abc123/runs";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final RunOperations runs = WireExchanges.client(server).runs();

	private final JsonMapper mapper = AssistantsJson.newMapper();

	@Test
	void createWithOnlyAnAssistantSendsOnlyItAndDecodesTheSpecExample() {
		server.stubFor(post(RUNS).willReturn(okJson(fixture("run-created-spec.json"))));
		StepVerifier.create(this.runs.create("thread_abc123", CreateRunRequest.builder("asst_abc123").build()))
			.assertNext((run) -> {
				assertThat(run.id()).isEqualTo("run_abc123");
				assertThat(run.object()).isEqualTo("thread.run");
				assertThat(run.createdAtInstant()).isEqualTo(Instant.ofEpochSecond(1699063290));
				assertThat(run.assistantId()).isEqualTo("asst_abc123");
				assertThat(run.threadId()).isEqualTo("thread_abc123");
				assertThat(run.status()).isEqualTo(RunStatus.QUEUED);
				assertThat(run.startedAtInstant()).isEqualTo(Instant.ofEpochSecond(1699063290));
				assertThat(run.expiresAt()).isNull();
				assertThat(run.expiresAtInstant()).isNull();
				assertThat(run.cancelledAtInstant()).isNull();
				assertThat(run.failedAtInstant()).isNull();
				assertThat(run.completedAtInstant()).isEqualTo(Instant.ofEpochSecond(1699063291));
				assertThat(run.requiredAction()).isNull();
				assertThat(run.requiredToolCalls()).isEmpty();
				assertThat(run.lastError()).isNull();
				assertThat(run.incompleteDetails()).isNull();
				assertThat(run.model()).isEqualTo("gpt-4o");
				assertThat(run.instructions()).isNull();
				assertThat(run.tools()).containsExactly(Tool.codeInterpreter());
				assertThat(run.metadata()).isEmpty();
				assertThat(run.usage()).isNull();
				assertThat(run.temperature()).isEqualTo(1.0);
				assertThat(run.topP()).isEqualTo(1.0);
				assertThat(run.maxPromptTokens()).isEqualTo(1000);
				assertThat(run.maxCompletionTokens()).isEqualTo(1000);
				assertThat(run.truncationStrategy()).isEqualTo(TruncationStrategy.auto());
				assertThat(run.responseFormat()).isEqualTo(ResponseFormat.auto());
				assertThat(run.toolChoice()).isEqualTo(ToolChoice.auto());
				assertThat(run.parallelToolCalls()).isTrue();
				assertThat(run.reasoningEffort()).isNull();
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertOnlyRequest(server, postRequestedFor(urlEqualTo(RUNS))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"assistant_id\":\"asst_abc123\"}")));
	}

	@Test
	void createSendsEveryOverrideThatWasSet() {
		server.stubFor(post(RUNS).willReturn(okJson(fixture("run-requires-action.json"))));
		CreateRunRequest request = CreateRunRequest.builder("asst_weather")
			.model("gpt-4o-mini")
			.reasoningEffort(ReasoningEffort.LOW)
			.instructions("Answer with the weather.")
			.additionalInstructions("The user is in a hurry.")
			.addAdditionalMessage(CreateMessageRequest.user("Weather in Paris and Tokyo?"))
			.addAdditionalMessage(CreateMessageRequest.builder(MessageRole.USER)
				.addContent(InputPart.imageFile("file-map"))
				.build())
			.addTool(Tool.function("get_weather", "Current weather of a city", Map.of("type", "object")))
			.addTool(Tool.fileSearch())
			.putMetadata("conversation", "c-42")
			.temperature(0.2)
			.topP(0.9)
			.maxPromptTokens(2000)
			.maxCompletionTokens(500)
			.truncationStrategy(TruncationStrategy.lastMessages(10))
			.toolChoice(ToolChoice.required())
			.parallelToolCalls(true)
			.responseFormat(ResponseFormat.jsonObject())
			.build();
		StepVerifier.create(this.runs.create("thread_abc123", request)).expectNextCount(1).expectComplete()
			.verify(Duration.ofSeconds(5));
		assertOnlyRequest(server, postRequestedFor(urlEqualTo(RUNS)).withRequestBody(equalToJson("""
				{"assistant_id":"asst_weather","model":"gpt-4o-mini","reasoning_effort":"low",
				 "instructions":"Answer with the weather.","additional_instructions":"The user is in a hurry.",
				 "additional_messages":[{"role":"user","content":"Weather in Paris and Tokyo?"},
				  {"role":"user","content":[{"type":"image_file","image_file":{"file_id":"file-map"}}]}],
				 "tools":[{"type":"function","function":{"name":"get_weather",
				   "description":"Current weather of a city","parameters":{"type":"object"}}},
				  {"type":"file_search"}],
				 "metadata":{"conversation":"c-42"},"temperature":0.2,"top_p":0.9,
				 "max_prompt_tokens":2000,"max_completion_tokens":500,
				 "truncation_strategy":{"type":"last_messages","last_messages":10},
				 "tool_choice":"required","parallel_tool_calls":true,
				 "response_format":{"type":"json_object"}}""")));
	}

	@Test
	void createSendsANamedToolChoiceAsAnObject() {
		server.stubFor(post(RUNS).willReturn(okJson(fixture("run-created-spec.json"))));
		CreateRunRequest request = CreateRunRequest.builder("asst_abc123")
			.toolChoice(ToolChoice.function("get_weather"))
			.truncationStrategy(TruncationStrategy.auto())
			.parallelToolCalls(false)
			.build();
		StepVerifier.create(this.runs.create("thread_abc123", request)).expectNextCount(1).expectComplete()
			.verify(Duration.ofSeconds(5));
		assertOnlyRequest(server, postRequestedFor(urlEqualTo(RUNS)).withRequestBody(equalToJson("""
				{"assistant_id":"asst_abc123","tool_choice":{"type":"function","function":{"name":"get_weather"}},
				 "truncation_strategy":{"type":"auto"},"parallel_tool_calls":false}""")));
	}

	@Test
	void retrieveDecodesTheSpecExample() {
		server.stubFor(get(RUNS + "/run_abc123").willReturn(okJson(fixture("run-spec.json"))));
		StepVerifier.create(this.runs.retrieve("thread_abc123", "run_abc123")).assertNext((run) -> {
			assertThat(run.id()).isEqualTo("run_abc123");
			assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
			assertThat(run.status().isTerminal()).isTrue();
			assertThat(run.startedAt()).isEqualTo(1699075072L);
			assertThat(run.completedAtInstant()).isEqualTo(Instant.ofEpochSecond(1699075073));
			assertThat(run.usage()).isEqualTo(new RunUsage(456, 123, 579, null, null));
			assertThat(run.tools()).containsExactly(Tool.codeInterpreter());
			assertThat(run.truncationStrategy()).isEqualTo(TruncationStrategy.auto());
		}).expectComplete().verify(Duration.ofSeconds(5));
		assertOnlyRequest(server, getRequestedFor(urlEqualTo(RUNS + "/run_abc123")).withRequestBody(absent()));
	}

	@Test
	void retrieveDecodesARunWaitingForTwoParallelFunctionCalls() {
		server.stubFor(get(RUNS + "/run_weather").willReturn(okJson(fixture("run-requires-action.json"))));
		StepVerifier.create(this.runs.retrieve("thread_abc123", "run_weather")).assertNext((run) -> {
			assertThat(run.status()).isEqualTo(RunStatus.REQUIRES_ACTION);
			assertThat(run.status().requiresAction()).isTrue();
			assertThat(run.status().isActive()).isFalse();
			assertThat(run.status().isTerminal()).isFalse();
			assertThat(run.requiredAction().type()).isEqualTo("submit_tool_outputs");
			assertThat(run.requiredToolCalls()).containsExactly(
					new RequiredToolCall("call_paris", "function",
							new RequiredToolCall.Function("get_weather", "{\"city\":\"Paris\"}")),
					new RequiredToolCall("call_tokyo", "function",
							new RequiredToolCall.Function("get_weather", "{\"city\":\"Tokyo\",\"unit\":\"celsius\"}")));
			assertThat(run.requiredToolCalls()).isSameAs(run.requiredAction().submitToolOutputs().toolCalls());
			assertThat(run.expiresAtInstant()).isEqualTo(Instant.ofEpochSecond(1717000600));
			assertThat(run.instructions()).isEqualTo("Answer with the weather.");
			assertThat(run.tools()).singleElement().isInstanceOfSatisfying(FunctionTool.class, (tool) -> {
				assertThat(tool.function().name()).isEqualTo("get_weather");
				assertThat(tool.function().strict()).isTrue();
			});
			assertThat(run.metadata()).containsExactly(Map.entry("conversation", "c-42"));
			assertThat(run.temperature()).isEqualTo(0.2);
			assertThat(run.truncationStrategy()).isEqualTo(TruncationStrategy.lastMessages(10));
			assertThat(run.responseFormat()).isEqualTo(ResponseFormat.jsonObject());
			assertThat(run.toolChoice()).isEqualTo(ToolChoice.required());
			assertThat(run.reasoningEffort()).isNull();
		}).expectComplete().verify(Duration.ofSeconds(5));
	}

	@Test
	void retrieveDecodesARunThatFailedOnARateLimitInsideTheRun() {
		server.stubFor(get(RUNS + "/run_failed").willReturn(okJson(fixture("run-failed-rate-limit.json"))));
		StepVerifier.create(this.runs.retrieve("thread_abc123", "run_failed")).assertNext((run) -> {
			assertThat(run.status()).isEqualTo(RunStatus.FAILED);
			assertThat(run.status().isTerminal()).isTrue();
			assertThat(run.lastError()).isEqualTo(new RunError(RunErrorCode.RATE_LIMIT_EXCEEDED,
					"You exceeded your current quota, please check your plan and billing details."));
			assertThat(run.failedAtInstant()).isEqualTo(Instant.ofEpochSecond(1717000102));
			assertThat(run.completedAt()).isNull();
			assertThat(run.usage()).isEqualTo(new RunUsage(0, 0, 0, null, null));
			assertThat(run.tools()).isEmpty();
		}).expectComplete().verify(Duration.ofSeconds(5));
	}

	@Test
	void retrieveDecodesAnIncompleteRunWithDetailedUsage() {
		server.stubFor(get(RUNS + "/run_incomplete").willReturn(okJson(fixture("run-incomplete.json"))));
		StepVerifier.create(this.runs.retrieve("thread_abc123", "run_incomplete")).assertNext((run) -> {
			assertThat(run.status()).isEqualTo(RunStatus.INCOMPLETE);
			assertThat(run.incompleteDetails())
				.isEqualTo(new Run.IncompleteDetails(RunIncompleteReason.MAX_COMPLETION_TOKENS));
			assertThat(run.usage()).isEqualTo(new RunUsage(512, 2048, 2560, new RunUsage.PromptTokenDetails(1024),
					new RunUsage.CompletionTokensDetails(448)));
			assertThat(run.maxPromptTokens()).isEqualTo(4096);
			assertThat(run.maxCompletionTokens()).isEqualTo(512);
			assertThat(run.temperature()).isNull();
			assertThat(run.topP()).isNull();
			assertThat(run.tools()).singleElement().isInstanceOfSatisfying(FileSearchTool.class,
					(tool) -> assertThat(tool.fileSearch().rankingOptions())
						.isEqualTo(new FileSearchTool.RankingOptions("auto", 0.4)));
			assertThat(run.responseFormat()).isInstanceOfSatisfying(ResponseFormat.JsonSchema.class,
					(format) -> assertThat(format.jsonSchema().name()).isEqualTo("answer"));
			assertThat(run.toolChoice()).isEqualTo(ToolChoice.fileSearch());
			assertThat(run.parallelToolCalls()).isFalse();
			assertThat(run.reasoningEffort()).isEqualTo(ReasoningEffort.HIGH);
		}).expectComplete().verify(Duration.ofSeconds(5));
	}

	@Test
	void usageAcceptsThePluralPromptTokensDetailsOfOtherApis() {
		RunUsage usage = this.mapper.readValue("""
				{"prompt_tokens":5,"completion_tokens":1,"total_tokens":6,
				 "prompt_tokens_details":{"cached_tokens":3}}""", RunUsage.class);
		assertThat(usage.promptTokenDetails()).isEqualTo(new RunUsage.PromptTokenDetails(3));
		assertThat(this.mapper.writeValueAsString(usage)).isEqualTo("{\"completion_tokens\":1,\"prompt_tokens\":5,"
				+ "\"total_tokens\":6,\"prompt_token_details\":{\"cached_tokens\":3}}");
	}

	@Test
	void retrieveDecodesAV1EraRun() {
		server.stubFor(get(RUNS + "/run_v1era").willReturn(okJson(fixture("run-v1.json"))));
		StepVerifier.create(this.runs.retrieve("thread_abc123", "run_v1era")).assertNext((run) -> {
			assertThat(run.id()).isEqualTo("run_v1era");
			assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
			assertThat(run.model()).isEqualTo("gpt-4-1106-preview");
			assertThat(run.tools()).hasSize(2);
			assertThat(run.tools().get(0)).isInstanceOfSatisfying(Tool.Unknown.class,
					(unknown) -> assertThat(unknown.type()).isEqualTo("retrieval"));
			assertThat(run.tools().get(1)).isEqualTo(Tool.codeInterpreter());
			assertThat(run.usage()).isNull();
			assertThat(run.truncationStrategy()).isNull();
			assertThat(run.toolChoice()).isNull();
			assertThat(run.responseFormat()).isNull();
			assertThat(run.parallelToolCalls()).isNull();
			assertThat(run.metadata()).isEmpty();
		}).expectComplete().verify(Duration.ofSeconds(5));
	}

	@Test
	void retrieveKeepsUnknownValuesAndUnionMembers() {
		server.stubFor(get(RUNS + "/run_drift").willReturn(okJson(fixture("run-unknown-values.json"))));
		StepVerifier.create(this.runs.retrieve("thread_abc123", "run_drift")).assertNext((run) -> {
			assertThat(run.status()).isEqualTo(RunStatus.of("paused"));
			assertThat(run.status().isActive()).isFalse();
			assertThat(run.status().isTerminal()).isFalse();
			assertThat(run.status().requiresAction()).isFalse();
			assertThat(run.requiredAction().type()).isEqualTo("approve_tool_calls");
			assertThat(run.requiredAction().submitToolOutputs()).isNull();
			assertThat(run.requiredToolCalls()).isEmpty();
			assertThat(run.lastError().code()).isEqualTo(RunErrorCode.of("quota_exhausted"));
			assertThat(run.incompleteDetails().reason().value()).isEqualTo("max_turns");
			assertThat(run.tools()).singleElement().isInstanceOf(Tool.Unknown.class);
			assertThat(run.usage().totalTokens()).isEqualTo(12);
			assertThat(run.truncationStrategy()).isInstanceOfSatisfying(TruncationStrategy.Unknown.class,
					(unknown) -> assertThat(unknown.type()).isEqualTo("summarize"));
			assertThat(run.toolChoice()).isInstanceOfSatisfying(ToolChoice.Unknown.class,
					(unknown) -> assertThat(unknown.type()).isEqualTo("browser"));
			assertThat(run.metadata()).containsExactly(Map.entry("k", "v"));
		}).expectComplete().verify(Duration.ofSeconds(5));
	}

	@Test
	void unknownMembersOfARunWriteBackTheirExactRawJson() {
		Run run = this.mapper.readValue(fixture("run-unknown-values.json"), Run.class);
		assertThat(this.mapper.writeValueAsString(run.toolChoice()))
			.isEqualTo("{\"type\":\"browser\",\"browser\":{\"mode\":\"fast\"}}");
		assertThat(this.mapper.writeValueAsString(run.truncationStrategy()))
			.isEqualTo("{\"type\":\"summarize\",\"keep_last\":4}");
		assertThat(this.mapper.writeValueAsString(run.status())).isEqualTo("\"paused\"");
		assertThat(this.mapper.writeValueAsString(run.lastError()))
			.isEqualTo("{\"code\":\"quota_exhausted\",\"message\":\"The project ran out of credits.\"}");
		ToolChoice bareString = this.mapper.readValue("\"any\"", ToolChoice.class);
		assertThat(bareString).isEqualTo(new ToolChoice.Unknown(null, this.mapper.readTree("\"any\"")));
		assertThat(this.mapper.writeValueAsString(bareString)).isEqualTo("\"any\"");
	}

	@Test
	void runsWriteOnlyTheirWireFieldsAndReadBackEqual() {
		Run run = this.mapper.readValue(fixture("run-requires-action.json"), Run.class);
		String json = this.mapper.writeValueAsString(run);
		assertThat(json).doesNotContain("Instant", "requiredToolCalls", "\"active\"", "\"terminal\"");
		assertThat(this.mapper.readValue(json, Run.class)).isEqualTo(run);
	}

	@Test
	void updateSendsOnlyTheMetadata() {
		server.stubFor(post(RUNS + "/run_abc123").willReturn(okJson(fixture("run-modified-spec.json"))));
		ModifyRunRequest request = ModifyRunRequest.builder().putMetadata("user_id", "user_abc123").build();
		StepVerifier.create(this.runs.update("thread_abc123", "run_abc123", request)).assertNext((run) -> {
			assertThat(run.id()).isEqualTo("run_abc123");
			assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
			assertThat(run.metadata()).containsExactly(Map.entry("user_id", "user_abc123"));
			assertThat(run.usage().promptTokens()).isEqualTo(123);
		}).expectComplete().verify(Duration.ofSeconds(5));
		assertOnlyRequest(server, postRequestedFor(urlEqualTo(RUNS + "/run_abc123"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"metadata\":{\"user_id\":\"user_abc123\"}}")));
	}

	@Test
	void updateWithAnEmptyRequestSendsAnEmptyObject() {
		server.stubFor(post(RUNS + "/run_abc123").willReturn(okJson(fixture("run-modified-spec.json"))));
		StepVerifier.create(this.runs.update("thread_abc123", "run_abc123", ModifyRunRequest.builder().build()))
			.expectNextCount(1).expectComplete().verify(Duration.ofSeconds(5));
		assertOnlyRequest(server,
				postRequestedFor(urlEqualTo(RUNS + "/run_abc123")).withRequestBody(equalToJson("{}")));
	}

	@Test
	void cancelPostsWithoutABodyAndDecodesTheSpecExample() {
		server.stubFor(post(RUNS + "/run_abc123/cancel").willReturn(okJson(fixture("run-cancelling-spec.json"))));
		StepVerifier.create(this.runs.cancel("thread_abc123", "run_abc123")).assertNext((run) -> {
			assertThat(run.id()).isEqualTo("run_abc123");
			assertThat(run.status()).isEqualTo(RunStatus.CANCELLING);
			assertThat(run.status().isActive()).isTrue();
			assertThat(run.instructions()).isEqualTo("You summarize books.");
			assertThat(run.tools()).containsExactly(Tool.fileSearch());
			assertThat(run.expiresAtInstant()).isEqualTo(Instant.ofEpochSecond(1699076726));
			assertThat(run.truncationStrategy()).isNull();
			assertThat(run.maxPromptTokens()).isNull();
		}).expectComplete().verify(Duration.ofSeconds(5));
		assertOnlyRequest(server, postRequestedFor(urlEqualTo(RUNS + "/run_abc123/cancel"))
			.withHeader("Content-Type", absent())
			.withRequestBody(absent()));
	}

	@Test
	void cancelOfARunThatEndedSignalsBadRequest() {
		server.stubFor(post(RUNS + "/run_done/cancel").willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("""
					{"error":{"message":"Cannot cancel run with status 'completed'.","type":"invalid_request_error",
					 "param":null,"code":null}}""")));
		StepVerifier.create(this.runs.cancel("thread_abc123", "run_done"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(BadRequestException.class)
				.hasMessageContaining("Cannot cancel run with status 'completed'."))
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void submitToolOutputsSendsEveryOutputInOneRequestAndDecodesTheSpecExample() {
		server.stubFor(post("/v1/threads/thread_123/runs/run_123/submit_tool_outputs")
			.willReturn(okJson(fixture("run-tool-outputs-submitted-spec.json"))));
		SubmitToolOutputsRequest request = SubmitToolOutputsRequest.builder()
			.addToolOutput("call_paris", "18 degrees and cloudy")
			.addToolOutput("call_tokyo", "")
			.build();
		StepVerifier.create(this.runs.submitToolOutputs("thread_123", "run_123", request)).assertNext((run) -> {
			assertThat(run.id()).isEqualTo("run_123");
			assertThat(run.status()).isEqualTo(RunStatus.QUEUED);
			assertThat(run.assistantId()).isEqualTo("asst_123");
			assertThat(run.tools()).singleElement().isInstanceOfSatisfying(FunctionTool.class,
					(tool) -> assertThat(tool.function().name()).isEqualTo("get_current_weather"));
			assertThat(run.requiredAction()).isNull();
		}).expectComplete().verify(Duration.ofSeconds(5));
		assertOnlyRequest(server,
				postRequestedFor(urlEqualTo("/v1/threads/thread_123/runs/run_123/submit_tool_outputs"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"tool_outputs":[{"tool_call_id":"call_paris","output":"18 degrees and cloudy"},
					 {"tool_call_id":"call_tokyo","output":""}]}""")));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\t", ".", ".." })
	void badThreadIdsAreRejectedWhenCalledBeforeAnyRequest(String threadId) {
		CreateRunRequest create = CreateRunRequest.builder("asst_1").build();
		ModifyRunRequest modify = ModifyRunRequest.builder().build();
		SubmitToolOutputsRequest submit = SubmitToolOutputsRequest.of("call_1", "ok");
		assertThatIllegalArgumentException().isThrownBy(() -> this.runs.create(threadId, create))
			.withMessageStartingWith("'threadId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.runs.retrieve(threadId, "run_1"))
			.withMessageStartingWith("'threadId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.runs.update(threadId, "run_1", modify))
			.withMessageStartingWith("'threadId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.runs.cancel(threadId, "run_1"))
			.withMessageStartingWith("'threadId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.runs.submitToolOutputs(threadId, "run_1", submit))
			.withMessageStartingWith("'threadId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.runs.list(threadId))
			.withMessageStartingWith("'threadId' must not be");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.runs.listPage(threadId, ListParams.none()))
			.withMessageStartingWith("'threadId' must not be");
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\t", ".", ".." })
	void badRunIdsAreRejectedWhenCalledBeforeAnyRequest(String runId) {
		ModifyRunRequest modify = ModifyRunRequest.builder().build();
		SubmitToolOutputsRequest submit = SubmitToolOutputsRequest.of("call_1", "ok");
		assertThatIllegalArgumentException().isThrownBy(() -> this.runs.retrieve("thread_1", runId))
			.withMessageStartingWith("'runId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.runs.update("thread_1", runId, modify))
			.withMessageStartingWith("'runId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.runs.cancel("thread_1", runId))
			.withMessageStartingWith("'runId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.runs.submitToolOutputs("thread_1", runId, submit))
			.withMessageStartingWith("'runId' must not be");
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void missingRequestsAreRejectedWhenCalled() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.runs.create("thread_1", null))
			.withMessage("'request' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.runs.update("thread_1", "run_1", null))
			.withMessage("'request' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.runs.submitToolOutputs("thread_1", "run_1", null))
			.withMessage("'request' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.runs.list("thread_1", null))
			.withMessage("'params' must not be null");
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "a/b, a%2Fb", "a?b, a%3Fb", "../x, ..%2Fx", "a#b, a%23b" })
	void idsStayInsideTheirPathSegments(String id, String encoded) {
		server.stubFor(any(anyUrl()).willReturn(okJson(fixture("run-spec.json"))));
		StepVerifier.create(this.runs.cancel(id, "run_" + id)).expectNextCount(1).expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(onlyRequestUrl(server)).isEqualTo("/v1/threads/" + encoded + "/runs/run_" + encoded + "/cancel");
	}

	@Test
	void requiredToolCallsAreEmptyWithoutASubmitToolOutputsAction() {
		Run run = this.mapper.readValue("""
				{"id":"run_1","required_action":{"type":"submit_tool_outputs"}}""", Run.class);
		assertThat(run.requiredToolCalls()).isEmpty();
		assertThat(run.tools()).isEmpty();
		assertThat(run.metadata()).isEmpty();
		assertThat(run.status()).isNull();
		assertThat(run.createdAtInstant()).isNull();
	}

}
