package dev.assistants4j.tool;

import reactor.core.publisher.Mono;

/**
 * Answers a function call that a run waits for, with the output the model reads, usually JSON text. The
 * function-calling loop of {@code runs().createAndPoll(threadId, request, handler)} calls it for every call of
 * a run in {@code requires_action}, several at once, and submits all the outputs in one request.
 *
 * <p>An error of the handler (signalled or thrown) does not end the loop: the call's output becomes
 * {@code {"error":"<message>"}} so that the model can react to it. Signal a {@link ToolCallAbortException} to
 * end the loop with that error instead. An empty {@code Mono} is an empty output.
 */
@FunctionalInterface
public interface ToolCallHandler {

	/**
	 * Runs the function a call asks for.
	 * @param call the function's name and its arguments
	 * @return the output to submit for this call, a {@link ToolCallAbortException} error to end the loop, or
	 * any other error to submit as an error output
	 */
	Mono<String> handle(FunctionCall call);

}
