package dev.assistants4j.model.assistant;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.assistants4j.model.tool.Tool;
import dev.assistants4j.model.tool.ToolResources;

/**
 * Request to modify an assistant: only the values that were set are sent, so everything else stays as the
 * server has it (an unset {@code tools} never clears the assistant's tools).
 *
 * @param model the model id, such as {@code gpt-4o}
 * @param name the assistant's name, at most 256 characters
 * @param description the assistant's description, at most 512 characters
 * @param instructions the system instructions, at most 256,000 characters
 * @param reasoningEffort reasoning effort for reasoning models
 * @param tools the tools to enable, at most 128
 * @param toolResources resources of the tools
 * @param metadata up to 16 key-value pairs
 * @param temperature sampling temperature, 0 to 2
 * @param topP nucleus sampling mass, 0 to 1
 * @param responseFormat the format of answers
 */
public record ModifyAssistantRequest(@Nullable String model,
		@Nullable String name,
		@Nullable String description,
		@Nullable String instructions,
		@JsonProperty("reasoning_effort") @Nullable ReasoningEffort reasoningEffort,
		@Nullable List<Tool> tools,
		@JsonProperty("tool_resources") @Nullable ToolResources toolResources,
		@Nullable Map<String, String> metadata,
		@Nullable Double temperature,
		@JsonProperty("top_p") @Nullable Double topP,
		@JsonProperty("response_format") @Nullable ResponseFormat responseFormat) {

	/**
	 * Starts an empty request.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builder of {@link ModifyAssistantRequest}.
	 */
	public static final class Builder extends AssistantRequestBuilder<Builder> {

		private Builder() {
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException if a required value is missing
		 */
		public ModifyAssistantRequest build() {
			return new ModifyAssistantRequest(this.model,
					this.name,
					this.description,
					this.instructions,
					this.reasoningEffort,
					buildTools(),
					this.toolResources,
					buildMetadata(),
					this.temperature,
					this.topP,
					this.responseFormat);
		}

	}

}
