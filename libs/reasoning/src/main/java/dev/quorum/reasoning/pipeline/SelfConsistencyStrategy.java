// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import java.util.concurrent.CompletableFuture;

import dev.quorum.reasoning.strategy.Strategy;

/**
 * {@code self-consistency}: up to {@code n} samples in waves with adaptive stopping, then
 * a plurality vote. Also the fallback of cot-decoding on backends that cannot branch.
 */
final class SelfConsistencyStrategy {

	private SelfConsistencyStrategy() {
	}

	/**
	 * Runs self-consistency.
	 * @param degradedFrom the strategy this replaces, or {@code null}
	 */
	static CompletableFuture<Outcome> run(RunContext ctx, Strategy degradedFrom) {
		int max = ctx.spec().n();
		return Sampling
			.draw(ctx, ctx.spec().models().getFirst(), max, ctx.spec().temperature(), 0, ctx.spec().earlyStop())
			.thenApply((stop) -> {
				int saved = stop.early() ? max - ctx.results().size() : 0;
				return Votes.plurality(ctx, Strategy.SELF_CONSISTENCY, degradedFrom, stop, saved);
			});
	}

}
