package dev.assistants4j.stream;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.assistants4j.model.message.FileCitationAnnotation;
import dev.assistants4j.model.message.Message;
import dev.assistants4j.model.message.MessageContent;
import dev.assistants4j.model.message.MessageIncompleteReason;
import dev.assistants4j.model.message.MessageRole;
import dev.assistants4j.model.message.MessageStatus;
import dev.assistants4j.model.message.TextContent;
import dev.assistants4j.model.run.RequiredToolCall;
import dev.assistants4j.model.run.RunIncompleteReason;
import dev.assistants4j.model.run.RunStatus;
import dev.assistants4j.model.runstep.FileSearchToolCall;
import dev.assistants4j.model.runstep.FunctionToolCall;
import dev.assistants4j.model.runstep.RunStep;
import dev.assistants4j.model.runstep.RunStepStatus;
import dev.assistants4j.model.runstep.RunStepType;
import dev.assistants4j.model.runstep.StepDetails;
import dev.assistants4j.model.tool.FileSearchTool;
import dev.assistants4j.stream.AssistantStreamEvent.MessageEvent;
import dev.assistants4j.stream.AssistantStreamEvent.RunStepEvent;

import static dev.assistants4j.stream.RunStreams.typed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each transcript adds up to, field by field, and what its deltas alone add up to, which must be what
 * the server's snapshots say.
 */
class AccumulatedTranscriptTests {

	private static RunStreamResult accumulate(String... fixtures) {
		RunStreamAccumulator accumulator = new RunStreamAccumulator();
		Stream.of(fixtures).flatMap((fixture) -> typed(fixture).stream()).forEach(accumulator::accept);
		return accumulator.snapshot();
	}

	/**
	 * Folds a transcript without its {@code *.completed} and {@code *.incomplete} snapshots, so that messages
	 * and steps are what the deltas built.
	 */
	private static RunStreamResult accumulateDeltasOnly(String fixture) {
		RunStreamAccumulator accumulator = new RunStreamAccumulator();
		typed(fixture).stream()
			.filter((event) -> !(event instanceof MessageEvent || event instanceof RunStepEvent)
					|| event.event().endsWith(".created") || event.event().endsWith(".in_progress"))
			.forEach(accumulator::accept);
		return accumulator.snapshot();
	}

	private static List<MessageContent> contentOf(RunStreamResult result) {
		return result.messages().stream().flatMap((message) -> message.content().stream()).toList();
	}

	@Test
	void textAnswerAddsUpToTheCompletedRunAndItsOneMessage() {
		RunStreamResult result = accumulate("stream-text-answer.txt");
		assertThat(result.thread()).isNull();
		assertThat(result.run().id()).isEqualTo("run_T3xtAnsw3r");
		assertThat(result.run().status()).isEqualTo(RunStatus.COMPLETED);
		assertThat(result.run().completedAt()).isEqualTo(1731400002L);
		assertThat(result.run().usage().totalTokens()).isEqualTo(73);
		assertThat(result.messages()).singleElement().satisfies((message) -> {
			assertThat(message.id()).isEqualTo("msg_T3xtMsg");
			assertThat(message.threadId()).isEqualTo("thread_Mth8Tutor");
			assertThat(message.runId()).isEqualTo("run_T3xtAnsw3r");
			assertThat(message.role()).isEqualTo(MessageRole.ASSISTANT);
			assertThat(message.status()).isEqualTo(MessageStatus.COMPLETED);
			assertThat(message.completedAt()).isEqualTo(1731400002L);
			assertThat(message.content()).containsExactly(
					new TextContent(new TextContent.Text("The derivative of x² is 2x.", List.of())));
		});
		assertThat(result.steps()).singleElement().satisfies((step) -> {
			assertThat(step.id()).isEqualTo("step_T3xtStep");
			assertThat(step.type()).isEqualTo(RunStepType.MESSAGE_CREATION);
			assertThat(step.status()).isEqualTo(RunStepStatus.COMPLETED);
			assertThat(step.stepDetails())
				.isEqualTo(new StepDetails.MessageCreation(new StepDetails.CreatedMessage("msg_T3xtMsg")));
			assertThat(step.usage().totalTokens()).isEqualTo(73);
		});
		assertThat(result.text()).isEqualTo("The derivative of x² is 2x.");
		assertThat(result.requiredToolCalls()).isEmpty();
	}

