// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.quorum.reasoning.ReasoningException;
import dev.quorum.reasoning.cotdecoding.BranchScore;
import dev.quorum.reasoning.cotdecoding.CotDecoding;
import dev.quorum.reasoning.cotdecoding.CotSelection;
import dev.quorum.reasoning.strategy.ModelSpec;
import dev.quorum.reasoning.strategy.Strategy;

/**
 * {@code cot-decoding}: one branching request for the top-k first tokens (each continued
 * greedily, with top-2 probabilities per token), every branch scored by its answer-span
 * margin, the best branch (or answer, when aggregating) chosen. A backend that cannot
 * branch answers {@link UnsupportedOperationException}; the strategy then runs
 * self-consistency with {@code n = k} and reports {@code degraded_from: cot-decoding}.
 */
final class CotDecodingStrategy {

	private CotDecodingStrategy() {
	}

	static CompletableFuture<Outcome> run(RunContext ctx) {
		ModelSpec model = ctx.spec().models().getFirst();
		int k = ctx.spec().n();
		return ctx.generate(ctx.request(model, k, 0.0, 2, k)).handle((batch, error) -> {
			if (error != null) {
				Throwable cause = RunContext.unwrap(error);
				if (cause instanceof UnsupportedOperationException) {
					ctx.degrade("model:" + model.name(), "cannot branch on first tokens (" + RunContext.describe(cause)
							+ "); fell back to self-consistency");
					return SelfConsistencyStrategy.run(ctx, Strategy.COT_DECODING);
				}
				if (cause instanceof ReasoningException ex) {
					throw ex;
				}
				throw (cause instanceof RunContext.DeadlinePassed) ? Sampling.deadlineExceeded(ctx, 0, 1)
						: Sampling.unavailable(model, cause);
			}
			if (batch.isEmpty()) {
				throw new ReasoningException(ReasoningException.Kind.BACKEND_UNAVAILABLE, null,
						"model '" + model.name() + "' returned no branches");
			}
			return CompletableFuture.completedFuture(select(ctx, ctx.accept(batch)));
		}).thenCompose((stage) -> stage);
	}

	private static Outcome select(RunContext ctx, List<CandidateResult> branches) {
		CotDecoding cot = new CotDecoding(ctx.extractor(), ctx.canonicalizer());
		List<BranchScore> scores = new ArrayList<>();
		for (int i = 0; i < branches.size(); i++) {
			Candidate c = branches.get(i).candidate();
			BranchScore score = cot.score(i, c.text(), c.tokens(), c.firstTokenProbability());
			scores.add(score);
			int index = branches.get(i).index();
			record(ctx, index, "delta", score.answerMargin());
			record(ctx, index, "path_margin", score.pathMargin());
			record(ctx, index, "first_token_p", score.firstTokenProbability());
		}
		CotSelection selection = cot.select(scores, ctx.spec().cotDecoding());
		if (selection == null) {
			ctx.degrade("cot-decoding", "no branch could be scored (no answer or no token probabilities on it); "
					+ "voted over the branches instead");
			return Votes.plurality(ctx, Strategy.COT_DECODING, null, null, 0);
		}
		return new Outcome(Strategy.COT_DECODING, null, selection.answer(), branches.get(selection.branch()).index(),
				selection.confidence(), selection.tally(), null, 0);
	}

	private static void record(RunContext ctx, int index, String name, double value) {
		if (!Double.isNaN(value)) {
			ctx.score(index, name, value);
		}
	}

}
