// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.stop;

/**
 * Whether to stop sampling, and why.
 *
 * @param stop whether to stop now
 * @param early whether this stop saves samples (false at the budget's end or when
 * continuing)
 * @param probability the rule's posterior probability that the leader is the majority
 * answer (Beta) or the most likely answer (Dirichlet); 1 for an unassailable lead; NaN
 * when not computed
 * @param reason {@code continue}, {@code max_samples}, {@code lead}, {@code beta} or
 * {@code dirichlet}
 */
public record StopDecision(boolean stop, boolean early, double probability, String reason) {

	static StopDecision proceed(double probability) {
		return new StopDecision(false, false, probability, "continue");
	}

}
