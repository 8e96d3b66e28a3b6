// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import dev.quorum.reasoning.stop.StopDecision;
import dev.quorum.reasoning.vote.VoteTally;

/**
 * Progress events for streaming ({@code candidate}, {@code vote}, {@code early_stop}; the
 * {@code final} event is the result). Called from whichever thread delivered the
 * candidates; exceptions thrown here are ignored so a broken stream never breaks the
 * answer.
 */
public interface ProgressListener {

	/** Ignores every event. */
	ProgressListener NONE = new ProgressListener() {
	};

	/**
	 * A candidate arrived and its answer was extracted.
	 * @param candidate the candidate (scores not yet filled)
	 */
	default void candidate(CandidateResult candidate) {
	}

	/**
	 * The running plurality vote after a batch (self-consistency waves).
	 * @param tally the tally so far
	 * @param samplesUsed samples arrived so far
	 */
	default void vote(VoteTally tally, int samplesUsed) {
	}

	/**
	 * Sampling stopped before the budget was spent.
	 * @param decision the rule's decision
	 * @param samplesUsed samples drawn
	 * @param samplesSaved samples not drawn
	 */
	default void earlyStop(StopDecision decision, int samplesUsed, int samplesSaved) {
	}

}
