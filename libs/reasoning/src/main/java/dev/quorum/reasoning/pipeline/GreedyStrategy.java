// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import java.util.concurrent.CompletableFuture;

import dev.quorum.reasoning.cotdecoding.BranchScore;
import dev.quorum.reasoning.cotdecoding.CotDecoding;
import dev.quorum.reasoning.stop.EarlyStop;
import dev.quorum.reasoning.stop.StopRule;

/**
 * {@code greedy} and {@code cot}: one sample at temperature 0 in the spec's prompt style,
 * with top-2 logprobs asked for (best effort) so the answer-span margin can serve as
 * confidence.
 */
final class GreedyStrategy {

	private GreedyStrategy() {
	}

	static CompletableFuture<Outcome> run(RunContext ctx) {
		EarlyStop one = new EarlyStop(StopRule.NONE, 1, 1, ctx.spec().earlyStop().confidence());
		return Sampling.draw(ctx, ctx.spec().models().getFirst(), 1, 0.0, 2, one).thenApply((stop) -> {
			Outcome vote = Votes.plurality(ctx, ctx.spec().strategy(), null, stop, 0);
			CandidateResult greedy = ctx.results().getFirst();
			if (vote.answer() == null || greedy.candidate().tokens().isEmpty()) {
				return vote;
			}
			BranchScore margin = new CotDecoding(ctx.extractor(), ctx.canonicalizer()).score(0,
					greedy.candidate().text(), greedy.candidate().tokens(), greedy.candidate().firstTokenProbability());
			if (Double.isNaN(margin.answerMargin())) {
				return vote;
			}
			ctx.score(greedy.index(), "delta", margin.answerMargin());
			return new Outcome(vote.applied(), null, vote.answer(), vote.chosen(), margin.answerMargin(), vote.votes(),
					stop, 0);
		});
	}

}
