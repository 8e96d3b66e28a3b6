// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.verify;

/**
 * A verifier's score for one solution.
 *
 * @param score the probability-like score in [0, 1] (0 when there is no signal)
 * @param signal whether the verifier produced a usable score; a solution without signal
 * weighs 0 in a verified vote and ranks below every scored one in best-of-N
 */
public record VerifierScore(double score, boolean signal) {

	/**
	 * The verifier had nothing to say (e.g. neither Yes nor No among the top logprobs).
	 */
	public static final VerifierScore NO_SIGNAL = new VerifierScore(0, false);

	public VerifierScore {
		if (!(score >= 0 && score <= 1)) {
			throw new IllegalArgumentException("score must be in [0, 1], got " + score);
		}
	}

	/**
	 * A usable score.
	 * @param score the score in [0, 1]
	 * @return the verifier score
	 */
	public static VerifierScore of(double score) {
		return new VerifierScore(score, true);
	}

}
