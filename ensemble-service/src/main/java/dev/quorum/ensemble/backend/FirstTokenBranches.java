// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.backend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.quorum.openai.completions.CompletionPrompt;
import dev.quorum.openai.completions.CreateCompletionRequest;
import dev.quorum.openai.completions.CreateCompletionResponse;
import dev.quorum.openai.tokenize.TokenizeRequest;
import dev.quorum.reasoning.cotdecoding.GeneratedToken;
import dev.quorum.reasoning.pipeline.Candidate;
import dev.quorum.reasoning.pipeline.GenerationRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * CoT-decoding on a backend without Quorum's branching extension, over plain
 * {@code /v1/completions} with token-id prompts and {@code logprobs}: one request for the
 * first token's alternatives (greedy, one token, {@code logprobs = min(k, max)}), then,
 * for each of the top k that pass the floor (the most likely always does), its token ids
 * (the alternative's text, tokenized without special tokens) appended to the prompt and
 * continued greedily in its own request, all k in parallel. A branch's text is the first
 * token's text followed by its continuation; the first token carries the top-2
 * probabilities of the first position. A backend that returns no alternatives cannot
 * branch: {@link UnsupportedOperationException}, and the strategy falls back to
 * self-consistency.
 */
final class FirstTokenBranches {

	private FirstTokenBranches() {
	}

	static Mono<List<Candidate>> branches(ModelEndpoint model, GenerationRequest request, RequestScope scope, int[] ids,
			long start) {
		int alternatives = Math.min(request.branches(), model.capabilities().maxLogprobs());
		CreateCompletionRequest first = CreateCompletionRequest
			.of(model.backendModel(), CompletionPrompt.ofTokens(ids), 1)
			.withSampling(null, 0.0, null, null)
			.withLogprobs(alternatives);
		return model.calls().call("completions", model.client().completions(first)).flatMap((response) -> {
			List<Map.Entry<String, Double>> ranked = ranked(model, response);
			int promptTokens = (response.usage() != null) ? response.usage().promptTokens() : 0;
			double[] top2 = { Math.exp(ranked.get(0).getValue()),
					(ranked.size() > 1) ? Math.exp(ranked.get(1).getValue()) : 0 };
			List<Mono<Candidate>> branches = new ArrayList<>();
			for (int i = 0; i < Math.min(request.branches(), ranked.size()); i++) {
				Map.Entry<String, Double> alternative = ranked.get(i);
				double p = Math.exp(alternative.getValue());
				if (i > 0 && p < scope.cotFloor()) {
					break;
				}
				branches.add(continueBranch(model, request, ids, alternative.getKey(), p, top2,
						(i == 0) ? promptTokens : 0, start));
			}
			return Flux.mergeSequential(branches).collectList();
		});
	}

	private static List<Map.Entry<String, Double>> ranked(ModelEndpoint model, CreateCompletionResponse response) {
		CreateCompletionResponse.Logprobs logprobs = response.choices().isEmpty() ? null
				: response.choices().get(0).logprobs();
		Map<String, Double> top = (logprobs != null && logprobs.topLogprobs() != null
				&& !logprobs.topLogprobs().isEmpty()) ? logprobs.topLogprobs().get(0) : null;
		if (top == null || top.isEmpty()) {
			throw new UnsupportedOperationException(
					"backend of '" + model.name() + "' returned no first-token alternatives");
		}
		List<Map.Entry<String, Double>> ranked = new ArrayList<>(
				top.entrySet().stream().filter((e) -> e.getKey() != null && e.getValue() != null).toList());
		ranked.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> e.getValue()).reversed());
		if (ranked.isEmpty()) {
			throw new UnsupportedOperationException(
					"backend of '" + model.name() + "' returned no first-token alternatives");
		}
		return ranked;
	}

	private static Mono<Candidate> continueBranch(ModelEndpoint model, GenerationRequest request, int[] prompt,
			String firstText, double firstP, double[] top2, int promptTokens, long start) {
		GeneratedToken firstToken = new GeneratedToken(0, firstText.length(), top2[0], Math.min(top2[0], top2[1]));
		if (request.maxTokens() <= 1) {
			return Mono.fromSupplier(() -> new Candidate(model.name(), firstText, "length", promptTokens, 1,
					Duration.ofNanos(System.nanoTime() - start), List.of(firstToken), firstP));
		}
		TokenizeRequest tokenize = new TokenizeRequest(model.backendModel(), firstText, null, null, false);
		return model.calls().call("tokenize", model.client().tokenize(tokenize)).flatMap((first) -> {
			int[] ids = concat(prompt, first.tokenArray());
			CreateCompletionRequest rest = CreateCompletionRequest
				.of(model.backendModel(), CompletionPrompt.ofTokens(ids), request.maxTokens() - 1)
				.withSampling(null, 0.0, null, null)
				.withLogprobs(2);
			return model.calls().call("completions", model.client().completions(rest));
		}).map((response) -> {
			CreateCompletionResponse.Choice choice = response.choices().isEmpty() ? null : response.choices().get(0);
			String tail = (choice != null && choice.text() != null) ? choice.text() : "";
			List<GeneratedToken> tokens = new ArrayList<>();
			tokens.add(firstToken);
			tokens.addAll(
					TokenDetails.ofCompletion((choice != null) ? choice.logprobs() : null, tail, firstText.length()));
			return new Candidate(model.name(), firstText + tail, (choice != null) ? choice.finishReason() : null,
					promptTokens, tokens.size(), Duration.ofNanos(System.nanoTime() - start), tokens, firstP);
		});
	}

	private static int[] concat(int[] a, int[] b) {
		int[] all = new int[a.length + b.length];
		System.arraycopy(a, 0, all, 0, a.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

}
