package dev.assistants4j.client;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.Page;
import dev.assistants4j.model.run.CreateRunRequest;
import dev.assistants4j.model.run.ModifyRunRequest;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.run.SubmitToolOutputsRequest;
import dev.assistants4j.stream.AssistantStreamEvent;
import dev.assistants4j.tool.ToolCallHandler;

/**
 * Operations on the runs of a thread ({@code /threads/{thread_id}/runs}). Arguments are checked when the
 * method is called and a bad one throws {@link IllegalArgumentException} before any I/O; failures of the
 * exchange are signalled as {@link AssistantsException} subclasses, such as {@link NotFoundException} for an
 * unknown thread or run. A run that fails while it runs (such as {@code rate_limit_exceeded}) is not an error
 * of the exchange: it comes back as a {@link Run} whose status is {@code failed} and whose {@code last_error}
 * says why.
 */
public interface RunOperations {

	/**
	 * Starts a run of an assistant on a thread. The run comes back at once, usually {@code queued}; retrieve it
	 * again to follow it.
	 * @param threadId the thread's id
	 * @param request the assistant to run and what to override for this run
	 * @return the created run, or a {@link NotFoundException} error for an unknown thread or assistant
	 */
	Mono<Run> create(String threadId, CreateRunRequest request);

	/**
	 * Starts a run of an assistant on a thread and streams its events as they happen: the run's status
	 * changes, its steps and messages, and the deltas that write them. The stream ends after {@code done},
	 * usually once the run has ended or, after {@code thread.run.requires_action}, waits for tool outputs
	 * (submit them with {@link #submitToolOutputsStream}). Fold the events with
	 * {@link dev.assistants4j.stream.RunStreamAccumulator}.
	 * @param threadId the thread's id
	 * @param request the assistant to run and what to override for this run
	 * @return the events; an {@link AssistantsStreamException} error for an {@code error} event or for a
	 * stream that ends without {@code done} while the run is still going, an {@link AssistantsTransportException}
	 * error when no event arrives within the stream idle timeout or the connection is lost, or a
	 * {@link NotFoundException} error for an unknown thread or assistant
	 */
	Flux<AssistantStreamEvent> createStream(String threadId, CreateRunRequest request);

	/**
	 * Starts a run and streams it to its end, answering its function calls with the handler: each time the run
	 * requires action, every requested call runs in parallel (bounded), all outputs are submitted in one
	 * request, and the events of the stream that the submission starts follow on the same {@code Flux}. A
	 * handler's error becomes the output {@code {"error": "..."}} and the run goes on, unless it is a
	 * {@link dev.assistants4j.tool.ToolCallAbortException}, which ends the stream with that error.
	 * @param threadId the id of the thread to run on
	 * @param request the assistant to run and what to override for this run
	 * @param handler answers the function calls
	 * @return the events of every stream of the run; errors as for {@link #createStream}, and an
	 * {@link AssistantsRunExpiredException} error if the run expired while its tools ran
	 */
	Flux<AssistantStreamEvent> createStream(String threadId, CreateRunRequest request, ToolCallHandler handler);

	/**
	 * Retrieves a run.
	 * @param threadId the id of the thread the run works on
	 * @param runId the run's id
	 * @return the run, or a {@link NotFoundException} error
	 */
	Mono<Run> retrieve(String threadId, String runId);

	/**
	 * Polls a run until the caller must act on it: it requires action ({@code requires_action}) or has ended
	 * ({@code cancelled}, {@code completed}, {@code failed}, {@code expired}, {@code incomplete}). Every other
	 * status keeps polling: {@code queued}, {@code in_progress}, {@code cancelling}, and a status this version
	 * does not know, which a server may add for a run still at work. Between two polls the client waits for the
	 * server's {@code openai-poll-after-ms} when it sent one, else for the poll interval
	 * ({@code openai.assistants.poll.interval}).
	 * @param threadId the id of the thread the run works on
	 * @param runId the run's id
	 * @return the run once it is in a state to act on; an {@link AssistantsPollTimeoutException} error, carrying
	 * the last run seen, when that takes longer than the poll timeout ({@code openai.assistants.poll.timeout});
	 * or the error of a failed request, such as {@link NotFoundException}
	 */
	Mono<Run> poll(String threadId, String runId);

	/**
	 * Starts a run and {@link #poll polls} it until the caller must act on it. The run is read again after the
	 * server's answer to the create request, whatever its status.
	 * @param threadId the thread's id
	 * @param request the assistant to run and what to override for this run
	 * @return the run once it is in a state to act on, or the errors of {@link #create} and {@link #poll}
	 */
	Mono<Run> createAndPoll(String threadId, CreateRunRequest request);

