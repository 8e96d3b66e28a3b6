// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.backend;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.quorum.openai.chat.CreateChatCompletionRequest;
import dev.quorum.openai.chat.CreateChatCompletionResponse;
import dev.quorum.reasoning.cotdecoding.GeneratedToken;
import dev.quorum.reasoning.pipeline.Candidate;
import dev.quorum.reasoning.pipeline.GenerationRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Samples through {@code /v1/chat/completions}: {@code n} samples in one request, so they
 * share one prefill, split into parallel requests of at most {@code maxBatch}. Token
 * logprobs are asked for only when the strategy wants them and the backend has them. When
 * a batch's choices carry no per-token counts, its completion tokens are shared out by
 * text length (the total stays exact); its prompt tokens are billed on its first
 * candidate.
 */
final class ChatSampler {

	private ChatSampler() {
	}

	static Mono<List<Candidate>> sample(ModelEndpoint model, GenerationRequest request, RequestScope scope) {
		long start = System.nanoTime();
		List<Mono<List<Candidate>>> batches = new ArrayList<>();
		int max = model.capabilities().maxBatch();
		for (int done = 0; done < request.n(); done += max) {
			int size = Math.min(max, request.n() - done);
			batches.add(batch(model, request, scope, size, start));
		}
		return Flux.mergeSequential(batches).flatMapIterable((list) -> list).collectList();
	}

	private static Mono<List<Candidate>> batch(ModelEndpoint model, GenerationRequest request, RequestScope scope,
			int size, long start) {
		Integer top = (request.topLogprobs() > 0 && model.capabilities().logprobs()) ? request.topLogprobs() : null;
		return Mono.defer(() -> {
			CreateChatCompletionRequest chat = CreateChatCompletionRequest
				.of(model.backendModel(), ModelEndpoint.messages(request))
				.withMaxTokens(request.maxTokens())
				.withSampling(size, request.temperature(), null, scope.reserveSeeds(model.name(), size))
				.withLogprobs(top);
			return model.calls().call("chat", model.client().chat(chat));
		}).map((response) -> candidates(model.name(), response, Duration.ofNanos(System.nanoTime() - start)));
	}

	static List<Candidate> candidates(String model, CreateChatCompletionResponse response, Duration latency) {
		List<CreateChatCompletionResponse.Choice> choices = response.choices();
		List<String> texts = choices.stream()
			.map((c) -> (c.message() != null && c.message().content() != null) ? c.message().content() : "")
			.toList();
		int[] shares = share((response.usage() != null) ? response.usage().completionTokens() : 0, texts);
		List<Candidate> candidates = new ArrayList<>(choices.size());
		for (int i = 0; i < choices.size(); i++) {
			CreateChatCompletionResponse.Choice choice = choices.get(i);
			List<GeneratedToken> tokens = TokenDetails.ofChat(choice.logprobs());
			int completion = (choice.logprobs() != null && choice.logprobs().content() != null)
					? choice.logprobs().content().size() : shares[i];
			int prompt = (i == 0 && response.usage() != null) ? response.usage().promptTokens() : 0;
			candidates.add(new Candidate(model, texts.get(i), choice.finishReason(), prompt, completion, latency,
					tokens, Double.NaN));
		}
		return candidates;
	}

	/** Shares a total out in proportion to the texts' UTF-8 lengths, exactly. */
	static int[] share(int total, List<String> texts) {
		int[] shares = new int[texts.size()];
		long bytes = texts.stream().mapToLong((t) -> t.getBytes(StandardCharsets.UTF_8).length).sum();
		int given = 0;
		for (int i = 0; i < shares.length; i++) {
			long size = texts.get(i).getBytes(StandardCharsets.UTF_8).length;
			shares[i] = (bytes > 0) ? (int) (total * size / bytes) : total / Math.max(1, shares.length);
			given += shares[i];
		}
		for (int i = 0; given < total && shares.length > 0; i = (i + 1) % shares.length) {
			shares[i]++;
			given++;
		}
		return shares;
	}

}
