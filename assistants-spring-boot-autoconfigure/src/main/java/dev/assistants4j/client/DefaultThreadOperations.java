package dev.assistants4j.client;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

import dev.assistants4j.model.DeletionStatus;
import dev.assistants4j.model.run.CreateThreadAndRunRequest;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.thread.AssistantThread;
import dev.assistants4j.model.thread.CreateThreadRequest;
import dev.assistants4j.model.thread.ModifyThreadRequest;
import dev.assistants4j.stream.AssistantStreamEvent;
import dev.assistants4j.tool.ToolCallHandler;

import static dev.assistants4j.client.ApiTransport.id;

/**
 * Default {@link ThreadOperations}.
 */
final class DefaultThreadOperations implements ThreadOperations {

	private static final String THREADS = "/threads";

	private static final String THREAD = "/threads/{thread_id}";

	private static final String THREAD_RUNS = "/threads/runs";

	// An empty object rather than no body: some compatible servers reject a JSON request without one.
	private static final CreateThreadRequest EMPTY = CreateThreadRequest.builder().build();

	private final ApiTransport transport;

	private final DefaultRunOperations runs;

	DefaultThreadOperations(ApiTransport transport, DefaultRunOperations runs) {
		this.transport = transport;
		this.runs = runs;
	}

	@Override
	public Mono<AssistantThread> create() {
		return create(EMPTY);
	}

	@Override
	public Mono<AssistantThread> create(CreateThreadRequest request) {
		Assert.notNull(request, "'request' must not be null");
		return this.transport.post(THREADS, request, AssistantThread.class);
	}

	@Override
	public Mono<AssistantThread> retrieve(String threadId) {
		return this.transport.get(THREAD, AssistantThread.class, id(threadId, "threadId"));
	}

	@Override
	public Mono<AssistantThread> update(String threadId, ModifyThreadRequest request) {
		Assert.notNull(request, "'request' must not be null");
		return this.transport.post(THREAD, request, AssistantThread.class, id(threadId, "threadId"));
	}

	@Override
	public Mono<DeletionStatus> delete(String threadId) {
		return this.transport.delete(THREAD, DeletionStatus.class, id(threadId, "threadId"));
	}

	@Override
	public Mono<Run> createAndRun(CreateThreadAndRunRequest request) {
		Assert.notNull(request, "'request' must not be null");
		return this.transport.post(THREAD_RUNS, request, Run.class);
	}

	@Override
	public Mono<Run> createAndRunAndPoll(CreateThreadAndRunRequest request) {
		return createAndRun(request).flatMap((run) -> this.runs.follow(null, run, null));
	}

	@Override
	public Mono<Run> createAndRunAndPoll(CreateThreadAndRunRequest request, ToolCallHandler handler) {
		Assert.notNull(handler, "'handler' must not be null");
		return createAndRun(request).flatMap((run) -> this.runs.follow(null, run, handler));
	}

	@Override
	public Flux<AssistantStreamEvent> createAndRunStream(CreateThreadAndRunRequest request) {
		return this.transport.runStream(THREAD_RUNS, request);
	}

	@Override
	public Flux<AssistantStreamEvent> createAndRunStream(CreateThreadAndRunRequest request,
			ToolCallHandler handler) {
		Assert.notNull(handler, "'handler' must not be null");
		return this.runs.withToolCalls(createAndRunStream(request), new ToolCallRunner(handler));
	}

}
