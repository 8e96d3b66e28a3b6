// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.score;

import java.util.List;

import dev.quorum.reasoning.strategy.VerifierMethod;

/**
 * The outcome of one verification request.
 *
 * @param method how the candidates were scored
 * @param model the verifier model, or null for the reference method
 * @param scores one per candidate, in request order
 * @param usage tokens the verifier model processed
 */
public record Verification(VerifierMethod method, String model, List<CandidateScore> scores, Usage usage) {

	/**
	 * Copies the scores.
	 */
	public Verification {
		scores = List.copyOf(scores);
	}

}
