// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.completions;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Quorum extension {@code quorum_branching} on {@code /v1/completions}, for CoT-decoding
 * (Wang & Zhou 2024): after the prompt, take the {@code k} most likely first tokens
 * (those with probability at least {@code min_probability}, but always the most likely),
 * continue each as its own choice with the request's sampling (greedy at temperature 0),
 * sharing the prompt's KV. Choice {@code i} is branch {@code i} in descending first-token
 * probability; ask for {@code logprobs} to read each branch's first-token probability and
 * its per-token margins.
 *
 * @param k most branches, 1 to 64
 * @param minProbability probability floor for a branch's first token, in [0, 1]
 */
@JsonInclude(Include.NON_NULL)
public record CompletionBranching(@JsonProperty("k") int k, @JsonProperty("min_probability") Double minProbability) {

	/**
	 * Branching on the top {@code k} first tokens with a floor.
	 * @param k branches
	 * @param minProbability floor, or null for none
	 * @return the extension
	 */
	public static CompletionBranching of(int k, Double minProbability) {
		return new CompletionBranching(k, minProbability);
	}

}
