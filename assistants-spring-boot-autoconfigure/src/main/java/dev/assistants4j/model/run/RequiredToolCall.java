package dev.assistants4j.model.run;

import org.jspecify.annotations.Nullable;

/**
 * A tool call a run in {@code requires_action} waits for: the caller runs the function and submits its output
 * under this call's {@code id}.
 *
 * @param id the call's id, {@code call_...}, to quote in the tool output
 * @param type the kind of call; {@code function} for every call the API makes today
 * @param function the function to call and its arguments
 */
public record RequiredToolCall(@Nullable String id, @Nullable String type, @Nullable Function function) {

	/**
	 * A function the model asks the caller to run.
	 *
	 * @param name the function's name
	 * @param arguments the arguments as JSON text, as the model wrote them (not guaranteed to be valid JSON)
	 */
	public record Function(@Nullable String name, @Nullable String arguments) {
	}

}
