package dev.assistants4j.model.run;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.assistants4j.model.MetadataBuilder;
import dev.assistants4j.model.assistant.ResponseFormat;
import dev.assistants4j.model.tool.Tool;

/**
 * The settings a request that starts a run can carry, shared by the create-run and the create-thread-and-run
 * builders. They override the assistant's own settings for this run only. Only the values that were set are
 * sent.
 *
 * @param <B> the type of the concrete builder
 */
public abstract sealed class RunRequestBuilder<B extends RunRequestBuilder<B>> extends MetadataBuilder<B>
		permits CreateRunRequest.Builder, CreateThreadAndRunRequest.Builder {

	final String assistantId;

	@Nullable String model;

	@Nullable String instructions;

	@Nullable List<Tool> tools;

	@Nullable Double temperature;

	@Nullable Double topP;

	@Nullable Integer maxPromptTokens;

	@Nullable Integer maxCompletionTokens;

	@Nullable TruncationStrategy truncationStrategy;

	@Nullable ToolChoice toolChoice;

	@Nullable Boolean parallelToolCalls;

	@Nullable ResponseFormat responseFormat;

	RunRequestBuilder(String assistantId) {
		this.assistantId = assistantId;
	}

	/**
	 * Sets {@code model}, overriding the assistant's model.
	 * @param model the model id, such as {@code gpt-4o}
	 * @return this builder
	 */
	public B model(String model) {
		this.model = model;
		return self();
	}

	/**
	 * Sets {@code instructions}, replacing the assistant's instructions for this run.
	 * @param instructions the system instructions
	 * @return this builder
	 */
	public B instructions(String instructions) {
		this.instructions = instructions;
		return self();
	}

	/**
	 * Sets the tools, replacing the assistant's tools for this run and any set before.
	 * @param tools the tools to enable, at most 20
	 * @return this builder
	 */
	public B tools(List<? extends Tool> tools) {
		Assert.notNull(tools, "'tools' must not be null");
		this.tools = new ArrayList<>(tools);
		return self();
	}

	/**
	 * Adds a tool; the tools added replace the assistant's tools for this run.
	 * @param tool the tool to enable
	 * @return this builder
	 */
	public B addTool(Tool tool) {
		Assert.notNull(tool, "'tool' must not be null");
		if (this.tools == null) {
			this.tools = new ArrayList<>();
		}
		this.tools.add(tool);
		return self();
	}

	/**
	 * Sets {@code temperature}.
	 * @param temperature sampling temperature, 0 to 2
	 * @return this builder
	 */
	public B temperature(double temperature) {
		this.temperature = temperature;
		return self();
	}

	/**
	 * Sets {@code top_p}.
	 * @param topP nucleus sampling mass, 0 to 1
	 * @return this builder
	 */
	public B topP(double topP) {
		this.topP = topP;
		return self();
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

	/**
	 * Sets {@code response_format}.
	 * @param responseFormat the format of answers
	 * @return this builder
	 */
	public B responseFormat(ResponseFormat responseFormat) {
		this.responseFormat = responseFormat;
		return self();
	}

	@SuppressWarnings("unchecked")
	final B self() {
		return (B) this;
	}

	/**
	 * Returns the tools set so far.
	 */
	@Nullable List<Tool> buildTools() {
		return (this.tools != null) ? List.copyOf(this.tools) : null;
	}

}
