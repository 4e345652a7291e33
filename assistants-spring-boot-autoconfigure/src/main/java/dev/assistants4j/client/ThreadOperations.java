package dev.assistants4j.client;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.assistants4j.model.DeletionStatus;
import dev.assistants4j.model.run.CreateThreadAndRunRequest;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.thread.AssistantThread;
import dev.assistants4j.model.thread.CreateThreadRequest;
import dev.assistants4j.model.thread.ModifyThreadRequest;
import dev.assistants4j.stream.AssistantStreamEvent;
import dev.assistants4j.tool.ToolCallHandler;

/**
 * Operations on threads ({@code /threads}). Arguments are checked when the method is called and a bad one
 * throws {@link IllegalArgumentException} before any I/O; failures of the exchange are signalled as
 * {@link AssistantsException} subclasses, such as {@link NotFoundException} for an unknown id.
 */
public interface ThreadOperations {

	/**
	 * Creates an empty thread.
	 * @return the created thread
	 */
	Mono<AssistantThread> create();

	/**
	 * Creates a thread, optionally with messages, tool resources and metadata.
	 * @param request the thread to create
	 * @return the created thread
	 */
	Mono<AssistantThread> create(CreateThreadRequest request);

	/**
	 * Retrieves a thread.
	 * @param threadId the thread's id
	 * @return the thread, or a {@link NotFoundException} error
	 */
	Mono<AssistantThread> retrieve(String threadId);

	/**
	 * Modifies a thread; only the values set in the request change.
	 * @param threadId the thread's id
	 * @param request the changes
	 * @return the modified thread, or a {@link NotFoundException} error
	 */
	Mono<AssistantThread> update(String threadId, ModifyThreadRequest request);

	/**
	 * Deletes a thread and its messages.
	 * @param threadId the thread's id
	 * @return the deletion status, or a {@link NotFoundException} error
	 */
	Mono<DeletionStatus> delete(String threadId);

	/**
	 * Creates a thread and starts a run of an assistant on it in one call. The run comes back at once, usually
	 * {@code queued}, with the new thread's id in {@link Run#threadId()}.
	 * @param request the assistant to run, the thread to create and what to override for this run
	 * @return the created run, or a {@link NotFoundException} error for an unknown assistant
	 */
	Mono<Run> createAndRun(CreateThreadAndRunRequest request);

	/**
	 * Creates a thread, starts a run on it and {@link RunOperations#poll polls} the run until the caller must
	 * act on it.
	 * @param request the assistant to run, the thread to create and what to override for this run
	 * @return the run once it is in a state to act on, or the errors of {@link #createAndRun} and
	 * {@link RunOperations#poll}
	 */
	Mono<Run> createAndRunAndPoll(CreateThreadAndRunRequest request);

	/**
	 * Creates a thread, starts a run on it and carries the run to its end, answering its function calls with
	 * the handler, as {@link RunOperations#createAndPoll(String, dev.assistants4j.model.run.CreateRunRequest,
	 * ToolCallHandler)} does.
	 * @param request the assistant to run, the thread to create and what to override for this run
	 * @param handler answers the function calls
	 * @return the run once it has ended, with the errors that {@code runs().createAndPoll} with a handler
	 * signals
	 */
	Mono<Run> createAndRunAndPoll(CreateThreadAndRunRequest request, ToolCallHandler handler);

	/**
	 * Creates a thread and starts a run of an assistant on it, streaming the events as
	 * {@link RunOperations#createStream} does, the first of them {@code thread.created}.
	 * @param request the assistant to run, the thread to create and what to override for this run
	 * @return the events; errors as for {@link RunOperations#createStream}, such as a {@link NotFoundException}
	 * error for an unknown assistant
	 */
	Flux<AssistantStreamEvent> createAndRunStream(CreateThreadAndRunRequest request);

	/**
	 * Creates a thread, starts a run on it and streams the run to its end, answering its function calls with
	 * the handler, as {@link RunOperations#createStream(String, dev.assistants4j.model.run.CreateRunRequest,
	 * ToolCallHandler)} does.
	 * @param request the assistant to run, the thread to create and what to override for this run
	 * @param handler answers the function calls
	 * @return the events of every stream of the run, the first of them {@code thread.created}; errors as for
	 * {@code runs().createStream} with a handler
	 */
	Flux<AssistantStreamEvent> createAndRunStream(CreateThreadAndRunRequest request, ToolCallHandler handler);

}
