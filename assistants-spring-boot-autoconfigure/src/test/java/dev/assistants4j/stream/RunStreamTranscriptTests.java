package dev.assistants4j.stream;

import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.assistants4j.stream.RunStreams.describe;
import static dev.assistants4j.stream.RunStreams.typed;
import static dev.assistants4j.stream.TrackedChunks.randomChunks;
import static dev.assistants4j.stream.TrackedChunks.split;
import static dev.assistants4j.stream.TrackedChunks.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The spec's five transcripts and our own, of the real event order, typed event by event, the same however
 * the network cuts them.
 */
class RunStreamTranscriptTests {

	private static final List<String> SPEC_ANSWER = events(answerStarted("run_123", "step_001", "msg_001"),
			deltas("msg_001", "Hello", " today", "?"),
			"thread.message.completed msg_001 completed", "thread.run.step.completed step_001 completed");

	private static final String SPEC_RUN_COMPLETED = "thread.run.completed run_123 completed";

	/**
	 * Flattens descriptions and lists of them into one list.
	 */
	private static List<String> events(Object... descriptions) {
		return Stream.of(descriptions)
			.flatMap((description) -> (description instanceof List<?> list) ? list.stream() : Stream.of(description))
			.map(String.class::cast)
			.toList();
	}

	private static List<String> started(String runId) {
		return List.of("thread.run.created " + runId + " queued", "thread.run.queued " + runId + " queued",
				"thread.run.in_progress " + runId + " in_progress");
	}

	private static List<String> stepStarted(String stepId) {
		return List.of("thread.run.step.created " + stepId + " in_progress",
				"thread.run.step.in_progress " + stepId + " in_progress");
	}

	private static List<String> messageStarted(String messageId) {
		return List.of("thread.message.created " + messageId + " in_progress",
				"thread.message.in_progress " + messageId + " in_progress");
	}

	/**
	 * Describes how a run that answers with a message starts: the run, its step, then its message.
	 */
	private static List<String> answerStarted(String runId, String stepId, String messageId) {
		return events(started(runId), stepStarted(stepId), messageStarted(messageId));
	}

	private static List<String> deltas(String messageId, String... pieces) {
		return Stream.of(pieces).map((piece) -> "thread.message.delta " + messageId + " \"" + piece + '"').toList();
	}

	private static List<String> stepDeltas(String stepId, int count) {
		return Collections.nCopies(count, "thread.run.step.delta " + stepId);
	}

