// SPDX-License-Identifier: Apache-2.0
package dev.quorum.decode.kv;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quorum.decode.DecodeProperties;
import dev.quorum.web.request.RequestId;
import reactor.core.publisher.Mono;

import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Calls prefill-service ({@code POST /internal/v1/prefill}) behind the {@code prefill}
 * circuit breaker and time limit. Any failure, timeout or open circuit surfaces as an
 * error the caller answers by prefilling locally.
 */
final class PrefillClient {

	private final WebClient web;

	private final ReactiveCircuitBreaker circuitBreaker;

	PrefillClient(WebClient.Builder builder, DecodeProperties.Prefill settings, ReactiveCircuitBreaker circuitBreaker) {
		this.web = builder.baseUrl(settings.uri().toString()).build();
		this.circuitBreaker = circuitBreaker;
	}

	/**
	 * Asks prefill-service to store the KV of a prompt's chunks.
	 * @param model the model id
	 * @param tokens the whole prompt
	 * @param chunkTokens the chunk size this service hashes with
	 * @param requestId the client request's id, passed on
	 * @return the reply: every listed chunk is stored
	 */
	Mono<Reply> prefill(String model, int[] tokens, int chunkTokens, String requestId) {
		Mono<Reply> call = this.web.post()
			.uri("/internal/v1/prefill")
			.contentType(MediaType.APPLICATION_JSON)
			.header(RequestId.HEADER, requestId)
			.bodyValue(new Request(model, tokens, chunkTokens))
			.retrieve()
			.bodyToMono(Reply.class);
		return this.circuitBreaker.run(call, Mono::error);
	}

	/**
	 * The request body.
	 *
	 * @param model model id
	 * @param tokens prompt token ids
	 * @param chunkTokens chunk size
	 */
	record Request(@JsonProperty("model") String model, @JsonProperty("tokens") int[] tokens,
			@JsonProperty("chunkTokens") int chunkTokens) {
	}

	/**
	 * The reply (timings are ignored here).
	 *
	 * @param chunks hashes of the stored leading chunks
	 * @param reusedChunks already stored before the call
	 * @param computedChunks computed by the call
	 */
	record Reply(@JsonProperty("chunks") List<String> chunks, @JsonProperty("reusedChunks") int reusedChunks,
			@JsonProperty("computedChunks") int computedChunks) {
	}

}
