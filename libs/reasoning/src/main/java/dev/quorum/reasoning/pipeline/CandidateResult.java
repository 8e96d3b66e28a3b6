// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import java.util.Map;

import dev.quorum.reasoning.canon.CanonicalAnswer;
import dev.quorum.reasoning.extract.Extraction;

/**
 * A candidate with what the strategy made of it.
 *
 * @param index its position in arrival order (ensemble: model order)
 * @param candidate the candidate
 * @param extraction the extracted answer and span
 * @param answer the canonical answer, {@code null} when unparsed
 * @param scores named scores: {@code verifier} (verifier score), {@code weight} (its vote
 * weight), {@code delta} (CoT-decoding answer-span margin), {@code path_margin},
 * {@code first_token_p}; only those that apply
 */
public record CandidateResult(int index, Candidate candidate, Extraction extraction, CanonicalAnswer answer,
		Map<String, Double> scores) {

	public CandidateResult {
		scores = Map.copyOf(scores);
	}

}
