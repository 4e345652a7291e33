package dev.assistants4j.client;

import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.Page;
import dev.assistants4j.model.run.CreateRunRequest;
import dev.assistants4j.model.run.ModifyRunRequest;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.run.RunStatus;
import dev.assistants4j.model.run.SubmitToolOutputsRequest;
import dev.assistants4j.stream.AssistantStreamEvent;
import dev.assistants4j.tool.ToolCallHandler;

import static dev.assistants4j.client.ApiTransport.id;
import static dev.assistants4j.client.ApiTransport.listQuery;

/**
 * Default {@link RunOperations}.
 */
final class DefaultRunOperations implements RunOperations {

	private static final String RUNS = "/threads/{thread_id}/runs";

	private static final String RUN = "/threads/{thread_id}/runs/{run_id}";

	private static final String CANCEL = "/threads/{thread_id}/runs/{run_id}/cancel";

	private static final String SUBMIT_TOOL_OUTPUTS = "/threads/{thread_id}/runs/{run_id}/submit_tool_outputs";

	private final ApiTransport transport;

	private final Poller poller;

	DefaultRunOperations(ApiTransport transport, Poller poller) {
		this.transport = transport;
		this.poller = poller;
	}

	@Override
	public Mono<Run> create(String threadId, CreateRunRequest request) {
		Assert.notNull(request, "'request' must not be null");
		return this.transport.post(RUNS, request, Run.class, id(threadId, "threadId"));
	}

	@Override
	public Flux<AssistantStreamEvent> createStream(String threadId, CreateRunRequest request) {
		return this.transport.runStream(RUNS, request, id(threadId, "threadId"));
	}

	@Override
	public Flux<AssistantStreamEvent> createStream(String threadId, CreateRunRequest request,
			ToolCallHandler handler) {
		Assert.notNull(handler, "'handler' must not be null");
		return withToolCalls(createStream(threadId, request), new ToolCallRunner(handler));
	}

	@Override
	public Mono<Run> retrieve(String threadId, String runId) {
		return this.transport.get(RUN, Run.class, id(threadId, "threadId"), id(runId, "runId"));
	}

	@Override
	public Mono<Run> poll(String threadId, String runId) {
		String thread = id(threadId, "threadId");
		String run = id(runId, "runId");
		return pollRun(this.poller, run, this.transport.getResponse(RUN, Run.class, thread, run));
	}

	@Override
	public Mono<Run> createAndPoll(String threadId, CreateRunRequest request) {
		return create(threadId, request).flatMap((run) -> follow(threadId, run, null));
	}

	@Override
	public Mono<Run> createAndPoll(String threadId, CreateRunRequest request, ToolCallHandler handler) {
		Assert.notNull(handler, "'handler' must not be null");
		return create(threadId, request).flatMap((run) -> follow(threadId, run, handler));
	}

	@Override
	public Mono<Run> submitToolOutputsAndPoll(String threadId, String runId, SubmitToolOutputsRequest request) {
		return submitToolOutputs(threadId, runId, request).then(poll(threadId, runId));
	}

	@Override
	public Mono<Run> update(String threadId, String runId, ModifyRunRequest request) {
		Assert.notNull(request, "'request' must not be null");
		return this.transport.post(RUN, request, Run.class, id(threadId, "threadId"), id(runId, "runId"));
	}

	@Override
	public Mono<Run> cancel(String threadId, String runId) {
		// No body, as the API documents it: cancel takes no parameters.
		return this.transport.post(CANCEL, null, Run.class, id(threadId, "threadId"), id(runId, "runId"));
	}

	@Override
	public Flux<Run> list(String threadId) {
		return list(threadId, ListParams.none());
	}

	@Override
	public Flux<Run> list(String threadId, ListParams params) {
		return this.transport.list(RUNS, listQuery(params), Run.class, Run::id, id(threadId, "threadId"));
	}

	@Override
	public Mono<Page<Run>> listPage(String threadId, ListParams params) {
		return this.transport.page(RUNS, listQuery(params), Run.class, id(threadId, "threadId"));
	}

	@Override
	public Mono<Run> submitToolOutputs(String threadId, String runId, SubmitToolOutputsRequest request) {
		Assert.notNull(request, "'request' must not be null");
		return this.transport.post(SUBMIT_TOOL_OUTPUTS, request, Run.class, id(threadId, "threadId"),
				id(runId, "runId"));
	}

