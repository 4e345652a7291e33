package dev.assistants4j.emulator.responder;

import reactor.core.publisher.Mono;

/**
 * Decides what an emulated run answers: the emulator carries out the run's lifecycle, steps, messages and
 * stream events, and asks its responder only for the answer. It is asked once when a run starts and once
 * again after each submission of tool outputs.
 *
 * <p>The answer is asynchronous so that a responder can call a real model, such as a chat-completions
 * endpoint, without blocking: the emulator subscribes to the {@code Mono} on its scheduler, streams a
 * {@link Reply.Text}'s chunks as message deltas as they arrive, and cancels the subscription when the run is
 * cancelled or expires. An error from the {@code Mono}, or from the chunks of a text, fails the run with
 * {@code server_error}; to fail it with another code, answer a {@link Reply.Failure}.
 *
 * <p>The emulator asks from its scheduler's threads, for several runs at once: implementations must be
 * thread-safe, and should not block.
 *
 * @see DefaultResponder
 * @see ScriptedResponder
 */
@FunctionalInterface
public interface Responder {

	/**
	 * Answers a run.
	 * @param context the run, its assistant, the thread's messages and the tool outputs submitted so far
	 * @return the answer; an empty {@code Mono} fails the run
	 */
	Mono<Reply> respond(RunContext context);

}
