package dev.assistants4j.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import dev.assistants4j.model.SortOrder;
import dev.assistants4j.model.json.AssistantsJson;
import dev.assistants4j.model.run.RunError;
import dev.assistants4j.model.run.RunErrorCode;
import dev.assistants4j.model.run.RunUsage;
import dev.assistants4j.model.runstep.CodeInterpreterOutput;
import dev.assistants4j.model.runstep.CodeInterpreterToolCall;
import dev.assistants4j.model.runstep.FileSearchToolCall;
import dev.assistants4j.model.runstep.FunctionToolCall;
import dev.assistants4j.model.runstep.RunStep;
import dev.assistants4j.model.runstep.RunStepListParams;
import dev.assistants4j.model.runstep.RunStepStatus;
import dev.assistants4j.model.runstep.RunStepType;
import dev.assistants4j.model.runstep.StepDetails;
import dev.assistants4j.model.runstep.ToolCall;
import dev.assistants4j.model.tool.FileSearchTool;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.assistants4j.client.AssistantOperationsTests.fixture;
import static dev.assistants4j.client.AssistantsStubs.urls;
import static dev.assistants4j.client.WireExchanges.assertOnlyRequest;
import static dev.assistants4j.client.WireExchanges.onlyRequestUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RunStepOperationsTests {

	private static final String STEPS = "/v1/threads/thread_abc123/runs/run_abc123/steps";

	// The include[] value as it goes out: brackets and the asterisk percent-encoded, dots and underscores kept.
	private static final String ENCODED_INCLUDE = "include%5B%5D="
			+ "step_details.tool_calls%5B%2A%5D.file_search.results%5B%2A%5D.content";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final RunStepOperations steps = WireExchanges.client(server).runSteps();

	private final JsonMapper mapper = AssistantsJson.newMapper();

	@Test
	void retrieveDecodesTheSpecExample() {
		server.stubFor(get(STEPS + "/step_abc123").willReturn(okJson(fixture("run-step-spec.json"))));
		StepVerifier.create(this.steps.retrieve("thread_abc123", "run_abc123", "step_abc123")).assertNext((step) -> {
			assertThat(step.id()).isEqualTo("step_abc123");
			assertThat(step.object()).isEqualTo("thread.run.step");
			assertThat(step.createdAtInstant()).isEqualTo(Instant.ofEpochSecond(1699063291));
			assertThat(step.runId()).isEqualTo("run_abc123");
			assertThat(step.assistantId()).isEqualTo("asst_abc123");
			assertThat(step.threadId()).isEqualTo("thread_abc123");
			assertThat(step.type()).isEqualTo(RunStepType.MESSAGE_CREATION);
			assertThat(step.status()).isEqualTo(RunStepStatus.COMPLETED);
			assertThat(step.cancelledAtInstant()).isNull();
			assertThat(step.completedAtInstant()).isEqualTo(Instant.ofEpochSecond(1699063291));
			assertThat(step.expiredAtInstant()).isNull();
			assertThat(step.failedAtInstant()).isNull();
			assertThat(step.lastError()).isNull();
			assertThat(step.stepDetails())
				.isEqualTo(new StepDetails.MessageCreation(new StepDetails.CreatedMessage("msg_abc123")));
			assertThat(step.metadata()).isEmpty();
			assertThat(step.usage()).isEqualTo(new RunUsage(456, 123, 579, null, null));
		}).expectComplete().verify(Duration.ofSeconds(5));
		assertOnlyRequest(server, getRequestedFor(urlEqualTo(STEPS + "/step_abc123")).withRequestBody(absent()));
	}

	@Test
	void retrieveWithIncludeSendsTheBracketedParameterWithAnEncodedValue() {
		server.stubFor(get(urlPathEqualTo(STEPS + "/step_tools"))
			.willReturn(okJson(fixture("run-step-tool-calls.json"))));
		StepVerifier.create(this.steps.retrieve("thread_abc123", "run_abc123", "step_tools",
				List.of(RunStepListParams.FILE_SEARCH_RESULT_CONTENT)))
			.expectNextCount(1)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(onlyRequestUrl(server)).isEqualTo(STEPS + "/step_tools?" + ENCODED_INCLUDE);
		// What the server reads back: the parameter name and value as the API documents them.
		server.verify(getRequestedFor(urlPathEqualTo(STEPS + "/step_tools"))
			.withQueryParam("include[]", equalTo(RunStepListParams.FILE_SEARCH_RESULT_CONTENT)));
	}

	@Test
	void retrieveDecodesEveryToolCallAndOutput() {
		server.stubFor(get(STEPS + "/step_tools").willReturn(okJson(fixture("run-step-tool-calls.json"))));
		StepVerifier.create(this.steps.retrieve("thread_abc123", "run_abc123", "step_tools")).assertNext((step) -> {
			assertThat(step.type()).isEqualTo(RunStepType.TOOL_CALLS);
			assertThat(step.usage().totalTokens()).isEqualTo(340);
			List<ToolCall> calls = ((StepDetails.ToolCalls) step.stepDetails()).toolCalls();
			assertThat(calls).extracting(ToolCall::id)
				.containsExactly("call_code", "call_search", "call_fn", "call_browse");
			assertThat(calls).extracting(ToolCall::type)
				.containsExactly("code_interpreter", "file_search", "function", "browser");
			CodeInterpreterToolCall.CodeInterpreter code = ((CodeInterpreterToolCall) calls.get(0)).codeInterpreter();
			assertThat(code.input()).isEqualTo("import matplotlib.pyplot as plt\nprint(2 + 2)\nplt.plot([1, 2, 3])");
			assertThat(code.outputs()).hasSize(3);
			assertThat(code.outputs().get(0)).isEqualTo(new CodeInterpreterOutput.Logs("4\n"));
			assertThat(code.outputs().get(1))
				.isEqualTo(new CodeInterpreterOutput.Image(new CodeInterpreterOutput.ImageFile("file-plot")));
			assertThat(code.outputs().get(2)).isInstanceOfSatisfying(CodeInterpreterOutput.Unknown.class,
					(unknown) -> assertThat(unknown.type()).isEqualTo("chart"));
			FileSearchToolCall.FileSearch search = ((FileSearchToolCall) calls.get(1)).fileSearch();
			assertThat(search.rankingOptions()).isEqualTo(new FileSearchTool.RankingOptions("default_2024_08_21", 0.5));
			assertThat(search.results()).containsExactly(
					new FileSearchToolCall.Result("file-report", "report.pdf", 0.92,
							List.of(new FileSearchToolCall.Content("text", "Revenue grew by 12%."))),
					new FileSearchToolCall.Result("file-notes", "notes.md", 0.61, List.of()));
			assertThat(calls.get(2)).isEqualTo(new FunctionToolCall("call_fn",
					new FunctionToolCall.Function("get_weather", "{\"city\":\"Paris\"}", "18 degrees and cloudy")));
			assertThat(calls.get(3)).isInstanceOf(ToolCall.Unknown.class);
		}).expectComplete().verify(Duration.ofSeconds(5));
	}

	@Test
	void unknownCallsAndOutputsWriteBackTheirExactRawJson() {
		RunStep step = this.mapper.readValue(fixture("run-step-tool-calls.json"), RunStep.class);
		List<ToolCall> calls = ((StepDetails.ToolCalls) step.stepDetails()).toolCalls();
		assertThat(this.mapper.writeValueAsString(calls.get(3))).isEqualTo("{\"id\":\"call_browse\","
				+ "\"type\":\"browser\",\"browser\":{\"url\":\"https://example.com\",\"pages\":2}}");
		CodeInterpreterOutput chart = ((CodeInterpreterToolCall) calls.get(0)).codeInterpreter().outputs().get(2);
		assertThat(this.mapper.writeValueAsString(chart))
			.isEqualTo("{\"type\":\"chart\",\"chart\":{\"title\":\"Growth\",\"series\":[1,2,3]}}");
		// The whole step reads back equal, known and unknown members alike.
		assertThat(this.mapper.readValue(this.mapper.writeValueAsString(step), RunStep.class)).isEqualTo(step);
	}

	@Test
	void retrieveKeepsAnUnknownStepTypeStatusAndDetails() {
		server.stubFor(get(STEPS + "/step_drift").willReturn(okJson(fixture("run-step-unknown.json"))));
		StepVerifier.create(this.steps.retrieve("thread_abc123", "run_abc123", "step_drift")).assertNext((step) -> {
			assertThat(step.type()).isEqualTo(RunStepType.of("reasoning"));
			assertThat(step.status()).isEqualTo(RunStepStatus.of("paused"));
			assertThat(step.stepDetails()).isInstanceOfSatisfying(StepDetails.Unknown.class, (unknown) -> {
				assertThat(unknown.type()).isEqualTo("reasoning");
				assertThat(this.mapper.writeValueAsString(unknown))
					.isEqualTo("{\"type\":\"reasoning\",\"reasoning\":{\"summary\":\"Compared the two files.\"}}");
			});
			assertThat(step.lastError()).isEqualTo(new RunError(RunErrorCode.SERVER_ERROR, "Something went wrong."));
			assertThat(step.failedAtInstant()).isEqualTo(Instant.ofEpochSecond(1717000501));
			assertThat(step.metadata()).isEmpty();
			assertThat(step.usage()).isNull();
		}).expectComplete().verify(Duration.ofSeconds(5));
	}

	@Test
	void listPageSendsEveryParameterAndDecodesTheSpecExample() {
		server.stubFor(get(urlPathEqualTo(STEPS)).willReturn(okJson(fixture("run-steps-list-spec.json"))));
		RunStepListParams params = RunStepListParams.builder()
			.limit(5)
			.order(SortOrder.DESC)
			.after("step_0")
			.before("step_9")
			.include(RunStepListParams.FILE_SEARCH_RESULT_CONTENT)
			.build();
		StepVerifier.create(this.steps.listPage("thread_abc123", "run_abc123", params)).assertNext((page) -> {
			assertThat(page.data()).extracting(RunStep::id).containsExactly("step_abc123");
			assertThat(page.data().get(0).stepDetails())
				.isEqualTo(new StepDetails.MessageCreation(new StepDetails.CreatedMessage("msg_abc123")));
			assertThat(page.firstId()).isEqualTo("step_abc123");
			assertThat(page.lastId()).isEqualTo("step_abc456");
			assertThat(page.hasMore()).isFalse();
		}).expectComplete().verify(Duration.ofSeconds(5));
		assertThat(onlyRequestUrl(server))
			.isEqualTo(STEPS + "?limit=5&order=desc&after=step_0&before=step_9&" + ENCODED_INCLUDE);
		assertOnlyRequest(server, getRequestedFor(urlPathEqualTo(STEPS))
			.withQueryParam("include[]", equalTo(RunStepListParams.FILE_SEARCH_RESULT_CONTENT)));
	}

	@Test
	void listWithoutParametersSendsNoQuery() {
		server.stubFor(get(urlPathEqualTo(STEPS)).willReturn(okJson(fixture("run-steps-list-spec.json"))));
		StepVerifier.create(this.steps.list("thread_abc123", "run_abc123").map(RunStep::id))
			.expectNext("step_abc123")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertOnlyRequest(server, getRequestedFor(urlEqualTo(STEPS)));
	}

	@Test
	void listFollowsLastIdAndKeepsIncludeOnEveryPage() {
		server.stubFor(get(urlPathEqualTo(STEPS)).withQueryParam("after", absent())
			.willReturn(okJson(page(true, "step_1", "step_2"))));
		server.stubFor(get(urlPathEqualTo(STEPS)).withQueryParam("after", equalTo("step_2"))
			.willReturn(okJson(page(false, "step_3"))));
		RunStepListParams params = RunStepListParams.builder()
			.limit(2)
			.include(RunStepListParams.FILE_SEARCH_RESULT_CONTENT)
			.build();
		StepVerifier.create(this.steps.list("thread_abc123", "run_abc123", params).map(RunStep::id))
			.expectNext("step_1", "step_2", "step_3")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(urls(server)).containsExactly(STEPS + "?limit=2&" + ENCODED_INCLUDE,
				STEPS + "?limit=2&" + ENCODED_INCLUDE + "&after=step_2");
	}

	@Test
	void everyIncludedFieldIsSentAsItsOwnParameter() {
		server.stubFor(any(anyUrl()).willReturn(okJson(fixture("run-step-spec.json"))));
		StepVerifier.create(this.steps.retrieve("thread_abc123", "run_abc123", "step_abc123",
				List.of("a b", "x&y=[z]")))
			.expectNextCount(1)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(onlyRequestUrl(server))
			.isEqualTo(STEPS + "/step_abc123?include%5B%5D=a%20b&include%5B%5D=x%26y%3D%5Bz%5D");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\t", ".", ".." })
	void badIdsAreRejectedWhenCalledBeforeAnyRequest(String id) {
		RunStepListParams params = RunStepListParams.none();
		assertThatIllegalArgumentException().isThrownBy(() -> this.steps.list(id, "run_1"))
			.withMessageStartingWith("'threadId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.steps.list("thread_1", id, params))
			.withMessageStartingWith("'runId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.steps.listPage(id, "run_1", params))
			.withMessageStartingWith("'threadId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.steps.listPage("thread_1", id, params))
			.withMessageStartingWith("'runId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.steps.retrieve(id, "run_1", "step_1"))
			.withMessageStartingWith("'threadId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.steps.retrieve("thread_1", id, "step_1"))
			.withMessageStartingWith("'runId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.steps.retrieve("thread_1", "run_1", id))
			.withMessageStartingWith("'stepId' must not be");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.steps.retrieve("thread_1", "run_1", id, List.of("x")))
			.withMessageStartingWith("'stepId' must not be");
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void badParametersAreRejectedWhenCalledBeforeAnyRequest() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.steps.listPage("thread_1", "run_1", null))
			.withMessage("'params' must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.steps.retrieve("thread_1", "run_1", "step_1", null))
			.withMessage("'include' must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.steps.retrieve("thread_1", "run_1", "step_1", Arrays.asList("x", null)))
			.withMessage("'include' must not contain blank fields");
		assertThatIllegalArgumentException().isThrownBy(() -> RunStepListParams.builder().include(" ").build())
			.withMessage("'include' must not contain blank fields");
		assertThatIllegalArgumentException().isThrownBy(() -> RunStepListParams.builder().limit(0).build())
			.withMessage("'limit' must be between 1 and 100 but was 0");
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "a/b, a%2Fb", "a?b, a%3Fb", "../x, ..%2Fx" })
	void idsStayInsideTheirPathSegments(String id, String encoded) {
		server.stubFor(any(anyUrl()).willReturn(okJson(fixture("run-step-spec.json"))));
		StepVerifier.create(this.steps.retrieve(id, "run_" + id, "step_" + id)).expectNextCount(1).expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(onlyRequestUrl(server))
			.isEqualTo("/v1/threads/" + encoded + "/runs/run_" + encoded + "/steps/step_" + encoded);
	}

	private static String page(boolean hasMore, String... ids) {
		String data = Arrays.stream(ids)
			.map((id) -> """
					{"id":"%s","object":"thread.run.step","run_id":"run_abc123","type":"message_creation",
					 "status":"completed","step_details":{"type":"message_creation",
					 "message_creation":{"message_id":"msg_%s"}}}""".formatted(id, id))
			.collect(Collectors.joining(","));
		return """
				{"object":"list","data":[%s],"first_id":"%s","last_id":"%s","has_more":%s}"""
			.formatted(data, ids[0], ids[ids.length - 1], hasMore);
	}

}
