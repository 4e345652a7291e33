package dev.assistants4j.model.run;

import com.fasterxml.jackson.annotation.JsonCreator;

import dev.assistants4j.model.OpenEnum;

/**
 * Why a run is incomplete, naming the token limit it reached: an open enumeration.
 */
public final class RunIncompleteReason extends OpenEnum {

	/** The run reached its {@code max_completion_tokens}. */
	public static final RunIncompleteReason MAX_COMPLETION_TOKENS = new RunIncompleteReason("max_completion_tokens");

	/** The run reached its {@code max_prompt_tokens}. */
	public static final RunIncompleteReason MAX_PROMPT_TOKENS = new RunIncompleteReason("max_prompt_tokens");

	private RunIncompleteReason(String value) {
		super(value);
	}

	/**
	 * Returns the reason for a wire value, known or not.
	 * @param value the wire value
	 * @return the reason
	 */
	@JsonCreator
	public static RunIncompleteReason of(String value) {
		return new RunIncompleteReason(value);
	}

}
