// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import dev.quorum.reasoning.ReasoningException;
import dev.quorum.reasoning.stop.AdaptiveStopping;
import dev.quorum.reasoning.stop.EarlyStop;
import dev.quorum.reasoning.stop.StopDecision;
import dev.quorum.reasoning.strategy.ModelSpec;
import dev.quorum.reasoning.vote.VoteTally;

/**
 * Draws samples of one model in waves: the first wave has {@code max(min_samples, wave)}
 * samples, each later one {@code wave}; after each wave the stopping rule looks at the
 * plurality tally. At the deadline, or when the backend fails, it stops with what arrived
 * if that is at least {@code min_samples}, else the request fails.
 */
final class Sampling {

	private Sampling() {
	}

	/**
	 * Draws up to {@code max} samples.
	 * @return the last stopping decision
	 */
	static CompletableFuture<StopDecision> draw(RunContext ctx, ModelSpec model, int max, double temperature,
			int topLogprobs, EarlyStop policy) {
		return wave(ctx, model, max, temperature, topLogprobs, policy, 0);
	}

	private static CompletableFuture<StopDecision> wave(RunContext ctx, ModelSpec model, int max, double temperature,
			int topLogprobs, EarlyStop policy, int used) {
		int size = (used == 0) ? policy.firstWave(max) : Math.min(policy.waveSize(), max - used);
		GenerationRequest request = ctx.request(model, size, temperature, topLogprobs, 0);
		int needed = Math.min(policy.minSamples(), max);
		return ctx.generate(request).handle((List<Candidate> batch, Throwable error) -> {
			if (error != null || batch.isEmpty()) {
				Throwable cause = (error != null) ? error
						: new IllegalStateException("the backend returned no candidates");
				return CompletableFuture.completedFuture(afterFailure(ctx, model, cause, used, needed));
			}
			ctx.accept(batch);
			int now = used + batch.size();
			VoteTally tally = ctx.plurality();
			RunContext.notify(() -> ctx.listener().vote(tally, now));
			StopDecision decision = AdaptiveStopping.decide(policy, tally.counts(), now, max);
			if (!decision.stop()) {
				return wave(ctx, model, max, temperature, topLogprobs, policy, now);
			}
			if (decision.early()) {
				RunContext.notify(() -> ctx.listener().earlyStop(decision, now, max - now));
			}
			return CompletableFuture.completedFuture(decision);
		}).thenCompose(Function.identity());
	}

	/**
	 * Stops with what arrived when that is enough, else fails the request.
	 * @throws ReasoningException {@code DEADLINE_EXCEEDED} or {@code BACKEND_UNAVAILABLE}
	 */
	static StopDecision afterFailure(RunContext ctx, ModelSpec model, Throwable error, int used, int needed) {
		Throwable cause = RunContext.unwrap(error);
		if (cause instanceof ReasoningException ex) {
			throw ex;
		}
		boolean late = cause instanceof RunContext.DeadlinePassed;
		if (used >= Math.max(1, needed)) {
			if (late) {
				ctx.degrade("deadline", "answered from " + used + " samples when the deadline passed");
			}
			else {
				ctx.degrade("model:" + model.name(), RunContext.describe(cause));
			}
			return new StopDecision(true, false, Double.NaN, late ? "deadline" : "backend_failed");
		}
		throw late ? deadlineExceeded(ctx, used, needed) : unavailable(model, cause);
	}

	static ReasoningException unavailable(ModelSpec model, Throwable cause) {
		return new ReasoningException(ReasoningException.Kind.BACKEND_UNAVAILABLE, null,
				"model '" + model.name() + "' failed: " + RunContext.describe(cause));
	}

	static ReasoningException deadlineExceeded(RunContext ctx, int used, int needed) {
		return new ReasoningException(ReasoningException.Kind.DEADLINE_EXCEEDED, "deadline_ms",
				"the deadline of " + ctx.spec().deadline().toMillis() + " ms passed with " + used + " of the "
						+ Math.max(1, needed) + " samples needed");
	}

}
