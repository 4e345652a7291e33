package dev.assistants4j.model.runstep;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.assistants4j.model.WireLists;

/**
 * A change to the details of a run step: the message it creates ({@link StepDetails.MessageCreation}, the same
 * as in a step), or its tool calls. Details of a type this version does not know decode to {@link Unknown}.
 */
public sealed interface StepDetailsDelta
		permits StepDetails.MessageCreation, StepDetailsDelta.ToolCalls, StepDetailsDelta.Unknown {

	/**
	 * Returns the wire discriminator, such as {@code tool_calls}.
	 * @return the details type, or {@code null} for unknown details sent without one
	 */
	@Nullable String type();

	/**
	 * Changes to the step's tool calls ({@code type: tool_calls}).
	 *
	 * @param toolCalls the calls that changed, each at its {@code index}, never {@code null}
	 */
	record ToolCalls(@JsonProperty("tool_calls") List<ToolCallDelta> toolCalls) implements StepDetailsDelta {

		/**
		 * Normalizes absent tool calls to an empty list.
		 */
		public ToolCalls {
			toolCalls = WireLists.copyOfNonNull(toolCalls);
		}

		@Override
		@JsonProperty("type")
		public String type() {
			return "tool_calls";
		}

	}

	/**
	 * Details of a type this version does not know; they keep the raw JSON and write it back unchanged.
	 *
	 * @param type the discriminator the server sent, if any
	 * @param raw the whole JSON value
	 */
	record Unknown(@Nullable String type, @JsonValue JsonNode raw) implements StepDetailsDelta {
	}

}