	@Override
	public Flux<AssistantStreamEvent> submitToolOutputsStream(String threadId, String runId,
			SubmitToolOutputsRequest request) {
		return this.transport.runStream(SUBMIT_TOOL_OUTPUTS, request, id(threadId, "threadId"), id(runId, "runId"));
	}

	/**
	 * Polls a run until the caller must act on it; any other status, an unknown one included, may still change.
	 */
	static Mono<Run> pollRun(Poller poller, String runId, Mono<ApiResponse<Run>> fetch) {
		return poller.poll("run " + runId, fetch,
				(run) -> run.status() != null && (run.status().requiresAction() || run.status().isTerminal()),
				Run::status);
	}

	/**
	 * Polls a run the server has just created, re-reading it whatever its status; with a handler, then runs
	 * the function-calling loop until the run no longer waits for tool outputs.
	 * @param threadId the run's thread, or {@code null} to take it from the run
	 */
	Mono<Run> follow(@Nullable String threadId, Run created, @Nullable ToolCallHandler handler) {
		String thread = (threadId != null) ? threadId : created.threadId();
		String run = created.id();
		if (thread == null || thread.isBlank() || run == null || run.isBlank()) {
			return Mono.error(new AssistantsDecodingException("The server answered a run without its id or its "
					+ "thread's id, so it cannot be polled", null));
		}
		Mono<Run> polled = poll(thread, run);
		if (handler == null) {
			return polled;
		}
		ToolCallRunner runner = new ToolCallRunner(handler);
		return polled.flatMap((current) -> runner.complete(current,
				(outputs) -> submitInLoop(thread, run, outputs)));
	}

	/**
	 * Follows a run's stream with the streams of its tool-call rounds: once the stream ends with the run
	 * waiting for tool outputs, runs the calls, submits their outputs and goes on with the stream that starts.
	 */
	Flux<AssistantStreamEvent> withToolCalls(Flux<AssistantStreamEvent> stream, ToolCallRunner runner) {
		return Flux.defer(() -> {
			AtomicReference<@Nullable Run> waiting = new AtomicReference<>();
			return stream.doOnNext((event) -> {
				if (event instanceof AssistantStreamEvent.RunEvent runEvent) {
					waiting.set(ToolCallRunner.awaitsToolOutputs(runEvent.run()) ? runEvent.run() : null);
				}
			}).concatWith(Flux.defer(() -> {
				Run run = waiting.get();
				if (run == null) {
					return Flux.empty();
				}
				String threadId = run.threadId();
				String runId = run.id();
				if (threadId == null || threadId.isBlank() || runId == null || runId.isBlank()) {
					return Flux.error(new AssistantsDecodingException("The stream sent a run that requires action "
							+ "without its id or its thread's id, so its tool outputs cannot be submitted", null));
				}
				return runner.outputs(run).flatMapMany((outputs) -> withToolCalls(
						submitToolOutputsStream(threadId, runId, outputs)
							.onErrorResume(BadRequestException.class,
									(refusal) -> explainRefusal(threadId, runId, refusal).thenMany(Flux.empty())),
						runner));
			}));
		});
	}

	/**
	 * Submits a round's outputs and polls.
	 */
	private Mono<Run> submitInLoop(String threadId, String runId, SubmitToolOutputsRequest outputs) {
		return submitToolOutputs(threadId, runId, outputs)
			.onErrorResume(BadRequestException.class, (refusal) -> explainRefusal(threadId, runId, refusal))
			.then(poll(threadId, runId));
	}

	/**
	 * A run that ended while its tools ran refuses their outputs with a 400; reading it again tells that apart
	 * from outputs it rejects. Completes with the run if it has ended, fails if it expired or still waits.
	 */
	private Mono<Run> explainRefusal(String threadId, String runId, BadRequestException refusal) {
		return retrieve(threadId, runId).flatMap((run) -> {
			if (RunStatus.EXPIRED.equals(run.status())) {
				return Mono.error(ToolCallRunner.expired(run, refusal));
			}
			boolean ended = run.status() != null && run.status().isTerminal();
			return ended ? Mono.just(run) : Mono.error(refusal);
		});
	}

}
