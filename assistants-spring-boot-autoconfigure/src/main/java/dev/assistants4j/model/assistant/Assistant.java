package dev.assistants4j.model.assistant;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import dev.assistants4j.model.WireLists;
import dev.assistants4j.model.tool.Tool;
import dev.assistants4j.model.tool.ToolResources;

/**
 * An assistant: a model with instructions and tools.
 *
 * @param id the assistant's id, {@code asst_...}
 * @param object always {@code assistant}
 * @param createdAt creation time in epoch seconds
 * @param name the assistant's name
 * @param description the assistant's description
 * @param model the model id
 * @param instructions the system instructions
 * @param tools the enabled tools, never {@code null}
 * @param toolResources resources of the tools
 * @param metadata key-value pairs, never {@code null}
 * @param temperature sampling temperature, 0 to 2
 * @param topP nucleus sampling mass
 * @param responseFormat the format of answers
 * @param reasoningEffort reasoning effort for reasoning models
 */
public record Assistant(@Nullable String id, @Nullable String object,
		@JsonProperty("created_at") @Nullable Long createdAt, @Nullable String name, @Nullable String description,
		@Nullable String model, @Nullable String instructions, List<Tool> tools,
		@JsonProperty("tool_resources") @Nullable ToolResources toolResources, Map<String, String> metadata,
		@Nullable Double temperature, @JsonProperty("top_p") @Nullable Double topP,
		@JsonProperty("response_format") @Nullable ResponseFormat responseFormat,
		@JsonProperty("reasoning_effort") @Nullable ReasoningEffort reasoningEffort) {

	/**
	 * Normalizes absent collections to empty ones.
	 */
	public Assistant {
		tools = WireLists.copyOfNonNull(tools);
		metadata = (metadata != null) ? metadata : Map.of();
	}

	/**
	 * Returns the creation time.
	 * @return the creation time, or {@code null} if the server did not send it
	 */
	public @Nullable Instant createdAtInstant() {
		return (this.createdAt != null) ? Instant.ofEpochSecond(this.createdAt) : null;
	}

}
