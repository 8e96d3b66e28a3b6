// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.quorum.reasoning.ReasoningException;

/**
 * Runs a strategy for one request: the entry point the services call.
 * <p>
 * {@link #reason} never blocks: it composes the stages of the {@link CandidateSource}s
 * and the {@link dev.quorum.reasoning.verify.Verifier}, so it may be called on an event
 * loop as long as the sources do not block either. Each request's configuration is
 * immutable; one {@code Reasoner} serves any number of concurrent requests. The returned
 * stage completes exceptionally only with a {@link ReasoningException} (unknown model,
 * invalid request, deadline exceeded, every backend failed), or with the unexpected
 * exception itself.
 */
public final class Reasoner {

	private final ReasoningServices services;

	/**
	 * A reasoner over the service's sources and verifiers.
	 * @param services what the orchestrators need
	 */
	public Reasoner(ReasoningServices services) {
		this.services = services;
	}

	/**
	 * Answers a question without progress events.
	 * @param request the question and strategy
	 * @return the result
	 */
	public CompletionStage<ReasoningResult> reason(ReasoningRequest request) {
		return reason(request, ProgressListener.NONE);
	}

	/**
	 * Answers a question, reporting progress.
	 * @param request the question and strategy
	 * @param listener progress events (for SSE)
	 * @return the result
	 */
	public CompletionStage<ReasoningResult> reason(ReasoningRequest request, ProgressListener listener) {
		CompletableFuture<ReasoningResult> result = new CompletableFuture<>();
		try {
			RunContext ctx = new RunContext(request, this.services, listener);
			ctx.checkResources();
			CompletableFuture<Outcome> outcome = switch (request.spec().strategy()) {
				case GREEDY, COT -> GreedyStrategy.run(ctx);
				case SELF_CONSISTENCY -> SelfConsistencyStrategy.run(ctx, null);
				case COT_DECODING -> CotDecodingStrategy.run(ctx);
				case BEST_OF_N, VERIFIED_VOTE -> VerifiedStrategy.run(ctx);
				case ENSEMBLE -> EnsembleStrategy.run(ctx);
			};
			outcome.thenApply(ctx::finish).whenComplete((value, error) -> {
				if (error != null) {
					result.completeExceptionally(RunContext.unwrap(error));
				}
				else {
					result.complete(value);
				}
			});
		}
		catch (RuntimeException ex) {
			result.completeExceptionally(ex);
		}
		return result;
	}

}
