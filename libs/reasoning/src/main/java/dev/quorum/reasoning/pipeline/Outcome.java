// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import dev.quorum.reasoning.canon.CanonicalAnswer;
import dev.quorum.reasoning.stop.StopDecision;
import dev.quorum.reasoning.strategy.Strategy;
import dev.quorum.reasoning.vote.VoteTally;

/**
 * What a strategy decided, before {@link RunContext#finish} adds candidates, usage and
 * timings.
 *
 * @param applied the strategy applied
 * @param degradedFrom the requested strategy when another was applied, else {@code null}
 * @param answer the chosen canonical answer, {@code null} when none
 * @param chosen the chosen candidate index, -1 when none
 * @param confidence the confidence
 * @param votes the answer distribution
 * @param stop the last stopping decision, or {@code null}
 * @param samplesSaved samples not drawn thanks to early stopping
 */
record Outcome(Strategy applied, Strategy degradedFrom, CanonicalAnswer answer, int chosen, double confidence,
		VoteTally votes, StopDecision stop, int samplesSaved) {
}
