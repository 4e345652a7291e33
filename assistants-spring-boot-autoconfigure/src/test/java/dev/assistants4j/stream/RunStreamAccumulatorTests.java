package dev.assistants4j.stream;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import dev.assistants4j.model.message.FileCitationAnnotation;
import dev.assistants4j.model.message.FilePathAnnotation;
import dev.assistants4j.model.message.ImageDetail;
import dev.assistants4j.model.message.ImageFileContent;
import dev.assistants4j.model.message.ImageUrlContent;
import dev.assistants4j.model.message.Message;
import dev.assistants4j.model.message.MessageContent;
import dev.assistants4j.model.message.MessageRole;
import dev.assistants4j.model.message.MessageStatus;
import dev.assistants4j.model.message.RefusalContent;
import dev.assistants4j.model.message.TextAnnotation;
import dev.assistants4j.model.message.TextContent;
import dev.assistants4j.model.runstep.CodeInterpreterOutput;
import dev.assistants4j.model.runstep.CodeInterpreterToolCall;
import dev.assistants4j.model.runstep.FileSearchToolCall;
import dev.assistants4j.model.runstep.FunctionToolCall;
import dev.assistants4j.model.runstep.RunStep;
import dev.assistants4j.model.runstep.RunStepStatus;
import dev.assistants4j.model.runstep.RunStepType;
import dev.assistants4j.model.runstep.StepDetails;
import dev.assistants4j.model.runstep.ToolCall;
import dev.assistants4j.model.tool.FileSearchTool;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deltas join and merge by index, a whole object wins over what the deltas built, and what is not understood
 * is left out without losing the rest.
 */
class RunStreamAccumulatorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final AssistantStreamEventDecoder decoder = new AssistantStreamEventDecoder();

	private AssistantStreamEvent event(String name, String data) {
		return this.decoder.decode(new SseEvent(name, data));
	}

	private AssistantStreamEvent text(String messageId, int index, String value) {
		return event("thread.message.delta", """
				{"id":"%s","object":"thread.message.delta","delta":{"content":[{"index":%d,"type":"text",\
				"text":{"value":"%s"}}]}}""".formatted(messageId, index, value));
	}

	private AssistantStreamEvent message(String name, String messageId, String content) {
		return event(name, """
				{"id":"%s","object":"thread.message","thread_id":"thread_1","run_id":"run_1","role":"assistant",\
				"status":"%s","content":%s}""".formatted(messageId,
				name.endsWith("completed") ? "completed" : "in_progress", content));
	}

	private AssistantStreamEvent toolCalls(String stepId, String calls) {
		return event("thread.run.step.delta", """
				{"id":"%s","object":"thread.run.step.delta","delta":{"step_details":{"type":"tool_calls",\
				"tool_calls":%s}}}""".formatted(stepId, calls));
	}

	private static RunStreamResult fold(AssistantStreamEvent... events) {
		RunStreamAccumulator accumulator = new RunStreamAccumulator();
		Stream.of(events).forEach(accumulator::accept);
		return accumulator.snapshot();
	}

	private static RunStreamResult fold(List<AssistantStreamEvent> events) {
		return fold(events.toArray(AssistantStreamEvent[]::new));
	}

	private static TextContent.Text onlyText(Message message) {
		assertThat(message.content()).hasSize(1);
		return ((TextContent) message.content().get(0)).text();
	}

	private static List<ToolCall> calls(RunStep step) {
		return ((StepDetails.ToolCalls) step.stepDetails()).toolCalls();
	}

	@Test
	void textPiecesJoinPerContentIndex() {
		RunStreamResult result = fold(message("thread.message.created", "msg_1", "[]"), text("msg_1", 0, "Hel"),
				text("msg_1", 1, "Wor"), text("msg_1", 0, "lo"), text("msg_1", 1, "ld"));
		Message message = result.messages().get(0);
		assertThat(message.content()).extracting((part) -> ((TextContent) part).text().value())
			.containsExactly("Hello", "World");
		assertThat(message.status()).isEqualTo(MessageStatus.IN_PROGRESS);
		assertThat(message.role()).isEqualTo(MessageRole.ASSISTANT);
		assertThat(result.text()).isEqualTo("HelloWorld");
	}

	@Test
	void annotationsMergeByIndexFieldByFieldKeepingTheirText() {
		RunStreamResult result = fold(event("thread.message.delta", """
				{"id":"msg_1","delta":{"content":[{"index":0,"type":"text","text":{"value":"See【1】 and【2】",\
				"annotations":[{"index":0,"type":"file_citation","text":"【1】","start_index":3,"end_index":6,\
				"file_citation":{"file_id":"file-a"}},{"index":1,"type":"file_path","text":"【2】",\
				"start_index":10,"end_index":13,"file_path":{"file_id":"file-b"}}]}}]}}"""),
				event("thread.message.delta", """
						{"id":"msg_1","delta":{"content":[{"index":0,"type":"text","text":{"value":".",\
						"annotations":[{"index":0,"type":"file_citation","text":"【1】","file_citation":{"file_id":"file-a",\
						"quote":"a quote"}},{"index":1,"type":"file_path","end_index":14}]}}]}}"""));
		TextContent.Text text = onlyText(result.messages().get(0));
		assertThat(text.value()).isEqualTo("See【1】 and【2】.");
		assertThat(text.annotations()).containsExactly(
				new FileCitationAnnotation("【1】", new FileCitationAnnotation.FileCitation("file-a", "a quote"), 3, 6),
				new FilePathAnnotation("【2】", new FilePathAnnotation.FilePath("file-b"), 10, 14));
	}

	@Test
	void functionArgumentsJoinPerCallIndexAcrossInterleavedCalls() {
		RunStreamResult result = fold(toolCalls("step_1", """
				[{"index":0,"id":"call_a","type":"function","function":{"name":"f","arguments":""}},\
				{"index":1,"id":"call_b","type":"function","function":{"name":"g","arguments":"[1"}}]"""),
				toolCalls("step_1", """
						[{"index":1,"type":"function","function":{"arguments":",2]"}},\
						{"index":0,"type":"function","function":{"arguments":"{\\"x\\":"}}]"""),
				toolCalls("step_1", """
						[{"index":0,"type":"function","function":{"arguments":"1}"}}]"""));
		RunStep step = result.steps().get(0);
		assertThat(step.id()).isEqualTo("step_1");
		assertThat(step.type()).isEqualTo(RunStepType.TOOL_CALLS);
		assertThat(calls(step)).containsExactly(
				new FunctionToolCall("call_a", new FunctionToolCall.Function("f", "{\"x\":1}", null)),
				new FunctionToolCall("call_b", new FunctionToolCall.Function("g", "[1,2]", null)));
	}

	@Test
	void codeInterpreterInputJoinsAndOutputsAreAddedByIndex() {
		RunStreamResult result = fold(toolCalls("step_1", """
				[{"index":0,"id":"call_c","type":"code_interpreter","code_interpreter":{"input":"print(","outputs":[]}}]"""),
				toolCalls("step_1", """
						[{"index":0,"type":"code_interpreter","code_interpreter":{"input":"2+2)"}}]"""),
				toolCalls("step_1", """
						[{"index":0,"type":"code_interpreter","code_interpreter":{"outputs":[{"index":0,"type":"logs",\
						"logs":"4"},{"index":2,"type":"chart","chart":{}}]}}]"""),
				toolCalls("step_1", """
						[{"index":0,"type":"code_interpreter","code_interpreter":{"outputs":[{"index":0,"type":"logs",\
						"logs":"\\n"},{"index":1,"type":"image","image":{"file_id":"file-plot"}}]}}]"""));
		assertThat(calls(result.steps().get(0))).containsExactly(new CodeInterpreterToolCall("call_c",
				new CodeInterpreterToolCall.CodeInterpreter("print(2+2)", List.of(new CodeInterpreterOutput.Logs("4\n"),
						new CodeInterpreterOutput.Image(new CodeInterpreterOutput.ImageFile("file-plot"))))));
	}

	@Test
	void fileSearchResultsAreAddedAndItsRankingReplaced() {
		RunStreamResult result = fold(toolCalls("step_1", """
				[{"index":0,"id":"call_s","type":"file_search","file_search":{}}]"""), toolCalls("step_1", """
				[{"index":0,"type":"file_search","file_search":{"ranking_options":{"ranker":"auto","score_threshold":0.5},\
				"results":[{"file_id":"file-a","file_name":"a.pdf","score":0.9}]}}]"""), toolCalls("step_1", """
				[{"index":0,"type":"file_search","file_search":{"results":[{"file_id":"file-b","score":0.7}]}}]"""));
		FileSearchToolCall call = (FileSearchToolCall) calls(result.steps().get(0)).get(0);
		assertThat(call.id()).isEqualTo("call_s");
		assertThat(call.fileSearch().rankingOptions()).isEqualTo(new FileSearchTool.RankingOptions("auto", 0.5));
		assertThat(call.fileSearch().results()).extracting(FileSearchToolCall.Result::fileId)
			.containsExactly("file-a", "file-b");
	}

	@Test
	void completedSnapshotWinsOverWhatTheDeltasBuilt() {
		RunStreamResult result = fold(message("thread.message.created", "msg_1", "[]"), text("msg_1", 0, "Helo"),
				message("thread.message.completed", "msg_1", """
						[{"type":"text","text":{"value":"Hello","annotations":[]}}]"""));
		Message message = result.messages().get(0);
		assertThat(onlyText(message).value()).isEqualTo("Hello");
		assertThat(message.status()).isEqualTo(MessageStatus.COMPLETED);
		RunStreamResult steps = fold(toolCalls("step_1", """
				[{"index":0,"id":"call_a","type":"function","function":{"name":"f","arguments":"{\\"a\\""}}]"""),
				event("thread.run.step.completed", """
						{"id":"step_1","type":"tool_calls","status":"completed","step_details":{"type":"tool_calls",\
						"tool_calls":[{"id":"call_a","type":"function","function":{"name":"f","arguments":"{\\"a\\":1}",\
						"output":"ok"}}]}}"""));
		assertThat(steps.steps().get(0).status()).isEqualTo(RunStepStatus.COMPLETED);
		assertThat(calls(steps.steps().get(0)))
			.containsExactly(new FunctionToolCall("call_a", new FunctionToolCall.Function("f", "{\"a\":1}", "ok")));
	}

	@Test
	void snapshotWithoutContentKeepsTheTextAndDeltasGrowASnapshot() {
		RunStreamResult result = fold(text("msg_1", 0, "Hel"), message("thread.message.in_progress", "msg_1", "[]"),
				text("msg_1", 0, "lo"));
		assertThat(onlyText(result.messages().get(0)).value()).isEqualTo("Hello");
		RunStreamResult grown = fold(message("thread.message.in_progress", "msg_1", """
				[{"type":"text","text":{"value":"Hel","annotations":[]}}]"""), text("msg_1", 0, "lo"));
		assertThat(onlyText(grown.messages().get(0)).value()).isEqualTo("Hello");
	}

	@Test
	void unknownDeltasAndEventsAreLeftOutWithoutLossOfTheRest() {
		RunStreamResult result = fold(event("thread.message.delta", """
				{"id":"msg_1","delta":{"content":[{"index":0,"type":"text","text":{"value":"A","annotations":[\
				{"index":0,"type":"url_citation","url":"https://example.com"}]}},{"index":1,"type":"audio"},\
				{"index":0,"type":"text","text":{"value":"B"}}]}}"""),
				event("thread.run.step.paused", "{\"id\":\"step_1\"}"), event("ping", "{}"),
				event("thread.message.completed", "not json"), toolCalls("step_1", """
						[{"index":0,"id":"call_x","type":"browser","browser":{}},\
						{"index":1,"id":"call_f","type":"function","function":{"name":"f","arguments":"{}"}}]"""),
				event("thread.run.step.delta", """
						{"id":"step_1","delta":{"step_details":{"type":"reasoning","reasoning":{}}}}"""),
				text("msg_1", 0, "C"));
		assertThat(onlyText(result.messages().get(0))).isEqualTo(new TextContent.Text("ABC", List.of()));
		assertThat(calls(result.steps().get(0)))
			.containsExactly(new FunctionToolCall("call_f", new FunctionToolCall.Function("f", "{}", null)));
		assertThat(result.run()).isNull();
		assertThat(result.thread()).isNull();
	}

	@Test
	void unknownPartsOfASnapshotAreKeptAsTheServerSentThem() {
		RunStreamResult result = fold(text("msg_1", 0, "Hi"), message("thread.message.completed", "msg_1", """
				[{"type":"text","text":{"value":"Hi","annotations":[{"type":"url_citation","url":"u"}]}},\
				{"type":"audio","audio":{"id":"a"}}]"""));
		List<MessageContent> content = result.messages().get(0).content();
		assertThat(content).extracting(MessageContent::type).containsExactly("text", "audio");
		assertThat(content.get(1)).isInstanceOf(MessageContent.Unknown.class);
		assertThat(((TextContent) content.get(0)).text().annotations()).singleElement()
			.isInstanceOf(TextAnnotation.Unknown.class);
	}

	@Test
	void refusalJoinsAndImagesTakeTheirPlaceByIndex() {
		RunStreamResult result = fold(event("thread.message.delta", """
				{"id":"msg_1","delta":{"role":"assistant","content":[{"index":0,"type":"refusal","refusal":"I can"},\
				{"index":2,"type":"image_url","image_url":{"url":"https://example.com/a.png"}},\
				{"index":1,"type":"image_file","image_file":{"file_id":"file-img","detail":"low"}}]}}"""),
				event("thread.message.delta", """
						{"id":"msg_1","delta":{"content":[{"index":0,"type":"refusal","refusal":"'t help"}]}}"""));
		Message message = result.messages().get(0);
		assertThat(message.id()).isEqualTo("msg_1");
		assertThat(message.object()).isEqualTo("thread.message");
		assertThat(message.role()).isEqualTo(MessageRole.ASSISTANT);
		assertThat(message.content()).containsExactly(new RefusalContent("I can't help"),
				new ImageFileContent(new ImageFileContent.ImageFile("file-img", ImageDetail.LOW)),
				new ImageUrlContent(new ImageUrlContent.ImageUrl("https://example.com/a.png", null)));
		assertThat(result.text()).isEmpty();
	}

	@Test
	void deltasWithoutAnIndexGrowTheFirstPart() {
		RunStreamResult result = fold(event("thread.message.delta", """
				{"id":"msg_1","delta":{"content":[{"type":"text","text":{"value":"a"}}]}}"""),
				event("thread.message.delta", """
						{"id":"msg_1","delta":{"content":[{"type":"text","text":{"value":"b"}}]}}"""));
		assertThat(onlyText(result.messages().get(0)).value()).isEqualTo("ab");
	}

	@Test
	void messagesAndStepsKeepTheOrderTheyFirstAppearedIn() {
		RunStreamResult result = fold(text("msg_b", 0, "1"), event("thread.run.step.created", """
				{"id":"step_b","type":"message_creation","step_details":{"type":"message_creation",\
				"message_creation":{"message_id":"msg_b"}}}"""), message("thread.message.created", "msg_a", "[]"),
				toolCalls("step_a", "[]"), text("msg_a", 0, "2"), text("msg_b", 0, "3"),
				message("thread.message.completed", "msg_b", """
						[{"type":"text","text":{"value":"13","annotations":[]}}]"""));
		assertThat(result.messages()).extracting(Message::id).containsExactly("msg_b", "msg_a");
		assertThat(result.steps()).extracting(RunStep::id).containsExactly("step_b", "step_a");
		assertThat(result.steps().get(0).stepDetails())
			.isEqualTo(new StepDetails.MessageCreation(new StepDetails.CreatedMessage("msg_b")));
		assertThat(result.text()).isEqualTo("13\n\n2");
	}

	@Test
	void aSnapshotIsACopyThatLaterEventsLeaveAsItWas() {
		RunStreamAccumulator accumulator = new RunStreamAccumulator();
		accumulator.accept(text("msg_1", 0, "Hel"));
		RunStreamResult before = accumulator.snapshot();
		accumulator.accept(text("msg_1", 0, "lo"));
		assertThat(onlyText(before.messages().get(0)).value()).isEqualTo("Hel");
		assertThat(onlyText(accumulator.snapshot().messages().get(0)).value()).isEqualTo("Hello");
	}

	@Test
	void textDeltasAreTheTextPiecesInOrder() {
		Flux<AssistantStreamEvent> events = Flux.just(message("thread.message.created", "msg_1", "[]"),
				text("msg_1", 0, "Hel"), event("thread.message.delta", """
						{"id":"msg_1","delta":{"content":[{"index":1,"type":"refusal","refusal":"no"},\
						{"index":0,"type":"text","text":{"value":""}},{"index":0,"type":"text","text":{}},\
						{"index":2,"type":"audio"},{"index":0,"type":"text","text":{"value":"lo"}}]}}"""),
				event("ping", "{}"), text("msg_2", 0, " again"));
		StepVerifier.create(RunStreamAccumulator.textDeltas(events))
			.expectNext("Hel", "lo", " again")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void accumulateFoldsAWholeStreamAndEndsWithItsError() {
		StepVerifier.create(RunStreamAccumulator.accumulate(Flux.fromIterable(RunStreams.typed("stream-text-answer.txt"))))
			.assertNext((result) -> assertThat(result.text()).isEqualTo("The derivative of x² is 2x."))
			.expectComplete()
			.verify(TIMEOUT);
		IllegalStateException failure = new IllegalStateException("cut");
		StepVerifier.create(RunStreamAccumulator.accumulate(Flux.concat(Flux.just(text("msg_1", 0, "a")),
				Flux.error(failure))))
			.expectErrorSatisfies((ex) -> assertThat(ex).isSameAs(failure))
			.verify(TIMEOUT);
	}

}
