// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine;

import java.util.List;

import dev.quorum.engine.sample.TokenLogprobs;

/**
 * What a {@link TokenListener} receives.
 */
public sealed interface GenerationEvent {

	/**
	 * A generated token.
	 *
	 * @param choice the choice index (0 to n-1)
	 * @param tokenId the token
	 * @param text the text this token completes, from the streaming decoder, minus text
	 * held back because it may start a stop string (often empty for a byte of a
	 * multi-byte character)
	 * @param logprobs log-probabilities when requested, else null
	 */
	record Token(int choice, int tokenId, String text, TokenLogprobs logprobs) implements GenerationEvent {
	}

	/**
	 * A choice ended.
	 *
	 * @param choice the choice index
	 * @param reason why
	 * @param text text released at the end (held-back text, an unfinished character as
	 * U+FFFD), usually empty
	 * @param completionTokens tokens generated for this choice (a stop token counts)
	 * @param stop the stop string that matched, or null
	 */
	record ChoiceFinished(int choice, FinishReason reason, String text, int completionTokens,
			String stop) implements GenerationEvent {
	}

	/**
	 * The request is done; always the last event.
	 *
	 * @param usage token counts
	 * @param stats timings
	 * @param branches for a branching request, each choice's first token and its
	 * probability (choice i is branch i); else empty
	 * @param error what failed when a choice ended with {@link FinishReason#ERROR}, else
	 * null
	 */
	record Completed(Usage usage, RequestStats stats, List<Branch> branches, String error) implements GenerationEvent {
	}

	/**
	 * Token counts of a request.
	 *
	 * @param promptTokens prompt length
	 * @param cachedPromptTokens prompt tokens whose KV was reused or imported, not
	 * computed
	 * @param completionTokens tokens generated over all choices
	 */
	record Usage(int promptTokens, int cachedPromptTokens, int completionTokens) {
	}

	/**
	 * Timings of a request, in nanoseconds.
	 *
	 * @param queueNanos from submission to admission
	 * @param prefillNanos from admission to the first sampled token
	 * @param decodeNanos from the first sampled token to completion
	 */
	record RequestStats(long queueNanos, long prefillNanos, long decodeNanos) {
	}

	/**
	 * A CoT-decoding branch.
	 *
	 * @param choice the choice that continues it
	 * @param tokenId its first token
	 * @param probability that token's probability under the unmodified logits
	 */
	record Branch(int choice, int tokenId, float probability) {
	}

}
