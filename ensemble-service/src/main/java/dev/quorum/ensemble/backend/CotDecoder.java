// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.backend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.quorum.openai.client.OpenAiClientException;
import dev.quorum.openai.completions.CompletionBranching;
import dev.quorum.openai.completions.CompletionPrompt;
import dev.quorum.openai.completions.CreateCompletionRequest;
import dev.quorum.openai.completions.CreateCompletionResponse;
import dev.quorum.openai.tokenize.TokenizeRequest;
import dev.quorum.reasoning.pipeline.Candidate;
import dev.quorum.reasoning.pipeline.GenerationRequest;
import reactor.core.publisher.Mono;

/**
 * CoT-decoding's branches (Wang &amp; Zhou 2024) over {@code /v1/completions} with a
 * token-id prompt: the conversation is tokenized by the backend ({@code /v1/tokenize},
 * through its chat template), then a Quorum decode-service branches inside one request
 * ({@code quorum_branching}: the top-k first tokens over forked KV, each continued
 * greedily, with the probability floor applied there too). Other backends go through
 * {@link FirstTokenBranches}. Branches come back in first-token rank order with their
 * tokens' offsets and top-2 probabilities.
 */
final class CotDecoder {

	private CotDecoder() {
	}

	static Mono<List<Candidate>> branches(ModelEndpoint model, GenerationRequest request, RequestScope scope) {
		if (!model.capabilities().logprobs()) {
			return Mono.error(new UnsupportedOperationException(
					"backend of '" + model.name() + "' returns no logprobs, which CoT-decoding needs"));
		}
		long start = System.nanoTime();
		return tokenize(model, request)
			.flatMap((ids) -> model.capabilities().branching() ? branchInOneRequest(model, request, scope, ids, start)
					: FirstTokenBranches.branches(model, request, scope, ids, start));
	}

	/** The prompt's token ids, through the backend's chat template. */
	static Mono<int[]> tokenize(ModelEndpoint model, GenerationRequest request) {
		TokenizeRequest tokenize = TokenizeRequest.ofMessages(model.backendModel(), ModelEndpoint.messages(request),
				true);
		return model.calls()
			.call("tokenize", model.client().tokenize(tokenize))
			.map((response) -> response.tokenArray())
			.onErrorMap(OpenAiClientException.class, (ex) -> (ex.status() == 404 || ex.status() == 405)
					? new UnsupportedOperationException("backend of '" + model.name() + "' has no tokenize endpoint")
					: ex);
	}

	private static Mono<List<Candidate>> branchInOneRequest(ModelEndpoint model, GenerationRequest request,
			RequestScope scope, int[] ids, long start) {
		CreateCompletionRequest completion = CreateCompletionRequest
			.of(model.backendModel(), CompletionPrompt.ofTokens(ids), request.maxTokens())
			.withSampling(null, 0.0, null, null)
			.withLogprobs(2)
			.withBranching(CompletionBranching.of(request.branches(), scope.cotFloor()));
		return model.calls().call("completions", model.client().completions(completion)).map((response) -> {
			Duration latency = Duration.ofNanos(System.nanoTime() - start);
			List<CreateCompletionResponse.Choice> choices = new ArrayList<>(response.choices());
			choices.sort(Comparator.comparingInt(CreateCompletionResponse.Choice::index));
			List<Candidate> branches = new ArrayList<>();
			for (CreateCompletionResponse.Choice choice : choices) {
				int prompt = branches.isEmpty() && response.usage() != null ? response.usage().promptTokens() : 0;
				branches.add(branch(model.name(), choice, prompt, latency));
			}
			return branches;
		});
	}

	private static Candidate branch(String model, CreateCompletionResponse.Choice choice, int promptTokens,
			Duration latency) {
		String text = (choice.text() != null) ? choice.text() : "";
		CreateCompletionResponse.Logprobs logprobs = choice.logprobs();
		boolean known = logprobs != null && logprobs.tokenLogprobs() != null && !logprobs.tokenLogprobs().isEmpty()
				&& logprobs.tokenLogprobs().get(0) != null;
		double first = known ? Math.exp(logprobs.tokenLogprobs().get(0)) : Double.NaN;
		int tokens = (logprobs != null && logprobs.tokens() != null) ? logprobs.tokens().size() : 0;
		return new Candidate(model, text, choice.finishReason(), promptTokens, tokens, latency,
				TokenDetails.ofCompletion(logprobs, text, 0), first);
	}

}
