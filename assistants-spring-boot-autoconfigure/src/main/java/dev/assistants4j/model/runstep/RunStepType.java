package dev.assistants4j.model.runstep;

import com.fasterxml.jackson.annotation.JsonCreator;

import dev.assistants4j.model.OpenEnum;

/**
 * The kind of a run step: an open enumeration.
 */
public final class RunStepType extends OpenEnum {

	/** The step created a message. */
	public static final RunStepType MESSAGE_CREATION = new RunStepType("message_creation");

	/** The step called tools. */
	public static final RunStepType TOOL_CALLS = new RunStepType("tool_calls");

	private RunStepType(String value) {
		super(value);
	}

	/**
	 * Returns the type for a wire value, known or not.
	 * @param value the wire value
	 * @return the step type
	 */
	@JsonCreator
	public static RunStepType of(String value) {
		return new RunStepType(value);
	}

}