	@Test
	void functionCallAddsUpToTheCallsTheRunWaitsFor() {
		RunStreamResult result = accumulate("stream-function-call.txt");
		assertThat(result.run().status()).isEqualTo(RunStatus.REQUIRES_ACTION);
		assertThat(result.requiredToolCalls()).containsExactly(
				new RequiredToolCall("call_P4r1sW3ath3r", "function",
						new RequiredToolCall.Function("get_weather", "{\"location\": \"Paris\"}")),
				new RequiredToolCall("call_T0ky0W3ath3r", "function",
						new RequiredToolCall.Function("get_weather", "{\"location\": \"Tokyo\"}")));
		assertThat(result.messages()).isEmpty();
		RunStep step = result.steps().get(0);
		assertThat(result.steps()).hasSize(1);
		assertThat(step.id()).isEqualTo("step_ToolCalls");
		assertThat(step.type()).isEqualTo(RunStepType.TOOL_CALLS);
		assertThat(step.status()).isEqualTo(RunStepStatus.IN_PROGRESS);
		assertThat(((StepDetails.ToolCalls) step.stepDetails()).toolCalls()).containsExactly(
				new FunctionToolCall("call_P4r1sW3ath3r",
						new FunctionToolCall.Function("get_weather", "{\"location\": \"Paris\"}", null)),
				new FunctionToolCall("call_T0ky0W3ath3r",
						new FunctionToolCall.Function("get_weather", "{\"location\": \"Tokyo\"}", null)));
		assertThat(result.text()).isEmpty();
	}

	@Test
	void functionCallThenSubmittedOutputsAddUpToOneFinishedRun() {
		RunStreamResult result = accumulate("stream-function-call.txt", "stream-function-call-outputs.txt");
		assertThat(result.run().status()).isEqualTo(RunStatus.COMPLETED);
		assertThat(result.run().usage().totalTokens()).isEqualTo(391);
		assertThat(result.requiredToolCalls()).isEmpty();
		assertThat(result.steps()).extracting(RunStep::id).containsExactly("step_ToolCalls", "step_W3ath3rAnsw3r");
		assertThat(result.steps()).extracting(RunStep::status)
			.containsExactly(RunStepStatus.COMPLETED, RunStepStatus.COMPLETED);
		assertThat(((StepDetails.ToolCalls) result.steps().get(0).stepDetails()).toolCalls())
			.extracting((call) -> ((FunctionToolCall) call).function().output())
			.containsExactly("{\"temperature_c\": 18, \"sky\": \"cloudy\"}", "{\"temperature_c\": 24, \"sky\": \"clear\"}");
		assertThat(result.messages()).extracting(Message::id).containsExactly("msg_W3ath3rAnsw3r");
		assertThat(result.text()).isEqualTo("It's 18°C and cloudy in Paris, and 24°C and clear in Tokyo.");
	}

	@Test
	void fileSearchAddsUpToTheSearchStepAndTheCitedAnswer() {
		RunStreamResult result = accumulate("stream-file-search.txt");
		assertThat(result.run().status()).isEqualTo(RunStatus.COMPLETED);
		assertThat(result.steps()).extracting(RunStep::type)
			.containsExactly(RunStepType.TOOL_CALLS, RunStepType.MESSAGE_CREATION);
		assertThat(((StepDetails.ToolCalls) result.steps().get(0).stepDetails()).toolCalls())
			.containsExactly(new FileSearchToolCall("call_F1l3S3arch", new FileSearchToolCall.FileSearch(
					new FileSearchTool.RankingOptions("default_2024_08_21", 0.0), List.of())));
		TextContent.Text text = ((TextContent) contentOf(result).get(0)).text();
		assertThat(text.value()).isEqualTo("Revenue grew 12%【4:0†report.pdf】 in Q3, led by cloud【4:1†q3.pdf】.");
		assertThat(text.annotations()).containsExactly(
				new FileCitationAnnotation("【4:0†report.pdf】", new FileCitationAnnotation.FileCitation("file-R3p0rt", null),
						16, 32),
				new FileCitationAnnotation("【4:1†q3.pdf】",
						new FileCitationAnnotation.FileCitation("file-Q3r3sults", "Cloud revenue rose 30%"), 52, 64));
		assertThat(text.value().substring(52, 64)).isEqualTo("【4:1†q3.pdf】");
	}

