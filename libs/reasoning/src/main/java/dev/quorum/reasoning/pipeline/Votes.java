// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import dev.quorum.reasoning.stop.StopDecision;
import dev.quorum.reasoning.strategy.Strategy;
import dev.quorum.reasoning.vote.VoteEntry;
import dev.quorum.reasoning.vote.VoteTally;

/**
 * Turns the candidates that arrived into an {@link Outcome} by plurality or weighted
 * vote.
 */
final class Votes {

	private Votes() {
	}

	/** Plurality: the leader's first candidate answers; confidence is the agreement. */
	static Outcome plurality(RunContext ctx, Strategy applied, Strategy degradedFrom, StopDecision stop, int saved) {
		VoteTally tally = ctx.plurality();
		VoteEntry leader = tally.leader();
		if (leader == null) {
			return new Outcome(applied, degradedFrom, null, -1, 0, tally, stop, saved);
		}
		return new Outcome(applied, degradedFrom, leader.answer(), leader.firstIndex(), tally.agreement(), tally, stop,
				saved);
	}

	/**
	 * Weighted vote: the leader's highest-weight candidate (earliest among equals)
	 * answers; confidence is the leader's share of the total weight.
	 */
	static Outcome weighted(RunContext ctx, Strategy applied, double[] weights, StopDecision stop) {
		for (int i = 0; i < weights.length; i++) {
			ctx.score(i, "weight", weights[i]);
		}
		VoteTally tally = ctx.voting().weighted(ctx.answers(), weights);
		VoteEntry leader = tally.leader();
		if (leader == null) {
			return new Outcome(applied, null, null, -1, 0, tally, stop, 0);
		}
		int chosen = leader.firstIndex();
		for (int member : leader.members()) {
			if (weights[member] > weights[chosen]) {
				chosen = member;
			}
		}
		return new Outcome(applied, null, leader.answer(), chosen, tally.share(), tally, stop, 0);
	}

}
