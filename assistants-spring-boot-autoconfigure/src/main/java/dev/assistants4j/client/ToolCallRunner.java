package dev.assistants4j.client;

import java.util.Map;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

import dev.assistants4j.model.json.AssistantsJson;
import dev.assistants4j.model.run.RequiredToolCall;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.run.RunStatus;
import dev.assistants4j.model.run.SubmitToolOutputsRequest;
import dev.assistants4j.model.run.ToolOutput;
import dev.assistants4j.tool.FunctionCall;
import dev.assistants4j.tool.ToolCallAbortException;
import dev.assistants4j.tool.ToolCallHandler;

/**
 * Answers the tool calls of a run in {@code requires_action} with a {@link ToolCallHandler}: runs all of them at
 * once (at most {@value #MAX_CONCURRENCY} in flight), turns a failure into an {@code {"error":"..."}} output
 * unless it is a {@link ToolCallAbortException}, and gathers every output, in the order of the calls, into the
 * one {@link SubmitToolOutputsRequest} the run waits for. Polled and streamed runs share it: {@link #outputs}
 * is the step of one round, {@link #complete} the polling loop over rounds.
 */
final class ToolCallRunner {

	static final int MAX_CONCURRENCY = 8;

	private static final Log logger = LogFactory.getLog(ToolCallRunner.class);

	private static final JsonMapper JSON = AssistantsJson.newMapper();

	private final ToolCallHandler handler;

	ToolCallRunner(ToolCallHandler handler) {
		Assert.notNull(handler, "'handler' must not be null");
		this.handler = handler;
	}

	/**
	 * Whether the run waits for tool outputs, so that a round of calls is due. A run that requires some other
	 * action, of a kind this version does not know, does not: the loop hands it back to the caller.
	 */
	static boolean awaitsToolOutputs(Run run) {
		return run.status() != null && run.status().requiresAction() && !run.requiredToolCalls().isEmpty();
	}

	/**
	 * Runs every tool call the run waits for and gathers their outputs.
	 * @return the request submitting every output, or the {@link ToolCallAbortException} of a handler
	 */
	Mono<SubmitToolOutputsRequest> outputs(Run run) {
		return Flux.fromIterable(run.requiredToolCalls())
			.flatMapSequential(this::output, MAX_CONCURRENCY)
			.collectList()
			.map(SubmitToolOutputsRequest::of);
	}

	/**
	 * Runs rounds of tool calls until the run no longer waits for outputs.
	 * @param run the polled run
	 * @param submitAndPoll submits a round's outputs and polls the run until the caller must act on it again
	 * @return the run once it has ended (or waits for something other than tool outputs); an
	 * {@link AssistantsRunExpiredException} error if it expired while its tools ran
	 */
	Mono<Run> complete(Run run, Function<SubmitToolOutputsRequest, Mono<Run>> submitAndPoll) {
		return Mono.just(run)
			.expand((current) -> awaitsToolOutputs(current)
					? outputs(current).flatMap(submitAndPoll).flatMap(ToolCallRunner::notExpired) : Mono.empty())
			.last();
	}

	private static Mono<Run> notExpired(Run run) {
		return RunStatus.EXPIRED.equals(run.status()) ? Mono.error(expired(run, null)) : Mono.just(run);
	}

	/**
	 * The error of a run that expired while its tools ran.
	 */
	static AssistantsRunExpiredException expired(Run run, @Nullable Throwable cause) {
		return new AssistantsRunExpiredException("Run " + run.id() + " expired"
				+ ((run.expiresAt() != null) ? " at " + run.expiresAtInstant() : "")
				+ " before the outputs of its tool calls were submitted", run, cause);
	}

	private Mono<ToolOutput> output(RequiredToolCall call) {
		if (call.id() == null || call.id().isBlank()) {
			return Mono.error(new AssistantsDecodingException(
					"The run waits for a tool call without an id, whose output cannot be submitted", null));
		}
		RequiredToolCall.Function function = call.function();
		if (!"function".equals(call.type()) || function == null) {
			String reason = (function == null && "function".equals(call.type())) ? "The call names no function"
					: "Tool calls of type '" + call.type() + "' are not supported by this client";
			return Mono.just(ToolOutput.of(call.id(), error(reason)));
		}
		FunctionCall functionCall = new FunctionCall(call.id(), (function.name() != null) ? function.name() : "",
				(function.arguments() != null) ? function.arguments() : "");
		// Deferred, so that a handler that throws instead of signalling is treated alike.
		return Mono.defer(() -> this.handler.handle(functionCall))
			.defaultIfEmpty("")
			.onErrorResume((ex) -> !(ex instanceof ToolCallAbortException), (ex) -> {
				logger.warn("Function " + functionCall.name() + " failed for tool call " + functionCall.id()
						+ "; its output is the error: " + ex);
				return Mono.just(error(describe(ex)));
			})
			.map((output) -> ToolOutput.of(call.id(), output));
	}

	private static String describe(Throwable ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	private static String error(String message) {
		return JSON.writeValueAsString(Map.of("error", message));
	}

}
