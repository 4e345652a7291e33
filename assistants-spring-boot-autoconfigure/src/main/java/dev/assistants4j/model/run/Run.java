package dev.assistants4j.model.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import dev.assistants4j.model.WireLists;
import dev.assistants4j.model.assistant.ReasoningEffort;
import dev.assistants4j.model.assistant.ResponseFormat;
import dev.assistants4j.model.tool.Tool;

/**
 * A run: an assistant working on a thread.
 *
 * @param id the run's id, {@code run_...}
 * @param object always {@code thread.run}
 * @param createdAt creation time in epoch seconds
 * @param threadId id of the thread the run works on
 * @param assistantId id of the assistant that runs
 * @param status where the run is in its lifecycle
 * @param requiredAction what the run waits for, when its status is {@code requires_action}
 * @param lastError why the run failed, on a failed run
 * @param expiresAt time in epoch seconds when the run will expire
 * @param startedAt time in epoch seconds when the run started
 * @param cancelledAt time in epoch seconds when the run was cancelled
 * @param failedAt time in epoch seconds when the run failed
 * @param completedAt time in epoch seconds when the run completed
 * @param incompleteDetails which token limit the run reached, on an incomplete run
 * @param model the model the run uses
 * @param instructions the instructions the run uses
 * @param tools the tools the run uses, never {@code null}
 * @param metadata key-value pairs, never {@code null}
 * @param usage tokens used, once the run has ended
 * @param temperature sampling temperature
 * @param topP nucleus sampling mass
 * @param maxPromptTokens the most prompt tokens the run may use
 * @param maxCompletionTokens the most completion tokens the run may use
 * @param truncationStrategy how the thread is truncated for the run
 * @param toolChoice which tool, if any, the model must call
 * @param parallelToolCalls whether the model may call several functions at once
 * @param responseFormat the format of answers
 * @param reasoningEffort reasoning effort for reasoning models
 */
public record Run(@Nullable String id, @Nullable String object,
		@JsonProperty("created_at") @Nullable Long createdAt,
		@JsonProperty("thread_id") @Nullable String threadId,
		@JsonProperty("assistant_id") @Nullable String assistantId,
		@Nullable RunStatus status,
		@JsonProperty("required_action") @Nullable RequiredAction requiredAction,
		@JsonProperty("last_error") @Nullable RunError lastError,
		@JsonProperty("expires_at") @Nullable Long expiresAt,
		@JsonProperty("started_at") @Nullable Long startedAt,
		@JsonProperty("cancelled_at") @Nullable Long cancelledAt,
		@JsonProperty("failed_at") @Nullable Long failedAt,
		@JsonProperty("completed_at") @Nullable Long completedAt,
		@JsonProperty("incomplete_details") @Nullable IncompleteDetails incompleteDetails,
		@Nullable String model,
		@Nullable String instructions,
		List<Tool> tools,
		Map<String, String> metadata,
		@Nullable RunUsage usage,
		@Nullable Double temperature,
		@JsonProperty("top_p") @Nullable Double topP,
		@JsonProperty("max_prompt_tokens") @Nullable Integer maxPromptTokens,
		@JsonProperty("max_completion_tokens") @Nullable Integer maxCompletionTokens,
		@JsonProperty("truncation_strategy") @Nullable TruncationStrategy truncationStrategy,
		@JsonProperty("tool_choice") @Nullable ToolChoice toolChoice,
		@JsonProperty("parallel_tool_calls") @Nullable Boolean parallelToolCalls,
		@JsonProperty("response_format") @Nullable ResponseFormat responseFormat,
		@JsonProperty("reasoning_effort") @Nullable ReasoningEffort reasoningEffort) implements RunTimestamps {

	/**
	 * Normalizes absent collections to empty ones.
	 */
	public Run {
		tools = WireLists.copyOfNonNull(tools);
		metadata = (metadata != null) ? metadata : Map.of();
	}

	/**
	 * Returns the tool calls the run waits for, in the order the server listed them.
	 * @return the calls of {@code required_action.submit_tool_outputs}, empty if the run requires no action
	 */
	public List<RequiredToolCall> requiredToolCalls() {
		if (this.requiredAction == null || this.requiredAction.submitToolOutputs() == null) {
			return List.of();
		}
		return this.requiredAction.submitToolOutputs().toolCalls();
	}

	/**
	 * Returns the time the run will expire.
	 * @return that time, or {@code null} if the run will not expire
	 */
	public @Nullable Instant expiresAtInstant() {
		return (this.expiresAt != null) ? Instant.ofEpochSecond(this.expiresAt) : null;
	}

	/**
	 * Returns the time the run started.
	 * @return that time, or {@code null} if the run has not started
	 */
	public @Nullable Instant startedAtInstant() {
		return (this.startedAt != null) ? Instant.ofEpochSecond(this.startedAt) : null;
	}

	/**
	 * What a run waits for before it can go on.
	 *
	 * @param type the kind of action; {@code submit_tool_outputs} for every action the API asks for today
	 * @param submitToolOutputs the tool calls whose outputs the run waits for
	 */
	public record RequiredAction(@Nullable String type,
			@JsonProperty("submit_tool_outputs") @Nullable SubmitToolOutputs submitToolOutputs) {
	}

	/**
	 * The tool calls whose outputs a run waits for; submit all of them in one request.
	 *
	 * @param toolCalls the calls, never {@code null}
	 */
	public record SubmitToolOutputs(@JsonProperty("tool_calls") List<RequiredToolCall> toolCalls) {

		/**
		 * Normalizes absent tool calls to an empty list.
		 */
		public SubmitToolOutputs {
			toolCalls = WireLists.copyOfNonNull(toolCalls);
		}

	}

	/**
	 * Why a run is incomplete.
	 *
	 * @param reason the token limit the run reached
	 */
	public record IncompleteDetails(@Nullable RunIncompleteReason reason) {
	}

}