	/**
	 * Starts a run and carries it to its end, answering its function calls with the handler: polls it, and
	 * each time it requires action runs all the calls it waits for at once (at most eight in flight), submits
	 * every output in one request, and polls again. A handler's error becomes the call's output,
	 * {@code {"error":"<message>"}}, and the run goes on; a call of an unsupported tool type gets such an
	 * output too. The poll timeout applies to each wait for the run, not to the handler's own work.
	 * @param threadId the thread's id
	 * @param request the assistant to run and what to override for this run
	 * @param handler answers the function calls
	 * @return the run once it has ended ({@code completed}, {@code failed}, {@code cancelled},
	 * {@code incomplete}), or waits for an action other than tool outputs; the
	 * {@link dev.assistants4j.tool.ToolCallAbortException} a handler signalled; an
	 * {@link AssistantsRunExpiredException} error if the run expired while its tools ran; or the errors of
	 * {@link #create}, {@link #poll} and {@link #submitToolOutputs}
	 */
	Mono<Run> createAndPoll(String threadId, CreateRunRequest request, ToolCallHandler handler);

	/**
	 * Submits the outputs of the tool calls a run waits for and {@link #poll polls} the run until the caller
	 * must act on it again.
	 * @param threadId the id of the thread the run works on
	 * @param runId the run's id
	 * @param request the outputs
	 * @return the run once it is in a state to act on, or the errors of {@link #submitToolOutputs} and
	 * {@link #poll}
	 */
	Mono<Run> submitToolOutputsAndPoll(String threadId, String runId, SubmitToolOutputsRequest request);

	/**
	 * Modifies a run; only its metadata can change.
	 * @param threadId the id of the thread the run works on
	 * @param runId the run's id
	 * @param request the changes
	 * @return the modified run, or a {@link NotFoundException} error
	 */
	Mono<Run> update(String threadId, String runId, ModifyRunRequest request);

	/**
	 * Asks the server to cancel a run that is queued, in progress or waiting for tool outputs.
	 * @param threadId the id of the thread the run works on
	 * @param runId the run's id
	 * @return the run, usually {@code cancelling}; a {@link BadRequestException} error if the run has already
	 * ended, or a {@link NotFoundException} error
	 */
	Mono<Run> cancel(String threadId, String runId);

	/**
	 * Lists every run of a thread, newest first, fetching pages lazily as the subscriber asks for more.
	 * @param threadId the thread's id
	 * @return the runs, or a {@link NotFoundException} error for an unknown thread
	 */
	Flux<Run> list(String threadId);

	/**
	 * Lists every run of a thread from the given cursor, fetching pages lazily as the subscriber asks for more.
	 * @param threadId the thread's id
	 * @param params page size, order and cursor
	 * @return the runs, or a {@link NotFoundException} error for an unknown thread
	 */
	Flux<Run> list(String threadId, ListParams params);

	/**
	 * Fetches one page of the runs of a thread.
	 * @param threadId the thread's id
	 * @param params page size, order and cursor
	 * @return the page, or a {@link NotFoundException} error for an unknown thread
	 */
	Mono<Page<Run>> listPage(String threadId, ListParams params);

	/**
	 * Submits the outputs of the tool calls a run in {@code requires_action} waits for, so that it goes on.
	 * Submit the outputs of all of its {@link Run#requiredToolCalls() calls} in one request.
	 * @param threadId the id of the thread the run works on
	 * @param runId the run's id
	 * @param request the outputs
	 * @return the run, usually {@code queued} again; a {@link BadRequestException} error if the run does not
	 * wait for these outputs, or a {@link NotFoundException} error
	 */
	Mono<Run> submitToolOutputs(String threadId, String runId, SubmitToolOutputsRequest request);

	/**
	 * Submits the outputs of the tool calls a streamed run in {@code requires_action} waits for, and streams
	 * the rest of the run as {@link #createStream} does, until it ends or requires action again.
	 * @param threadId the id of the thread the run works on
	 * @param runId the run's id
	 * @param request the outputs of all of the calls
	 * @return the events; errors as for {@link #createStream}, and a {@link BadRequestException} error if the
	 * run does not wait for these outputs
	 */
	Flux<AssistantStreamEvent> submitToolOutputsStream(String threadId, String runId,
			SubmitToolOutputsRequest request);

}
