// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.backend;

import java.util.List;
import java.util.concurrent.CompletionStage;

import dev.quorum.reasoning.pipeline.Candidate;
import dev.quorum.reasoning.pipeline.CandidateSource;
import dev.quorum.reasoning.pipeline.GenerationRequest;
import reactor.core.publisher.Mono;

/**
 * A model's candidate source within one request: sampling through chat, or CoT-decoding
 * branches, under the model's bulkhead, with the request id on every call. Cancelling the
 * returned stage cancels the HTTP calls (the stage is Reactor's own future of the
 * subscription).
 *
 * @param model the model
 * @param scope the request's scope
 */
record ModelSource(ModelEndpoint model, RequestScope scope) implements CandidateSource {

	@Override
	public CompletionStage<List<Candidate>> generate(GenerationRequest request) {
		Mono<List<Candidate>> work = (request.branches() > 0) ? CotDecoder.branches(this.model, request, this.scope)
				: ChatSampler.sample(this.model, request, this.scope);
		return ModelEndpoint.withRequestId(this.model.calls().guarded(work), this.scope).toFuture();
	}

}
