package dev.assistants4j.model.run;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.assistants4j.model.assistant.ResponseFormat;
import dev.assistants4j.model.thread.CreateThreadRequest;
import dev.assistants4j.model.tool.Tool;
import dev.assistants4j.model.tool.ToolResources;

/**
 * Request to create a thread and start a run on it in one call. Every run value overrides the assistant's own
 * setting for this run only; only the values that were set are sent. Unlike {@link CreateRunRequest}, the API
 * takes no {@code reasoning_effort}, {@code additional_instructions} or {@code additional_messages} here: put
 * the messages in the thread.
 *
 * @param assistantId id of the assistant to run
 * @param thread the thread to create; an empty thread when absent
 * @param model the model id, overriding the assistant's
 * @param instructions the system instructions, replacing the assistant's
 * @param tools the tools to enable, replacing the assistant's
 * @param toolResources resources of the tools, replacing the assistant's
 * @param metadata up to 16 key-value pairs, attached to the run
 * @param temperature sampling temperature, 0 to 2
 * @param topP nucleus sampling mass, 0 to 1
 * @param maxPromptTokens the most prompt tokens the run may use
 * @param maxCompletionTokens the most completion tokens the run may use
 * @param truncationStrategy how the thread is truncated for the run
 * @param toolChoice which tool, if any, the model must call
 * @param parallelToolCalls whether the model may call several functions at once
 * @param responseFormat the format of answers
 */
public record CreateThreadAndRunRequest(@JsonProperty("assistant_id") String assistantId,
		@Nullable CreateThreadRequest thread,
		@Nullable String model,
		@Nullable String instructions,
		@Nullable List<Tool> tools,
		@JsonProperty("tool_resources") @Nullable ToolResources toolResources,
		@Nullable Map<String, String> metadata,
		@Nullable Double temperature,
		@JsonProperty("top_p") @Nullable Double topP,
		@JsonProperty("max_prompt_tokens") @Nullable Integer maxPromptTokens,
		@JsonProperty("max_completion_tokens") @Nullable Integer maxCompletionTokens,
		@JsonProperty("truncation_strategy") @Nullable TruncationStrategy truncationStrategy,
		@JsonProperty("tool_choice") @Nullable ToolChoice toolChoice,
		@JsonProperty("parallel_tool_calls") @Nullable Boolean parallelToolCalls,
		@JsonProperty("response_format") @Nullable ResponseFormat responseFormat) {

	/**
	 * Validates the request.
	 * @throws IllegalArgumentException if {@code assistantId} is blank
	 */
	public CreateThreadAndRunRequest {
		Assert.hasText(assistantId, "'assistantId' must not be blank");
	}

	/**
	 * Starts a request to run the given assistant on a new thread.
	 * @param assistantId id of the assistant to run
	 * @return a new builder
	 */
	public static Builder builder(String assistantId) {
		return new Builder(assistantId);
	}

	/**
	 * Builder of {@link CreateThreadAndRunRequest}.
	 */
	public static final class Builder extends RunRequestBuilder<Builder> {

		private @Nullable CreateThreadRequest thread;

		private @Nullable ToolResources toolResources;

		private Builder(String assistantId) {
			super(assistantId);
		}

		/**
		 * Sets the thread to create, with its messages, tool resources and metadata.
		 * @param thread the thread, such as one built with {@code CreateThreadRequest.builder()}
		 * @return this builder
		 */
		public Builder thread(CreateThreadRequest thread) {
			this.thread = thread;
			return this;
		}

		/**
		 * Sets {@code tool_resources}, replacing the assistant's for this run.
		 * @param toolResources resources of the tools
		 * @return this builder
		 */
		public Builder toolResources(ToolResources toolResources) {
			this.toolResources = toolResources;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException if the assistant id is blank
		 */
		public CreateThreadAndRunRequest build() {
			return new CreateThreadAndRunRequest(this.assistantId, this.thread, this.model, this.instructions,
					buildTools(), this.toolResources, buildMetadata(), this.temperature, this.topP,
					this.maxPromptTokens, this.maxCompletionTokens, this.truncationStrategy, this.toolChoice,
					this.parallelToolCalls, this.responseFormat);
		}

	}

}
