package dev.assistants4j.model.run;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Tokens a run or a run step used; the server sends it once the run or step has ended.
 *
 * @param completionTokens tokens of the model's output
 * @param promptTokens tokens of the model's input
 * @param totalTokens prompt and completion tokens together
 * @param promptTokenDetails how the prompt tokens break down, if the server says
 * @param completionTokensDetails how the completion tokens break down, if the server says
 */
public record RunUsage(@JsonProperty("completion_tokens") @Nullable Integer completionTokens,
		@JsonProperty("prompt_tokens") @Nullable Integer promptTokens,
		@JsonProperty("total_tokens") @Nullable Integer totalTokens,
		// The Assistants API names it in the singular, unlike Chat Completions; accept either.
		@JsonProperty("prompt_token_details") @JsonAlias("prompt_tokens_details")
		@Nullable PromptTokenDetails promptTokenDetails,
		@JsonProperty("completion_tokens_details") @Nullable CompletionTokensDetails completionTokensDetails) {

	/**
	 * How the prompt tokens break down.
	 *
	 * @param cachedTokens prompt tokens read from the prompt cache
	 */
	public record PromptTokenDetails(@JsonProperty("cached_tokens") @Nullable Integer cachedTokens) {
	}

	/**
	 * How the completion tokens break down.
	 *
	 * @param reasoningTokens completion tokens a reasoning model spent reasoning
	 */
	public record CompletionTokensDetails(@JsonProperty("reasoning_tokens") @Nullable Integer reasoningTokens) {
	}

}
