package dev.assistants4j.model.assistant;

import com.fasterxml.jackson.annotation.JsonCreator;

import dev.assistants4j.model.OpenEnum;

/**
 * How much reasoning a reasoning model spends: an open enumeration.
 */
public final class ReasoningEffort extends OpenEnum {

	/** No reasoning. */
	public static final ReasoningEffort NONE = new ReasoningEffort("none");

	/** Minimal reasoning. */
	public static final ReasoningEffort MINIMAL = new ReasoningEffort("minimal");

	/** Low reasoning effort. */
	public static final ReasoningEffort LOW = new ReasoningEffort("low");

	/** Medium reasoning effort (the default). */
	public static final ReasoningEffort MEDIUM = new ReasoningEffort("medium");

	/** High reasoning effort. */
	public static final ReasoningEffort HIGH = new ReasoningEffort("high");

	private ReasoningEffort(String value) {
		super(value);
	}

	/**
	 * Returns the effort for a wire value, known or not.
	 * @param value the wire value
	 * @return the reasoning effort
	 */
	@JsonCreator
	public static ReasoningEffort of(String value) {
		return new ReasoningEffort(value);
	}

}
