package dev.assistants4j.model.assistant;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.assistants4j.model.tool.Tool;
import dev.assistants4j.model.tool.ToolResources;

/**
 * Request to create an assistant. Only the values that were set are sent.
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
public record CreateAssistantRequest(String model,
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
	 * Validates the request.
	 * @throws IllegalArgumentException if {@code model} is blank
	 */
	public CreateAssistantRequest {
		Assert.hasText(model, "'model' must not be blank");
	}

	/**
	 * Starts a request for the given model.
	 * @param model the model id, such as {@code gpt-4o}
	 * @return a new builder
	 */
	public static Builder builder(String model) {
		return new Builder().model(model);
	}

	/**
	 * Builder of {@link CreateAssistantRequest}.
	 */
	public static final class Builder extends AssistantRequestBuilder<Builder> {

		private Builder() {
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException if a required value is missing
		 */
		public CreateAssistantRequest build() {
			return new CreateAssistantRequest(this.model,
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
