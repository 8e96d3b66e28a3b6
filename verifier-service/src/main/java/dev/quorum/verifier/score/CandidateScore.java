// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.score;

import java.util.List;

import dev.quorum.reasoning.verify.VerifierScore;
import dev.quorum.reasoning.verify.YesNoScore;

/**
 * The verdict on one candidate.
 *
 * @param index the candidate's position in the request
 * @param score the score in [0, 1] and whether it carries a signal
 * @param yesNo the Yes/No masses (GenRM: at the verdict position; GenRM-CoT: the mean
 * over the rationales that returned logprobs), or null (reference method, or no logprobs)
 * @param answer the candidate's final answer (given or extracted), or null when none was
 * found
 * @param correct whether the answer is equivalent to the request's reference answer, or
 * null without a reference
 * @param rationales the GenRM-CoT rationales, or null for the other methods
 */
public record CandidateScore(int index, VerifierScore score, YesNoScore yesNo, String answer, Boolean correct,
		List<Rationale> rationales) {

	/**
	 * Copies the rationales.
	 */
	public CandidateScore {
		rationales = (rationales != null) ? List.copyOf(rationales) : null;
	}

}
