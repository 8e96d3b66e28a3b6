// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.score;

import java.util.List;

import dev.quorum.reasoning.strategy.VerifierMethod;

/**
 * A checked verification request: every value is in range and every default applied.
 *
 * @param question the question the candidates answer
 * @param candidates the candidates, at least one
 * @param method how to score them
 * @param model the verifier model (unused by the reference method)
 * @param reference the gold answer, or null; required by the reference method, and with
 * GenRM methods it fills in {@code correct}
 * @param cot the GenRM-CoT sampling, or null for the other methods
 */
public record VerifyJob(String question, List<Candidate> candidates, VerifierMethod method, String model,
		String reference, CotSampling cot) {

	/**
	 * Checks the invariants the parser guarantees.
	 */
	public VerifyJob {
		candidates = List.copyOf(candidates);
		if (candidates.isEmpty()) {
			throw new IllegalArgumentException("at least one candidate is needed");
		}
		if (method == VerifierMethod.REFERENCE && reference == null) {
			throw new IllegalArgumentException("the reference method needs a reference answer");
		}
		if (method == VerifierMethod.GENRM_COT && cot == null) {
			throw new IllegalArgumentException("genrm-cot needs its sampling settings");
		}
	}

}
