// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.score;

/**
 * The reward of one sample.
 *
 * @param reward the reward in [0, 1]: 1/0 by the reference rule, else the GenRM score (0
 * without a signal)
 * @param byReference whether the label decided it (else GenRM)
 * @param signal whether the score carries a signal (always, by reference)
 * @param answerParsed whether a final answer was found in the response
 */
public record RewardScore(double reward, boolean byReference, boolean signal, boolean answerParsed) {
}
