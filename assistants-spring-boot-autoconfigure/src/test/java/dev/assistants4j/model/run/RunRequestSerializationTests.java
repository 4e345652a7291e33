package dev.assistants4j.model.run;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import dev.assistants4j.model.json.AssistantsJson;
import dev.assistants4j.model.thread.CreateThreadRequest;
import dev.assistants4j.model.tool.Tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Run requests send only what the caller set, and the unions they carry are written in their wire shapes.
 */
class RunRequestSerializationTests {

	private final JsonMapper mapper = AssistantsJson.newMapper();

	private String write(Object value) {
		return this.mapper.writeValueAsString(value);
	}

	/**
	 * Asserts that the value is written as this JSON, in any property order.
	 */
	private void assertWrittenAs(Object value, String json) {
		assertThat(this.mapper.readTree(write(value))).isEqualTo(this.mapper.readTree(json));
	}

	@Test
	void requestsWithOnlyWhatIsRequiredSendOnlyThat() {
		assertThat(write(CreateRunRequest.builder("asst_1").build())).isEqualTo("{\"assistant_id\":\"asst_1\"}");
		assertThat(write(CreateThreadAndRunRequest.builder("asst_1").build()))
			.isEqualTo("{\"assistant_id\":\"asst_1\"}");
		assertThat(write(ModifyRunRequest.builder().build())).isEqualTo("{}");
	}

	@Test
	void explicitlyEmptyValuesAreSent() {
		assertThat(write(CreateRunRequest.builder("asst_1").tools(List.of()).metadata(Map.of()).build()))
			.isEqualTo("{\"assistant_id\":\"asst_1\",\"tools\":[],\"metadata\":{}}");
		assertThat(write(CreateThreadAndRunRequest.builder("asst_1").thread(CreateThreadRequest.builder().build())
			.build())).isEqualTo("{\"assistant_id\":\"asst_1\",\"thread\":{}}");
	}

	@Test
	void toolChoicesAreWrittenAsTheApiDocumentsThem() {
		assertThat(write(ToolChoice.none())).isEqualTo("\"none\"");
		assertThat(write(ToolChoice.auto())).isEqualTo("\"auto\"");
		assertThat(write(ToolChoice.required())).isEqualTo("\"required\"");
		assertWrittenAs(ToolChoice.function("f"), "{\"type\":\"function\",\"function\":{\"name\":\"f\"}}");
		assertThat(write(ToolChoice.fileSearch())).isEqualTo("{\"type\":\"file_search\"}");
		assertThat(write(ToolChoice.codeInterpreter())).isEqualTo("{\"type\":\"code_interpreter\"}");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "\"none\"", "\"auto\"", "\"required\"",
			"{\"type\":\"function\",\"function\":{\"name\":\"f\"}}", "{\"type\":\"file_search\"}",
			"{\"type\":\"code_interpreter\"}", "\"any\"", "{\"type\":\"browser\",\"browser\":{}}", "{\"name\":\"f\"}",
			"42" })
	void toolChoicesReadBackAsTheyWereWritten(String json) {
		assertWrittenAs(this.mapper.readValue(json, ToolChoice.class), json);
	}

	@Test
	void truncationStrategiesAreWrittenAsTheApiDocumentsThem() {
		assertThat(write(TruncationStrategy.auto())).isEqualTo("{\"type\":\"auto\"}");
		assertWrittenAs(TruncationStrategy.lastMessages(3), "{\"type\":\"last_messages\",\"last_messages\":3}");
		assertThat(this.mapper.readValue("{\"type\":\"last_messages\",\"last_messages\":7}", TruncationStrategy.class))
			.isEqualTo(TruncationStrategy.lastMessages(7));
	}

	@Test
	void toolOutputsAreSentWithTheirCallIds() {
		SubmitToolOutputsRequest request = SubmitToolOutputsRequest.of(
				List.of(ToolOutput.of("call_1", "{\"temp\":18}"), ToolOutput.of("call_2", "")));
		assertThat(write(request)).isEqualTo("{\"tool_outputs\":["
				+ "{\"tool_call_id\":\"call_1\",\"output\":\"{\\\"temp\\\":18}\"},"
				+ "{\"tool_call_id\":\"call_2\",\"output\":\"\"}]}");
		assertThat(SubmitToolOutputsRequest.of("call_1", "ok").toolOutputs())
			.containsExactly(ToolOutput.of("call_1", "ok"));
		assertThat(this.mapper.readValue(write(request), SubmitToolOutputsRequest.class)).isEqualTo(request);
	}

	@Test
	void invalidRequestsAreRejectedWhenBuilt() {
		assertThatIllegalArgumentException().isThrownBy(() -> CreateRunRequest.builder("").build())
			.withMessage("'assistantId' must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> CreateRunRequest.builder(null).build())
			.withMessage("'assistantId' must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> SubmitToolOutputsRequest.builder().build())
			.withMessage("'toolOutputs' must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> SubmitToolOutputsRequest.of(List.of()))
			.withMessage("'toolOutputs' must not be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SubmitToolOutputsRequest.of(Arrays.asList(ToolOutput.of("call_1", "ok"), null)))
			.withMessage("'toolOutputs' must not contain null elements");
		assertThatIllegalArgumentException().isThrownBy(() -> ToolOutput.of(" ", "ok"))
			.withMessage("'toolCallId' must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> ToolOutput.of("call_1", null))
			.withMessage("'output' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> TruncationStrategy.lastMessages(0))
			.withMessage("'count' must be at least 1 but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> ToolChoice.function(" "))
			.withMessage("'name' must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> new ToolChoice.Mode("any"))
			.withMessage("'value' must be none, auto or required but was any");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CreateRunRequest.builder("asst_1").addAdditionalMessage(null))
			.withMessage("'message' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> CreateRunRequest.builder("asst_1").addTool(null))
			.withMessage("'tool' must not be null");
	}

	@Test
	void builtRequestsDoNotChangeWhenTheBuilderDoes() {
		CreateRunRequest.Builder builder = CreateRunRequest.builder("asst_1")
			.addTool(Tool.codeInterpreter());
		CreateRunRequest first = builder.build();
		builder.addTool(Tool.fileSearch());
		assertThat(first.tools()).hasSize(1);
		assertThat(builder.build().tools()).hasSize(2);
	}

	@Test
	void runStatusesTellWhetherTheRunIsActiveWaitingOrOver() {
		assertThat(List.of(RunStatus.QUEUED, RunStatus.IN_PROGRESS, RunStatus.CANCELLING))
			.allSatisfy((status) -> assertThat(status.isActive()).isTrue())
			.noneSatisfy((status) -> assertThat(status.isTerminal() || status.requiresAction()).isTrue());
		assertThat(List.of(RunStatus.CANCELLED, RunStatus.FAILED, RunStatus.COMPLETED, RunStatus.INCOMPLETE,
				RunStatus.EXPIRED))
			.allSatisfy((status) -> assertThat(status.isTerminal()).isTrue())
			.noneSatisfy((status) -> assertThat(status.isActive() || status.requiresAction()).isTrue());
		assertThat(RunStatus.REQUIRES_ACTION.requiresAction()).isTrue();
		assertThat(RunStatus.REQUIRES_ACTION.isActive() || RunStatus.REQUIRES_ACTION.isTerminal()).isFalse();
		assertThat(RunStatus.of("in_progress").isActive()).isTrue();
		assertThat(RunStatus.of("completed").isTerminal()).isTrue();
	}

}
