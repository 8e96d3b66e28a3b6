// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Scores the parsed candidates with the spec's verifier. Unparsed candidates are not sent
 * (they cannot win) and, like candidates without a signal, get NaN.
 */
final class Verification {

	private Verification() {
	}

	/**
	 * Verifier scores per candidate index, NaN where none.
	 */
	static CompletableFuture<double[]> scores(RunContext ctx) {
		List<CandidateResult> all = ctx.results();
		List<CandidateResult> parsed = all.stream().filter((c) -> c.answer() != null).toList();
		double[] scores = new double[all.size()];
		Arrays.fill(scores, Double.NaN);
		if (parsed.isEmpty()) {
			return CompletableFuture.completedFuture(scores);
		}
		return ctx.verify(parsed).thenApply((values) -> {
			for (int i = 0; i < parsed.size(); i++) {
				int index = parsed.get(i).index();
				scores[index] = values.get(i);
				if (!Double.isNaN(values.get(i))) {
					ctx.score(index, "verifier", values.get(i));
				}
			}
			return scores;
		});
	}

	/** Why verification could not be used, for the degraded list. */
	static String failure(Throwable error) {
		Throwable cause = RunContext.unwrap(error);
		return (cause instanceof RunContext.DeadlinePassed) ? "no scores before the deadline"
				: RunContext.describe(cause);
	}

}
