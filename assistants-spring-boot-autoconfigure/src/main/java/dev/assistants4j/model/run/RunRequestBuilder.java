package dev.assistants4j.model.run;

import org.jspecify.annotations.Nullable;

import dev.assistants4j.model.assistant.AssistantSettingsBuilder;

/**
 * The settings a request that starts a run can carry, shared by the create-run and the create-thread-and-run
 * builders: the assistant's settings, overridden for this run only, and the run's limits and tool choice. Only
 * the values that were set are sent.
 *
 * @param <B> the type of the concrete builder
 */
public abstract sealed class RunRequestBuilder<B extends RunRequestBuilder<B>> extends AssistantSettingsBuilder<B>
		permits CreateRunRequest.Builder, CreateThreadAndRunRequest.Builder {

	final String assistantId;

	@Nullable Integer maxPromptTokens;

	@Nullable Integer maxCompletionTokens;

	@Nullable TruncationStrategy truncationStrategy;

	@Nullable ToolChoice toolChoice;

	@Nullable Boolean parallelToolCalls;

	RunRequestBuilder(String assistantId) {
		this.assistantId = assistantId;
	}

	/**
	 * Sets {@code max_prompt_tokens}; a run that needs more ends {@code incomplete}.
	 * @param maxPromptTokens the most prompt tokens the run may use over all its turns, at least 256
	 * @return this builder
	 */
	public B maxPromptTokens(int maxPromptTokens) {
		this.maxPromptTokens = maxPromptTokens;
		return self();
	}

	/**
	 * Sets {@code max_completion_tokens}; a run that needs more ends {@code incomplete}.
	 * @param maxCompletionTokens the most completion tokens the run may use over all its turns, at least 256
	 * @return this builder
	 */
	public B maxCompletionTokens(int maxCompletionTokens) {
		this.maxCompletionTokens = maxCompletionTokens;
		return self();
	}

	/**
	 * Sets {@code truncation_strategy}.
	 * @param truncationStrategy how the thread is truncated, such as {@code TruncationStrategy.lastMessages(10)}
	 * @return this builder
	 */
	public B truncationStrategy(TruncationStrategy truncationStrategy) {
		this.truncationStrategy = truncationStrategy;
		return self();
	}

	/**
	 * Sets {@code tool_choice}.
	 * @param toolChoice which tool, if any, the model must call, such as {@code ToolChoice.function("f")}
	 * @return this builder
	 */
	public B toolChoice(ToolChoice toolChoice) {
		this.toolChoice = toolChoice;
		return self();
	}

	/**
	 * Sets {@code parallel_tool_calls}.
	 * @param parallelToolCalls whether the model may call several functions at once (the server's default)
	 * @return this builder
	 */
	public B parallelToolCalls(boolean parallelToolCalls) {
		this.parallelToolCalls = parallelToolCalls;
		return self();
	}

}
