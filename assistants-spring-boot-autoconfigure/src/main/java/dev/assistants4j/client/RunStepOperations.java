package dev.assistants4j.client;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.assistants4j.model.Page;
import dev.assistants4j.model.runstep.RunStep;
import dev.assistants4j.model.runstep.RunStepListParams;

/**
 * Operations on the steps of a run ({@code /threads/{thread_id}/runs/{run_id}/steps}). Arguments are checked
 * when the method is called and a bad one throws {@link IllegalArgumentException} before any I/O; failures of
 * the exchange are signalled as {@link AssistantsException} subclasses, such as {@link NotFoundException} for
 * an unknown thread, run or step.
 */
public interface RunStepOperations {

	/**
	 * Lists every step of a run, newest first, fetching pages lazily as the subscriber asks for more.
	 * @param threadId the id of the thread the run works on
	 * @param runId the run's id
	 * @return the steps, or a {@link NotFoundException} error for an unknown thread or run
	 */
	Flux<RunStep> list(String threadId, String runId);

	/**
	 * Lists every step of a run from the given cursor, fetching pages lazily as the subscriber asks for more.
	 * @param threadId the id of the thread the run works on
	 * @param runId the run's id
	 * @param params page size, order, cursor and the fields to include
	 * @return the steps, or a {@link NotFoundException} error for an unknown thread or run
	 */
	Flux<RunStep> list(String threadId, String runId, RunStepListParams params);

	/**
	 * Fetches one page of the steps of a run.
	 * @param threadId the id of the thread the run works on
	 * @param runId the run's id
	 * @param params page size, order, cursor and the fields to include
	 * @return the page, or a {@link NotFoundException} error for an unknown thread or run
	 */
	Mono<Page<RunStep>> listPage(String threadId, String runId, RunStepListParams params);

	/**
	 * Retrieves a step of a run.
	 * @param threadId the id of the thread the run works on
	 * @param runId the run's id
	 * @param stepId the step's id
	 * @return the step, or a {@link NotFoundException} error
	 */
	Mono<RunStep> retrieve(String threadId, String runId, String stepId);

	/**
	 * Retrieves a step of a run with fields the server leaves out by default.
	 * @param threadId the id of the thread the run works on
	 * @param runId the run's id
	 * @param stepId the step's id
	 * @param include the fields to include, such as {@link RunStepListParams#FILE_SEARCH_RESULT_CONTENT}, sent
	 * as {@code include[]}
	 * @return the step, or a {@link NotFoundException} error
	 */
	Mono<RunStep> retrieve(String threadId, String runId, String stepId, List<String> include);

}
