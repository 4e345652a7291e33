package dev.assistants4j.model.runstep;

import com.fasterxml.jackson.annotation.JsonCreator;

import dev.assistants4j.model.OpenEnum;

/**
 * The status of a run step: an open enumeration.
 */
public final class RunStepStatus extends OpenEnum {

	/** The step is working. */
	public static final RunStepStatus IN_PROGRESS = new RunStepStatus("in_progress");

	/** The step was cancelled with its run. */
	public static final RunStepStatus CANCELLED = new RunStepStatus("cancelled");

	/** The step failed; see its {@code last_error}. */
	public static final RunStepStatus FAILED = new RunStepStatus("failed");

	/** The step completed. */
	public static final RunStepStatus COMPLETED = new RunStepStatus("completed");

	/** The step expired with its run. */
	public static final RunStepStatus EXPIRED = new RunStepStatus("expired");

	private RunStepStatus(String value) {
		super(value);
	}

	/**
	 * Returns the status for a wire value, known or not.
	 * @param value the wire value
	 * @return the status
	 */
	@JsonCreator
	public static RunStepStatus of(String value) {
		return new RunStepStatus(value);
	}

}
