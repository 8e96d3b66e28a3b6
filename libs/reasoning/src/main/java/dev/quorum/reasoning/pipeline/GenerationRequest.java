// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import java.util.List;

/**
 * One batch a strategy asks a {@link CandidateSource} for.
 *
 * @param model the model name
 * @param prompt the question rendered in the strategy's prompt style (a completion
 * prompt; a chat source sends it as the last user message after {@code history})
 * @param question the bare question
 * @param history earlier conversation turns, possibly empty
 * @param n the number of candidates wanted
 * @param temperature the sampling temperature (0 = greedy)
 * @param maxTokens the most tokens per candidate
 * @param topLogprobs per-token top logprobs wanted (0 = none, 2 for margins)
 * @param branches 0 for ordinary sampling; {@code k > 0} for CoT-decoding: branch on the
 * top-k first tokens, continue each greedily, return them in first-token rank order with
 * tokens, offsets and the first token's probability ({@code n == k}). A source that
 * cannot branch completes exceptionally with {@link UnsupportedOperationException}
 */
public record GenerationRequest(String model, String prompt, String question, List<Turn> history, int n,
		double temperature, int maxTokens, int topLogprobs, int branches) {

	public GenerationRequest {
		history = List.copyOf(history);
	}

}
