package dev.assistants4j.model.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.assistants4j.model.assistant.ReasoningEffort;
import dev.assistants4j.model.assistant.ResponseFormat;
import dev.assistants4j.model.message.CreateMessageRequest;
import dev.assistants4j.model.tool.Tool;

/**
 * Request to start a run on an existing thread. Every value but the assistant overrides the assistant's own
 * setting for this run only; only the values that were set are sent.
 *
 * @param assistantId id of the assistant to run
 * @param model the model id, overriding the assistant's
 * @param reasoningEffort reasoning effort for reasoning models
 * @param instructions the system instructions, replacing the assistant's
 * @param additionalInstructions text appended to the instructions
 * @param additionalMessages messages added to the thread before the run starts
 * @param tools the tools to enable, replacing the assistant's
 * @param metadata up to 16 key-value pairs
 * @param temperature sampling temperature, 0 to 2
 * @param topP nucleus sampling mass, 0 to 1
 * @param maxPromptTokens the most prompt tokens the run may use
 * @param maxCompletionTokens the most completion tokens the run may use
 * @param truncationStrategy how the thread is truncated for the run
 * @param toolChoice which tool, if any, the model must call
 * @param parallelToolCalls whether the model may call several functions at once
 * @param responseFormat the format of answers
 */
public record CreateRunRequest(@JsonProperty("assistant_id") String assistantId,
		@Nullable String model,
		@JsonProperty("reasoning_effort") @Nullable ReasoningEffort reasoningEffort,
		@Nullable String instructions,
		@JsonProperty("additional_instructions") @Nullable String additionalInstructions,
		@JsonProperty("additional_messages") @Nullable List<CreateMessageRequest> additionalMessages,
		@Nullable List<Tool> tools,
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
	public CreateRunRequest {
		Assert.hasText(assistantId, "'assistantId' must not be blank");
	}

	/**
	 * Starts a request to run the given assistant.
	 * @param assistantId id of the assistant to run
	 * @return a new builder
	 */
	public static Builder builder(String assistantId) {
		return new Builder(assistantId);
	}

	/**
	 * Builder of {@link CreateRunRequest}.
	 */
	public static final class Builder extends RunRequestBuilder<Builder> {

		private @Nullable ReasoningEffort reasoningEffort;

		private @Nullable String additionalInstructions;

		private @Nullable List<CreateMessageRequest> additionalMessages;

		private Builder(String assistantId) {
			super(assistantId);
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
		 * Sets {@code additional_instructions}, appended to the instructions for this run.
		 * @param additionalInstructions the text to append
		 * @return this builder
		 */
		public Builder additionalInstructions(String additionalInstructions) {
			this.additionalInstructions = additionalInstructions;
			return this;
		}

		/**
		 * Sets the additional messages, replacing any set before.
		 * @param additionalMessages messages added to the thread before the run starts
		 * @return this builder
		 */
		public Builder additionalMessages(List<CreateMessageRequest> additionalMessages) {
			Assert.notNull(additionalMessages, "'additionalMessages' must not be null");
			this.additionalMessages = new ArrayList<>(additionalMessages);
			return this;
		}

		/**
		 * Adds a message to the thread before the run starts.
		 * @param message the message, such as {@code CreateMessageRequest.user("Hi")}
		 * @return this builder
		 */
		public Builder addAdditionalMessage(CreateMessageRequest message) {
			Assert.notNull(message, "'message' must not be null");
			if (this.additionalMessages == null) {
				this.additionalMessages = new ArrayList<>();
			}
			this.additionalMessages.add(message);
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException if the assistant id is blank
		 */
		public CreateRunRequest build() {
			return new CreateRunRequest(this.assistantId, this.model, this.reasoningEffort, this.instructions,
					this.additionalInstructions,
					(this.additionalMessages != null) ? List.copyOf(this.additionalMessages) : null, buildTools(),
					buildMetadata(), this.temperature, this.topP, this.maxPromptTokens, this.maxCompletionTokens,
					this.truncationStrategy, this.toolChoice, this.parallelToolCalls, this.responseFormat);
		}

	}

}
