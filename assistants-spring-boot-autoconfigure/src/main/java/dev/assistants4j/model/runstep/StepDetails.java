package dev.assistants4j.model.runstep;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.assistants4j.model.WireLists;

/**
 * What a run step did: created a message, or called tools. Details of a type this version does not know
 * decode to {@link Unknown}.
 */
public sealed interface StepDetails
		permits StepDetails.MessageCreation, StepDetails.ToolCalls, StepDetails.Unknown {

	/**
	 * Returns the wire discriminator, such as {@code tool_calls}.
	 * @return the details type, or {@code null} for unknown details sent without one
	 */
	@Nullable String type();

	/**
	 * The step created a message ({@code type: message_creation}); a delta of a streamed step sends it whole.
	 *
	 * @param messageCreation the message created
	 */
	record MessageCreation(@JsonProperty("message_creation") @Nullable CreatedMessage messageCreation)
			implements StepDetails, StepDetailsDelta {

		@Override
		@JsonProperty("type")
		public String type() {
			return "message_creation";
		}

	}

	/**
	 * The message a step created.
	 *
	 * @param messageId id of the message
	 */
	record CreatedMessage(@JsonProperty("message_id") @Nullable String messageId) {
	}

	/**
	 * The step called tools ({@code type: tool_calls}).
	 *
	 * @param toolCalls the calls, never {@code null}
	 */
	record ToolCalls(@JsonProperty("tool_calls") List<ToolCall> toolCalls) implements StepDetails {

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
	record Unknown(@Nullable String type, @JsonValue JsonNode raw) implements StepDetails {
	}

}
