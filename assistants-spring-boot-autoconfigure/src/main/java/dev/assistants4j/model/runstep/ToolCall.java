package dev.assistants4j.model.runstep;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A tool call a run step made: the code interpreter, file search or a function. Calls of a type this version
 * does not know (such as an undocumented {@code browser} call) decode to {@link Unknown}.
 */
public sealed interface ToolCall
		permits CodeInterpreterToolCall, FileSearchToolCall, FunctionToolCall, ToolCall.Unknown {

	/**
	 * Returns the call's id.
	 * @return the id, {@code call_...}, or {@code null} if the server sent none
	 */
	@Nullable String id();

	/**
	 * Returns the wire discriminator, such as {@code function}.
	 * @return the call type, or {@code null} for an unknown call sent without one
	 */
	@Nullable String type();

	/**
	 * A call of a type this version does not know; it keeps the raw JSON and writes it back unchanged.
	 *
	 * @param type the discriminator the server sent, if any
	 * @param raw the whole JSON value
	 */
	record Unknown(@Nullable String type, @JsonValue JsonNode raw) implements ToolCall {

		/**
		 * Returns the call's id, if the raw JSON has a string {@code id}.
		 * @return the id, or {@code null}
		 */
		@Override
		public @Nullable String id() {
			JsonNode id = this.raw.get("id");
			return (id != null && id.isString()) ? id.stringValue() : null;
		}

	}

}
