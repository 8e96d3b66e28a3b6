// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.quorum.reasoning.ReasoningException;
import dev.quorum.reasoning.strategy.ModelSpec;
import dev.quorum.reasoning.strategy.Strategy;

/**
 * {@code ensemble}: every model is asked in parallel for its {@code n} samples; at the
 * deadline the models still running are cancelled and left out. Candidates are recorded
 * in model order (not arrival order) so the tie rule stays deterministic. Each sample
 * weighs its model's weight, times its verifier score when a verifier is configured (a
 * failing verifier is left out and reported). Fewer than {@code min_samples} arrivals
 * fail the request: 504 when the deadline cut them off, else 503.
 */
final class EnsembleStrategy {

	private EnsembleStrategy() {
	}

	static CompletableFuture<Outcome> run(RunContext ctx) {
		List<ModelSpec> models = ctx.spec().models();
		List<CompletableFuture<List<Candidate>>> calls = new ArrayList<>();
		for (ModelSpec m : models) {
			calls.add(ctx.generate(ctx.request(m, m.samples(ctx.spec().n()), ctx.spec().temperature(), 0, 0)));
		}
		CompletableFuture<?>[] settled = calls.stream()
			.map((c) -> c.handle((v, e) -> null))
			.toArray(CompletableFuture[]::new);
		return CompletableFuture.allOf(settled).thenCompose((ignored) -> {
			List<Double> weights = collect(ctx, models, calls);
			if (ctx.spec().verifier() == null) {
				return CompletableFuture.completedFuture(vote(ctx, weights, null));
			}
			return Verification.scores(ctx).handle((scores, error) -> {
				if (error != null) {
					ctx.degrade("verifier", Verification.failure(error) + "; voted with model weights only");
				}
				return vote(ctx, weights, scores);
			});
		});
	}

	/** Records the arrivals in model order; returns each candidate's model weight. */
	private static List<Double> collect(RunContext ctx, List<ModelSpec> models,
			List<CompletableFuture<List<Candidate>>> calls) {
		List<Double> weights = new ArrayList<>();
		boolean late = false;
		String lastFailure = null;
		for (int i = 0; i < models.size(); i++) {
			CompletableFuture<List<Candidate>> call = calls.get(i);
			String component = "model:" + models.get(i).name();
			if (!call.isCompletedExceptionally()) {
				List<Candidate> batch = call.join();
				ctx.accept(batch);
				for (int j = 0; j < batch.size(); j++) {
					weights.add(models.get(i).weight());
				}
				continue;
			}
			Throwable cause = RunContext.unwrap(call.exceptionNow());
			if (cause instanceof ReasoningException ex) {
				throw ex;
			}
			boolean deadline = cause instanceof RunContext.DeadlinePassed;
			late |= deadline;
			lastFailure = deadline ? "no answer before the deadline; cancelled" : RunContext.describe(cause);
			ctx.degrade(component, lastFailure);
		}
		int needed = Math.max(1, Math.min(ctx.spec().earlyStop().minSamples(), ctx.spec().plannedSamples()));
		if (weights.size() < needed) {
			if (late) {
				throw Sampling.deadlineExceeded(ctx, weights.size(), needed);
			}
			throw new ReasoningException(ReasoningException.Kind.BACKEND_UNAVAILABLE, null, "only " + weights.size()
					+ " of the " + needed + " samples needed arrived; last failure: " + lastFailure);
		}
		return weights;
	}

	private static Outcome vote(RunContext ctx, List<Double> modelWeights, double[] scores) {
		double[] weights = new double[modelWeights.size()];
		for (int i = 0; i < weights.length; i++) {
			double score = (scores == null) ? 1.0 : (Double.isNaN(scores[i]) ? 0 : scores[i]);
			weights[i] = modelWeights.get(i) * score;
		}
		return Votes.weighted(ctx, Strategy.ENSEMBLE, weights, null);
	}

}
