// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Generates candidates for one model: the decode-service client, an external
 * OpenAI-compatible backend, or a fake in tests. Implementations must not block the
 * caller; cancelling the returned stage ({@code toCompletableFuture().cancel(true)})
 * should cancel the generation (strategies cancel stragglers at the deadline).
 */
@FunctionalInterface
public interface CandidateSource {

	/**
	 * Generates a batch.
	 * @param request what to generate
	 * @return the candidates, normally {@code request.n()} of them; completes
	 * exceptionally when the backend fails, or with {@link UnsupportedOperationException}
	 * when it lacks a requested capability (branching, logprobs)
	 */
	CompletionStage<List<Candidate>> generate(GenerationRequest request);

}