	@Test
	void incompleteAddsUpToTheTextWrittenAndWhyItStopped() {
		RunStreamResult result = accumulate("stream-incomplete.txt");
		assertThat(result.run().status()).isEqualTo(RunStatus.INCOMPLETE);
		assertThat(result.run().incompleteDetails().reason()).isEqualTo(RunIncompleteReason.MAX_COMPLETION_TOKENS);
		Message message = result.messages().get(0);
		assertThat(message.status()).isEqualTo(MessageStatus.INCOMPLETE);
		assertThat(message.incompleteDetails().reason()).isEqualTo(MessageIncompleteReason.MAX_TOKENS);
		assertThat(message.incompleteAt()).isEqualTo(1731403002L);
		assertThat(result.text()).isEqualTo("Once upon a time, in a kingdom");
	}

	@Test
	void errorLeavesTheRunInProgressWithTheTextWrittenBeforeIt() {
		RunStreamResult result = accumulate("stream-error.txt");
		assertThat(result.run().status()).isEqualTo(RunStatus.IN_PROGRESS);
		assertThat(result.messages()).singleElement()
			.satisfies((message) -> assertThat(message.status()).isEqualTo(MessageStatus.IN_PROGRESS));
		assertThat(result.text()).isEqualTo("Let me check");
	}

	@Test
	void unknownEventsAddNothingAndTheCompletedMessageKeepsItsUnknownPart() {
		RunStreamResult result = accumulate("stream-unknown-events.txt");
		assertThat(result.run().status()).isEqualTo(RunStatus.COMPLETED);
		assertThat(contentOf(result)).extracting(MessageContent::type).containsExactly("text", "audio");
		assertThat(result.text()).isEqualTo("Hello there");
		assertThat(result.steps()).singleElement().satisfies((step) -> {
			assertThat(step.status()).isEqualTo(RunStepStatus.COMPLETED);
			assertThat(step.stepDetails()).isInstanceOf(StepDetails.MessageCreation.class);
		});
		RunStreamResult deltasOnly = accumulateDeltasOnly("stream-unknown-events.txt");
		assertThat(contentOf(deltasOnly)).extracting(MessageContent::type).containsExactly("text");
		assertThat(deltasOnly.text()).isEqualTo("Hello there");
	}

	@Test
	void specTranscriptsAddUpToTheirCompletedMessagesEvenWhereDeltasWereElided() {
		RunStreamResult answer = accumulate("stream-create-run-spec.txt");
		assertThat(answer.run().status()).isEqualTo(RunStatus.COMPLETED);
		assertThat(answer.text()).isEqualTo("Hello! How can I assist you today?");
		assertThat(accumulateDeltasOnly("stream-create-run-spec.txt").text()).isEqualTo("Hello today?");
		RunStreamResult thread = accumulate("stream-create-thread-and-run-spec.txt");
		assertThat(thread.thread().id()).isEqualTo("thread_123");
		assertThat(thread.run().status()).isEqualTo(RunStatus.IN_PROGRESS);
		RunStreamResult functions = accumulate("stream-create-thread-and-run-functions-spec.txt");
		assertThat(functions.requiredToolCalls()).singleElement()
			.satisfies((call) -> assertThat(call.function().arguments())
				.isEqualTo("{\"location\":\"San Francisco, CA\",\"unit\":\"fahrenheit\"}"));
		assertThat(((StepDetails.ToolCalls) functions.steps().get(0).stepDetails()).toolCalls()).containsExactly(
				new FunctionToolCall("call_XXNp8YGaFrjrSjgqxtC8JJ1B",
						new FunctionToolCall.Function("get_current_weather", "{\"locationahrenheit\"}", null)));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "stream-text-answer.txt", "stream-function-call-outputs.txt", "stream-file-search.txt",
			"stream-incomplete.txt", "stream-no-final-blank-line.txt" })
	void deltasAloneAddUpToWhatTheSnapshotsSay(String fixture) {
		RunStreamResult whole = accumulate(fixture);
		RunStreamResult deltasOnly = accumulateDeltasOnly(fixture);
		assertThat(contentOf(deltasOnly)).isEqualTo(contentOf(whole));
		assertThat(deltasOnly.text()).isEqualTo(whole.text()).isNotEmpty();
	}

}
