// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.score;

/**
 * One sample of a reward request, split into its parts.
 *
 * @param question the question for GenRM (from the sample's prompt), or null when the
 * sample is scored by its label
 * @param response the policy's response (the query with the prompt split off)
 * @param label the gold answer, or null to score with GenRM
 */
public record RewardSample(String question, String response, String label) {

	/**
	 * Checks that the sample can be scored one way or the other.
	 */
	public RewardSample {
		if (response == null) {
			throw new IllegalArgumentException("response must not be null");
		}
		if (label == null && question == null) {
			throw new IllegalArgumentException("a sample without a label needs a question for GenRM");
		}
	}

}
