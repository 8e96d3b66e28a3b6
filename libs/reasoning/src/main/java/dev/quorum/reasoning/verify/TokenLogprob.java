// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.verify;

/**
 * One entry of a next-token {@code top_logprobs} list.
 *
 * @param token the token's decoded text (e.g. {@code " Yes"})
 * @param logprob its natural-log probability
 */
public record TokenLogprob(String token, double logprob) {

	public TokenLogprob {
		if (token == null || Double.isNaN(logprob) || logprob > 1e-9) {
			throw new IllegalArgumentException("need a token and a logprob <= 0, got " + token + ", " + logprob);
		}
	}

}
