package dev.assistants4j.model.runstep;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A change to a run step while a streamed run makes it ({@code thread.run.step.delta}), such as more of a
 * function call's arguments.
 *
 * @param id id of the step that changes
 * @param object always {@code thread.run.step.delta}
 * @param delta what changed
 */
public record RunStepDelta(@Nullable String id, @Nullable String object, @Nullable Delta delta) {

	/**
	 * The fields of a run step that changed.
	 *
	 * @param stepDetails the change to the step's details
	 */
	public record Delta(@JsonProperty("step_details") @Nullable StepDetailsDelta stepDetails) {
	}

}
