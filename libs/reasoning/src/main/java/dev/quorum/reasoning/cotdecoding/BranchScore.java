// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.cotdecoding;

import dev.quorum.reasoning.canon.CanonicalAnswer;
import dev.quorum.reasoning.extract.Extraction;

/**
 * One CoT-decoding branch, scored.
 *
 * @param branch the branch index (0 = the most likely first token)
 * @param extraction the extracted answer and its character span
 * @param answer the canonical answer, {@code null} when unparsed
 * @param firstToken the first token overlapping the answer span, -1 when none
 * @param endToken one past the last overlapping token, -1 when none
 * @param answerMargin Δ: the mean {@code top1 - top2} over tokens
 * {@code [firstToken, endToken)}, NaN when no token overlaps the answer
 * @param pathMargin the mean margin over every token after the first, NaN for a one-token
 * path
 * @param firstTokenProbability the probability of the branch's first token
 */
public record BranchScore(int branch, Extraction extraction, CanonicalAnswer answer, int firstToken, int endToken,
		double answerMargin, double pathMargin, double firstTokenProbability) {

	/**
	 * The margin under a rule.
	 * @param rule the rule
	 * @return the answer-span or whole-path margin
	 */
	public double margin(MarginRule rule) {
		return (rule == MarginRule.ANSWER_SPAN) ? this.answerMargin : this.pathMargin;
	}

}
