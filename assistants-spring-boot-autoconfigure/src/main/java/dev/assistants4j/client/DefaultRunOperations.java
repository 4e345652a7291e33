package dev.assistants4j.client;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.Page;
import dev.assistants4j.model.run.CreateRunRequest;
import dev.assistants4j.model.run.ModifyRunRequest;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.run.SubmitToolOutputsRequest;
import dev.assistants4j.stream.AssistantStreamEvent;

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

	DefaultRunOperations(ApiTransport transport) {
		this.transport = transport;
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
	public Mono<Run> retrieve(String threadId, String runId) {
		return this.transport.get(RUN, Run.class, id(threadId, "threadId"), id(runId, "runId"));
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

}
