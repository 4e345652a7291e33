package dev.assistants4j.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.run.RunStatus;
import dev.assistants4j.model.run.SubmitToolOutputsRequest;
import dev.assistants4j.model.run.ToolOutput;
import dev.assistants4j.tool.FunctionCall;
import dev.assistants4j.tool.ToolCallAbortException;
import dev.assistants4j.tool.ToolCallHandler;

import static dev.assistants4j.client.AssistantsStubs.TIMEOUT;
import static dev.assistants4j.client.RunPollingTests.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The function-calling step and loop without HTTP: every call of a run run at once and answered in one
 * request, failures turned into outputs, and rounds repeated until the run no longer waits for outputs.
 */
class ToolCallRunnerTests {

	private static final String CALL = """
			{"id":"%s","type":"function","function":{"name":"%s","arguments":"%s"}}""";

	@Test
	void outputsFollowTheOrderOfTheCallsNotOfTheirCompletion() {
		ToolCallHandler slowParis = (call) -> Mono.delay(Duration.ofSeconds(call.id().equals("call_paris") ? 2 : 1))
			.thenReturn(call.name() + ":" + call.arguments());
		StepVerifier
			.withVirtualTime(() -> new ToolCallRunner(slowParis).outputs(waiting(call("call_paris", "weather", "P"),
					call("call_tokyo", "weather", "T"))))
			.expectSubscription()
			// Two seconds, the slower call, not three: the calls ran at the same time.
			.expectNoEvent(Duration.ofMillis(1999))
			.thenAwait(Duration.ofMillis(1))
			.assertNext((request) -> assertThat(request.toolOutputs()).containsExactly(
					ToolOutput.of("call_paris", "weather:P"), ToolOutput.of("call_tokyo", "weather:T")))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void callsOverlapEachWaitingForTheOtherToStart() {
		Sinks.Empty<Void> parisStarted = Sinks.empty();
		Sinks.Empty<Void> tokyoStarted = Sinks.empty();
		ToolCallHandler handler = (call) -> {
			boolean paris = call.id().equals("call_paris");
			(paris ? parisStarted : tokyoStarted).tryEmitEmpty();
			// Sequential calls would wait here forever: each ends only once the other has begun.
			return (paris ? tokyoStarted : parisStarted).asMono().thenReturn(call.id() + " done");
		};
		StepVerifier.create(new ToolCallRunner(handler).outputs(waiting(call("call_paris", "weather", ""),
				call("call_tokyo", "weather", ""))))
			.assertNext((request) -> assertThat(request.toolOutputs()).extracting(ToolOutput::output)
				.containsExactly("call_paris done", "call_tokyo done"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void atMostEightCallsRunAtOnce() {
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostRunning = new AtomicInteger();
		ToolCallHandler handler = (call) -> {
			mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
			return Mono.delay(Duration.ofSeconds(1))
				.doOnNext((tick) -> running.decrementAndGet())
				.thenReturn(call.id());
		};
		String[] calls = IntStream.range(0, 20).mapToObj((i) -> call("call_" + i, "f", "")).toArray(String[]::new);
		StepVerifier.withVirtualTime(() -> new ToolCallRunner(handler).outputs(waiting(calls)))
			.expectSubscription()
			// 20 calls, 8 at a time: three waves of a second each.
			.expectNoEvent(Duration.ofMillis(2999))
			.thenAwait(Duration.ofMillis(1))
			.assertNext((request) -> assertThat(request.toolOutputs()).extracting(ToolOutput::toolCallId)
				.containsExactlyElementsOf(IntStream.range(0, 20).mapToObj((i) -> "call_" + i).toList()))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(mostRunning).hasValue(ToolCallRunner.MAX_CONCURRENCY);
	}

	@Test
	void handlerErrorBecomesAnErrorOutputAndTheOtherCallsKeepTheirs() {
		ToolCallHandler handler = (call) -> call.id().equals("call_paris")
				? Mono.error(new IllegalStateException("Weather service said \"no\""))
				: Mono.just("{\"temp\":21}");
		assertOutputs(handler, "{\"error\":\"Weather service said \\\"no\\\"\"}", "{\"temp\":21}");
	}

	@Test
	void handlerThatThrowsInsteadOfSignallingGetsAnErrorOutputToo() {
		ToolCallHandler handler = (call) -> {
			throw new IllegalArgumentException("city is required");
		};
		assertOutputs(handler, "{\"error\":\"city is required\"}", "{\"error\":\"city is required\"}");
	}

	@Test
	void errorWithoutAMessageIsNamedByItsType() {
		assertOutputs((call) -> Mono.error(new UnsupportedOperationException()),
				"{\"error\":\"UnsupportedOperationException\"}", "{\"error\":\"UnsupportedOperationException\"}");
	}

	@Test
	void emptyHandlerResultIsAnEmptyOutput() {
		assertOutputs((call) -> Mono.empty(), "", "");
	}

	@Test
	void abortEndsWithThatExceptionAndCancelsTheOtherCalls() {
		ToolCallAbortException abort = new ToolCallAbortException("user left");
		AtomicInteger cancelled = new AtomicInteger();
		ToolCallHandler handler = (call) -> call.id().equals("call_tokyo") ? Mono.error(abort)
				: Mono.<String>never().doOnCancel(cancelled::incrementAndGet);
		StepVerifier.create(new ToolCallRunner(handler).outputs(waiting(call("call_paris", "weather", ""),
				call("call_tokyo", "weather", ""))))
			.expectErrorSatisfies((error) -> assertThat(error).isSameAs(abort))
			.verify(TIMEOUT);
		assertThat(cancelled).hasValue(1);
	}

	@Test
	void callOfAnotherToolTypeGetsAnErrorOutputWithoutCallingTheHandler() {
		Run run = waiting(call("call_paris", "weather", "{}"),
				"{\"id\":\"call_web\",\"type\":\"browser\",\"browser\":{\"url\":\"https://example.com\"}}",
				"{\"id\":\"call_bare\",\"type\":\"function\"}");
		List<String> handled = new ArrayList<>();
		StepVerifier.create(new ToolCallRunner((call) -> {
			handled.add(call.id());
			return Mono.just("ok");
		}).outputs(run))
			.assertNext((request) -> assertThat(request.toolOutputs()).containsExactly(
					ToolOutput.of("call_paris", "ok"),
					ToolOutput.of("call_web",
							"{\"error\":\"Tool calls of type 'browser' are not supported by this client\"}"),
					ToolOutput.of("call_bare", "{\"error\":\"The call names no function\"}")))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(handled).containsExactly("call_paris");
	}

	@Test
	void callWithoutAnIdEndsWithADecodingError() {
		StepVerifier.create(new ToolCallRunner((call) -> Mono.just("ok"))
			.outputs(waiting("{\"type\":\"function\",\"function\":{\"name\":\"f\"}}")))
			.expectError(AssistantsDecodingException.class)
			.verify(TIMEOUT);
	}

	@Test
	void handlerSeesTheCallsIdNameAndArguments() {
		List<FunctionCall> calls = new ArrayList<>();
		StepVerifier.create(new ToolCallRunner((call) -> {
			calls.add(call);
			return Mono.just("ok");
		}).outputs(waiting(call("call_paris", "get_weather", "{\\\"city\\\":\\\"Paris\\\"}"),
				"{\"id\":\"call_none\",\"type\":\"function\",\"function\":{\"name\":\"now\"}}")))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(calls).containsExactly(new FunctionCall("call_paris", "get_weather", "{\"city\":\"Paris\"}"),
				new FunctionCall("call_none", "now", ""));
		assertThat(calls.get(0).argumentsAsMap()).containsExactly(Map.entry("city", "Paris"));
		assertThat(calls.get(1).argumentsAsMap()).isEmpty();
	}

	@Test
	void loopSubmitsEachRoundAndReturnsTheRunOnceItHasEnded() {
		List<SubmitToolOutputsRequest> submitted = new ArrayList<>();
		List<Run> next = new ArrayList<>(List.of(waiting(call("call_2", "f", "")), status("completed")));
		ToolCallHandler handler = (call) -> Mono.delay(Duration.ofSeconds(1)).thenReturn("out " + call.id());
		StepVerifier.withVirtualTime(() -> new ToolCallRunner(handler).complete(waiting(call("call_1", "f", "")),
				(outputs) -> {
					submitted.add(outputs);
					return Mono.delay(Duration.ofSeconds(5)).thenReturn(next.remove(0));
				}))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(11_999))
			.thenAwait(Duration.ofMillis(1))
			.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.COMPLETED))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(submitted).containsExactly(SubmitToolOutputsRequest.of("call_1", "out call_1"),
				SubmitToolOutputsRequest.of("call_2", "out call_2"));
	}

	@Test
	void loopEndsWithAnExpiredErrorWhenTheRunExpiredWhileItsToolsRan() {
		Run expired = run("{\"id\":\"run_1\",\"status\":\"expired\",\"expires_at\":1717000600}");
		StepVerifier.create(new ToolCallRunner((call) -> Mono.just("late")).complete(waiting(call("c", "f", "")),
				(outputs) -> Mono.just(expired)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(
					AssistantsRunExpiredException.class, (ex) -> {
						assertThat(ex.run()).isSameAs(expired);
						assertThat(ex).hasMessage("Run run_1 expired at 2024-05-29T16:36:40Z before the outputs of "
								+ "its tool calls were submitted");
					}))
			.verify(TIMEOUT);
	}

	@Test
	void loopReturnsARunThatNeedsNoToolOutputsWithoutCallingAnything() {
		for (Run run : List.of(status("completed"), status("failed"), status("expired"),
				run("{\"id\":\"run_1\",\"status\":\"requires_action\",\"required_action\":"
						+ "{\"type\":\"approve_tool_calls\"}}"))) {
			StepVerifier.create(new ToolCallRunner((call) -> Mono.error(new AssertionError("called")))
				.complete(run, (outputs) -> Mono.error(new AssertionError("submitted"))))
				.expectNext(run)
				.expectComplete()
				.verify(TIMEOUT);
		}
	}

	private static void assertOutputs(ToolCallHandler handler, String parisOutput, String tokyoOutput) {
		StepVerifier.create(new ToolCallRunner(handler).outputs(waiting(call("call_paris", "weather", ""),
				call("call_tokyo", "weather", ""))))
			.assertNext((request) -> assertThat(request.toolOutputs()).containsExactly(
					ToolOutput.of("call_paris", parisOutput), ToolOutput.of("call_tokyo", tokyoOutput)))
			.expectComplete()
			.verify(TIMEOUT);
	}

	private static String call(String id, String name, String arguments) {
		return CALL.formatted(id, name, arguments);
	}

	private static Run waiting(String... calls) {
		return run("{\"id\":\"run_1\",\"status\":\"requires_action\",\"required_action\":{\"type\":"
				+ "\"submit_tool_outputs\",\"submit_tool_outputs\":{\"tool_calls\":"
				+ List.of(calls).stream().collect(Collectors.joining(",", "[", "]")) + "}}}");
	}

	private static Run status(String status) {
		return run("{\"id\":\"run_1\",\"status\":\"" + status + "\"}");
	}

}