	static Stream<Arguments> specTranscripts() {
		return Stream.of(
				// Every run of this transcript has one '}' too many, and the last one lacks "data: ": it is dropped.
				arguments("stream-create-thread-and-run-spec.txt", events("thread.created thread_123", SPEC_ANSWER)),
				arguments("stream-create-run-spec.txt", events(SPEC_ANSWER, SPEC_RUN_COMPLETED)),
				arguments("stream-create-run-functions-spec.txt", events(SPEC_ANSWER, SPEC_RUN_COMPLETED)),
				arguments("stream-create-thread-and-run-functions-spec.txt",
						events("thread.created thread_123", started("run_123"), stepStarted("step_001"),
								stepDeltas("step_001", 5), "thread.run.requires_action run_123 requires_action")),
				arguments("stream-submit-tool-outputs-spec.txt",
						events("thread.run.step.completed step_001 completed", started("run_123").subList(1, 3),
								stepStarted("step_002"), messageStarted("msg_002"),
								deltas("msg_002", "The", " current", " weather", " sunny", "."),
								"thread.message.completed msg_002 completed", "thread.run.step.completed step_002 completed",
								"thread.run.completed run_123 completed")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("specTranscripts")
	void specTranscriptTypesEveryEventItKeeps(String fixture, List<String> expected) {
		assertThat(describe(typed(fixture))).containsExactlyElementsOf(expected);
	}

	@Test
	void textAnswerIsTheRealOrderOfAPlainRun() {
		assertThat(describe(typed("stream-text-answer.txt"))).containsExactlyElementsOf(events(
				answerStarted("run_T3xtAnsw3r", "step_T3xtStep", "msg_T3xtMsg"),
				deltas("msg_T3xtMsg", "The", " derivative", " of", " x²", " is", " 2x", "."),
				"thread.message.completed msg_T3xtMsg completed", "thread.run.step.completed step_T3xtStep completed",
				"thread.run.completed run_T3xtAnsw3r completed"));
	}

	@Test
	void functionCallStreamEndsAtRequiresActionAndTheSubmitStreamFinishesTheRun() {
		assertThat(describe(typed("stream-function-call.txt"))).containsExactlyElementsOf(events(
				started("run_W3ath3rCalls"), stepStarted("step_ToolCalls"), stepDeltas("step_ToolCalls", 6),
				"thread.run.requires_action run_W3ath3rCalls requires_action"));
		assertThat(describe(typed("stream-function-call-outputs.txt"))).containsExactlyElementsOf(events(
				"thread.run.step.completed step_ToolCalls completed", started("run_W3ath3rCalls").subList(1, 3),
				stepStarted("step_W3ath3rAnsw3r"), messageStarted("msg_W3ath3rAnsw3r"),
				deltas("msg_W3ath3rAnsw3r", "It", "'s 18", "°C and cloudy", " in Paris, and 24°C and clear in Tokyo", "."),
				"thread.message.completed msg_W3ath3rAnsw3r completed",
				"thread.run.step.completed step_W3ath3rAnsw3r completed", "thread.run.completed run_W3ath3rCalls completed"));
	}

	@Test
	void fileSearchStreamSearchesInAStepOfItsOwnThenCitesInTheMessage() {
		assertThat(describe(typed("stream-file-search.txt"))).containsExactlyElementsOf(events(started("run_F1l3S3arch"),
				stepStarted("step_S3archCall"), stepDeltas("step_S3archCall", 1),
				"thread.run.step.completed step_S3archCall completed", stepStarted("step_S3archAnsw3r"),
				messageStarted("msg_S3archAnsw3r"),
				deltas("msg_S3archAnsw3r", "Revenue grew 12%", "【4:0†report.pdf】", " in Q3, led by cloud", "【4:1†q3.pdf】",
						"."),
				"thread.message.completed msg_S3archAnsw3r completed",
				"thread.run.step.completed step_S3archAnsw3r completed", "thread.run.completed run_F1l3S3arch completed"));
	}

	@Test
	void incompleteStreamEndsTheMessageAndTheRunAsIncomplete() {
		assertThat(describe(typed("stream-incomplete.txt"))).containsExactlyElementsOf(events(
				answerStarted("run_St0ryT00L0ng", "step_St0ry", "msg_St0ry"),
				deltas("msg_St0ry", "Once", " upon", " a", " time", ",", " in", " a", " kingdom"),
				"thread.message.incomplete msg_St0ry incomplete", "thread.run.step.completed step_St0ry completed",
				"thread.run.incomplete run_St0ryT00L0ng incomplete"));
	}

	@Test
	void errorStreamIsCutAfterThePiecesWrittenBeforeTheError() {
		assertThat(describe(typed("stream-error.txt"))).containsExactlyElementsOf(events(
				answerStarted("run_Cut0ff", "step_Cut0ff", "msg_Cut0ff"), deltas("msg_Cut0ff", "Let", " me", " check")));
	}

	@Test
	void unknownNamesAndUndecodableDataPassAsUnknownBetweenTheKnownEvents() {
		List<String> events = describe(typed("stream-unknown-events.txt"));
		assertThat(events.subList(6, 15)).containsExactly("thread.message.in_progress msg_Dr1ft in_progress",
				"Unknown ping", "Unknown thread.run.step.paused", "thread.message.delta msg_Dr1ft \"Hello\"",
				"Unknown thread.message.in_progress", "thread.message.delta msg_Dr1ft audio", "Unknown message",
				"thread.run.step.delta step_Dr1ft", "thread.message.delta msg_Dr1ft \" there\"");
		assertThat(events).hasSize(18).endsWith("thread.run.completed run_Dr1ft completed");
	}

	@Test
	void lastFrameWithoutItsBlankLineIsStillDone() {
		List<SseEvent> events = TrackedChunks
			.decode(List.of(utf8(SpecTranscriptTests.fixture("stream-no-final-blank-line.txt"))));
		assertThat(events).last().isEqualTo(new SseEvent("done", "[DONE]"));
		assertThat(describe(typed("stream-no-final-blank-line.txt"))).hasSize(12)
			.endsWith("thread.run.completed run_N0Bl4nk completed");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "stream-create-thread-and-run-spec.txt", "stream-create-thread-and-run-functions-spec.txt",
			"stream-create-run-spec.txt", "stream-create-run-functions-spec.txt", "stream-submit-tool-outputs-spec.txt",
			"stream-text-answer.txt", "stream-function-call.txt", "stream-function-call-outputs.txt",
			"stream-file-search.txt", "stream-incomplete.txt", "stream-error.txt", "stream-unknown-events.txt",
			"stream-no-final-blank-line.txt" })
	void transcriptTypesTheSameWholeAndCutAnywhere(String fixture) {
		byte[] transcript = utf8(SpecTranscriptTests.fixture(fixture));
		List<AssistantStreamEvent> whole = typed(List.of(transcript));
		assertThat(whole).isNotEmpty().doesNotContainNull();
		Random random = new Random(fixture.hashCode());
		for (int round = 0; round < 100; round++) {
			int offset = random.nextInt(transcript.length + 1);
			assertThat(typed(split(transcript, offset))).as("split at byte %d", offset).isEqualTo(whole);
		}
		for (int round = 0; round < 20; round++) {
			assertThat(typed(randomChunks(transcript, random, 1, 9))).as("round %d", round).isEqualTo(whole);
		}
	}

}
