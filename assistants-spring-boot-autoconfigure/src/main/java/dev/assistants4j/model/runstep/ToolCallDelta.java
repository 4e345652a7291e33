package dev.assistants4j.model.runstep;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.assistants4j.model.WireLists;

/**
 * A change to one tool call of a run step, at the call's {@code index} in the step's calls. The first delta of
 * a call carries its {@code id}; later ones carry more of its code, arguments or outputs, to be appended.
 * Calls of a type this version does not know decode to {@link Unknown}.
 */
public sealed interface ToolCallDelta permits ToolCallDelta.CodeInterpreter, ToolCallDelta.FileSearch,
		ToolCallDelta.Function, ToolCallDelta.Unknown {

	/**
	 * Returns the index of the call this delta changes.
	 * @return the index, or {@code null} if the server sent none
	 */
	@Nullable Integer index();

	/**
	 * Returns the wire discriminator, such as {@code function}.
	 * @return the call type, or {@code null} for an unknown call sent without one
	 */
	@Nullable String type();

	/**
	 * A change to a code interpreter call ({@code type: code_interpreter}).
	 *
	 * @param index index of the call
	 * @param id the call's id, in its first delta
	 * @param codeInterpreter more code and new outputs
	 */
	record CodeInterpreter(@Nullable Integer index, @Nullable String id,
			@JsonProperty("code_interpreter") @Nullable CodeInterpreterDelta codeInterpreter) implements ToolCallDelta {

		@Override
		@JsonProperty("type")
		public String type() {
			return CodeInterpreterToolCall.TYPE;
		}

	}

	/**
	 * More code of a code interpreter call and its new outputs.
	 *
	 * @param input code to append to the call's input
	 * @param outputs outputs, each at its {@code index}, never {@code null}
	 */
	record CodeInterpreterDelta(@Nullable String input, List<CodeInterpreterOutputDelta> outputs) {

		/**
		 * Normalizes absent outputs to an empty list.
		 */
		public CodeInterpreterDelta {
			outputs = WireLists.copyOfNonNull(outputs);
		}

	}

	/**
	 * A change to a file search call ({@code type: file_search}).
	 *
	 * @param index index of the call
	 * @param id the call's id, in its first delta
	 * @param fileSearch the search, usually empty while the run streams
	 */
	record FileSearch(@Nullable Integer index, @Nullable String id,
			@JsonProperty("file_search") FileSearchToolCall.@Nullable FileSearch fileSearch) implements ToolCallDelta {

		@Override
		@JsonProperty("type")
		public String type() {
			return FileSearchToolCall.TYPE;
		}

	}

	/**
	 * A change to a function call ({@code type: function}): its name in the first delta, then pieces of its
	 * arguments to append, and its output once submitted.
	 *
	 * @param index index of the call
	 * @param id the call's id, in its first delta
	 * @param function the function's name, a piece of its arguments, or its output
	 */
	record Function(@Nullable Integer index, @Nullable String id,
			FunctionToolCall.@Nullable Function function) implements ToolCallDelta {

		@Override
		@JsonProperty("type")
		public String type() {
			return FunctionToolCall.TYPE;
		}

	}

	/**
	 * A call of a type this version does not know; it keeps the raw JSON and writes it back unchanged.
	 *
	 * @param type the discriminator the server sent, if any
	 * @param raw the whole JSON value
	 */
	record Unknown(@Nullable String type, @JsonValue JsonNode raw) implements ToolCallDelta {

		// Read from the raw JSON, so that a delta of an unknown type still merges at its index.
		@Override
		public @Nullable Integer index() {
			JsonNode index = this.raw.get("index");
			return (index != null && index.isIntegralNumber() && index.canConvertToInt()) ? index.intValue() : null;
		}

	}

}
