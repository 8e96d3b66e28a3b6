// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Token counts of one request ({@code CompletionUsage}). {@code total_tokens} is always
 * prompt plus completion; with {@code n > 1} the prompt is counted once and completion
 * tokens are summed over all choices. The details objects are written only when known.
 *
 * @param promptTokens tokens in the prompt, cached ones included
 * @param completionTokens tokens generated over all choices
 * @param totalTokens {@code promptTokens + completionTokens}
 * @param promptTokensDetails how much of the prompt came from a cache, or null
 * @param completionTokensDetails how much of the completion was reasoning, or null
 */
@JsonInclude(Include.NON_NULL)
public record CompletionUsage(@JsonProperty("prompt_tokens") int promptTokens,
		@JsonProperty("completion_tokens") int completionTokens, @JsonProperty("total_tokens") int totalTokens,
		@JsonProperty("prompt_tokens_details") PromptTokensDetails promptTokensDetails,
		@JsonProperty("completion_tokens_details") CompletionTokensDetails completionTokensDetails) {

	/**
	 * Usage without details.
	 * @param promptTokens tokens in the prompt
	 * @param completionTokens tokens generated
	 * @return the usage, total computed
	 */
	public static CompletionUsage of(int promptTokens, int completionTokens) {
		return new CompletionUsage(promptTokens, completionTokens, promptTokens + completionTokens, null, null);
	}

	/**
	 * Usage with details.
	 * @param promptTokens tokens in the prompt
	 * @param completionTokens tokens generated
	 * @param cachedTokens prompt tokens served from the prefix cache, or null to omit
	 * @param reasoningTokens completion tokens spent on reasoning, or null to omit
	 * @return the usage, total computed
	 */
	public static CompletionUsage of(int promptTokens, int completionTokens, Integer cachedTokens,
			Integer reasoningTokens) {
		return new CompletionUsage(promptTokens, completionTokens, promptTokens + completionTokens,
				(cachedTokens != null) ? new PromptTokensDetails(cachedTokens) : null,
				(reasoningTokens != null) ? new CompletionTokensDetails(reasoningTokens) : null);
	}

	/**
	 * {@code prompt_tokens_details}.
	 *
	 * @param cachedTokens prompt tokens whose KV came from a cache (local or Redis)
	 */
	@JsonInclude(Include.NON_NULL)
	public record PromptTokensDetails(@JsonProperty("cached_tokens") Integer cachedTokens) {
	}

	/**
	 * {@code completion_tokens_details}.
	 *
	 * @param reasoningTokens completion tokens that were reasoning rather than answer
	 */
	@JsonInclude(Include.NON_NULL)
	public record CompletionTokensDetails(@JsonProperty("reasoning_tokens") Integer reasoningTokens) {
	}

}
