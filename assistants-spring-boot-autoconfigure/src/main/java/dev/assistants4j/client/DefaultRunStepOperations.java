package dev.assistants4j.client;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import dev.assistants4j.model.Page;
import dev.assistants4j.model.runstep.RunStep;
import dev.assistants4j.model.runstep.RunStepListParams;

import static dev.assistants4j.client.ApiTransport.id;
import static dev.assistants4j.client.ApiTransport.listQuery;

/**
 * Default {@link RunStepOperations}.
 */
final class DefaultRunStepOperations implements RunStepOperations {

	private static final String STEPS = "/threads/{thread_id}/runs/{run_id}/steps";

	private static final String STEP = "/threads/{thread_id}/runs/{run_id}/steps/{step_id}";

	// The API names array parameters with brackets; they go out percent-encoded, as most clients send them.
	private static final String INCLUDE = "include[]";

	private final ApiTransport transport;

	DefaultRunStepOperations(ApiTransport transport) {
		this.transport = transport;
	}

	@Override
	public Flux<RunStep> list(String threadId, String runId) {
		return list(threadId, runId, RunStepListParams.none());
	}

	@Override
	public Flux<RunStep> list(String threadId, String runId, RunStepListParams params) {
		return this.transport.list(STEPS, query(params), RunStep.class, RunStep::id, id(threadId, "threadId"),
				id(runId, "runId"));
	}

	@Override
	public Mono<Page<RunStep>> listPage(String threadId, String runId, RunStepListParams params) {
		return this.transport.page(STEPS, query(params), RunStep.class, id(threadId, "threadId"), id(runId, "runId"));
	}

	@Override
	public Mono<RunStep> retrieve(String threadId, String runId, String stepId) {
		return retrieve(threadId, runId, stepId, List.of());
	}

	@Override
	public Mono<RunStep> retrieve(String threadId, String runId, String stepId, List<String> include) {
		Assert.notNull(include, "'include' must not be null");
		include.forEach((field) -> Assert.hasText(field, "'include' must not contain blank fields"));
		return this.transport.get(STEP, include(new LinkedMultiValueMap<>(), include), RunStep.class,
				id(threadId, "threadId"), id(runId, "runId"), id(stepId, "stepId"));
	}

	private static MultiValueMap<String, String> query(RunStepListParams params) {
		Assert.notNull(params, "'params' must not be null");
		return include(listQuery(params.paging()), params.include());
	}

	private static MultiValueMap<String, String> include(MultiValueMap<String, String> query, List<String> include) {
		include.forEach((field) -> query.add(INCLUDE, field));
		return query;
	}

}
