package dev.assistants4j.model.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.assistants4j.model.MetadataBuilder;
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
	public static final class Builder extends MetadataBuilder<Builder> {

		private @Nullable String model;

		private @Nullable String name;

		private @Nullable String description;

		private @Nullable String instructions;

		private @Nullable ReasoningEffort reasoningEffort;

		private @Nullable List<Tool> tools;

		private @Nullable ToolResources toolResources;

		private @Nullable Double temperature;

		private @Nullable Double topP;

		private @Nullable ResponseFormat responseFormat;

		private Builder() {
		}

		/**
		 * Sets {@code model}.
		 * @param model the model id, such as {@code gpt-4o}
		 * @return this builder
		 */
		public Builder model(String model) {
			this.model = model;
			return this;
		}

		/**
		 * Sets {@code name}.
		 * @param name the assistant's name, at most 256 characters
		 * @return this builder
		 */
		public Builder name(String name) {
			this.name = name;
			return this;
		}

		/**
		 * Sets {@code description}.
		 * @param description the assistant's description, at most 512 characters
		 * @return this builder
		 */
		public Builder description(String description) {
			this.description = description;
			return this;
		}

		/**
		 * Sets {@code instructions}.
		 * @param instructions the system instructions, at most 256,000 characters
		 * @return this builder
		 */
		public Builder instructions(String instructions) {
			this.instructions = instructions;
			return this;
		}

		/**
		 * Sets {@code reasoning_effort}.
		 * @param reasoningEffort reasoning effort for reasoning models
		 * @return this builder
		 */
		public Builder reasoningEffort(ReasoningEffort reasoningEffort) {
			this.reasoningEffort = reasoningEffort;
			return this;
		}

		/**
		 * Sets the tools, replacing any set before.
		 * @param tools the tools to enable
		 * @return this builder
		 */
		public Builder tools(List<? extends Tool> tools) {
			Assert.notNull(tools, "'tools' must not be null");
			this.tools = new ArrayList<>(tools);
			return this;
		}

		/**
		 * Adds a tool.
		 * @param tool the tool to enable
		 * @return this builder
		 */
		public Builder addTool(Tool tool) {
			Assert.notNull(tool, "'tool' must not be null");
			if (this.tools == null) {
				this.tools = new ArrayList<>();
			}
			this.tools.add(tool);
			return this;
		}

		/**
		 * Sets {@code tool_resources}.
		 * @param toolResources resources of the tools
		 * @return this builder
		 */
		public Builder toolResources(ToolResources toolResources) {
			this.toolResources = toolResources;
			return this;
		}

		/**
		 * Sets {@code temperature}.
		 * @param temperature sampling temperature, 0 to 2
		 * @return this builder
		 */
		public Builder temperature(double temperature) {
			this.temperature = temperature;
			return this;
		}

		/**
		 * Sets {@code top_p}.
		 * @param topP nucleus sampling mass, 0 to 1
		 * @return this builder
		 */
		public Builder topP(double topP) {
			this.topP = topP;
			return this;
		}

		/**
		 * Sets {@code response_format}.
		 * @param responseFormat the format of answers
		 * @return this builder
		 */
		public Builder responseFormat(ResponseFormat responseFormat) {
			this.responseFormat = responseFormat;
			return this;
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
					(this.tools != null) ? List.copyOf(this.tools) : null,
					this.toolResources,
					buildMetadata(),
					this.temperature,
					this.topP,
					this.responseFormat);
		}

	}

}
