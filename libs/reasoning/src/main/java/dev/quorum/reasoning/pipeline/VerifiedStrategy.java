// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import java.util.concurrent.CompletableFuture;

import dev.quorum.reasoning.stop.EarlyStop;
import dev.quorum.reasoning.stop.StopDecision;
import dev.quorum.reasoning.stop.StopRule;
import dev.quorum.reasoning.strategy.Strategy;
import dev.quorum.reasoning.vote.Selection;
import dev.quorum.reasoning.vote.VoteTally;

/**
 * {@code best-of-n} (the verifier's highest score wins; ties go to the earliest
 * candidate) and {@code verified-vote} (verifier scores summed per answer). When the
 * verifier fails, misses the deadline or gives no signal for any candidate, both fall
 * back to a plurality vote over the same samples and say so ({@code strategy_applied},
 * {@code degraded_from}).
 */
final class VerifiedStrategy {

	private VerifiedStrategy() {
	}

	static CompletableFuture<Outcome> run(RunContext ctx) {
		EarlyStop all = new EarlyStop(StopRule.NONE, ctx.spec().earlyStop().minSamples(), 1,
				ctx.spec().earlyStop().confidence());
		return Sampling.draw(ctx, ctx.spec().models().getFirst(), ctx.spec().n(), ctx.spec().temperature(), 0, all)
			.thenCompose((stop) -> Verification.scores(ctx).handle((scores, error) -> {
				if (error != null) {
					return fallback(ctx, Verification.failure(error), stop);
				}
				return (ctx.spec().strategy() == Strategy.BEST_OF_N) ? bestOfN(ctx, scores, stop)
						: verifiedVote(ctx, scores, stop);
			}));
	}

	private static Outcome bestOfN(RunContext ctx, double[] scores, StopDecision stop) {
		double[] ranking = new double[scores.length];
		double[] weights = new double[scores.length];
		for (int i = 0; i < scores.length; i++) {
			ranking[i] = Double.isNaN(scores[i]) ? -1 : scores[i];
			weights[i] = Double.isNaN(scores[i]) ? 0 : scores[i];
		}
		Selection best = ctx.voting().bestOfN(ctx.answers(), ranking);
		if (best == null || best.score() < 0) {
			return (best == null) ? Votes.plurality(ctx, Strategy.BEST_OF_N, null, stop, 0)
					: fallback(ctx, "the verifier gave no signal for any candidate", stop);
		}
		VoteTally tally = ctx.voting().weighted(ctx.answers(), weights);
		return new Outcome(Strategy.BEST_OF_N, null, best.answer(), best.index(), best.score(), tally, stop, 0);
	}

	private static Outcome verifiedVote(RunContext ctx, double[] scores, StopDecision stop) {
		double[] weights = new double[scores.length];
		boolean signal = false;
		for (int i = 0; i < scores.length; i++) {
			weights[i] = Double.isNaN(scores[i]) ? 0 : scores[i];
			signal |= !Double.isNaN(scores[i]);
		}
		if (!signal && ctx.answers().stream().anyMatch((a) -> a != null)) {
			return fallback(ctx, "the verifier gave no signal for any candidate", stop);
		}
		// all-zero scores are a signal: the weighted ranking then falls back to counts
		// (see Voting)
		return Votes.weighted(ctx, Strategy.VERIFIED_VOTE, weights, stop);
	}

	private static Outcome fallback(RunContext ctx, String reason, StopDecision stop) {
		ctx.degrade("verifier", reason + "; fell back to a plurality vote");
		return Votes.plurality(ctx, Strategy.SELF_CONSISTENCY, ctx.spec().strategy(), stop, 0);
	}

}
