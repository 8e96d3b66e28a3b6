// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.backend;

import java.time.Duration;

import dev.quorum.openai.client.OpenAiClient;
import dev.quorum.openai.completions.CreateCompletionRequest;
import dev.quorum.openai.completions.CreateCompletionResponse;
import reactor.core.publisher.Mono;

import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;

/**
 * The one hop to the verifier model: {@code POST /v1/completions} on decode-service (or
 * any OpenAI-compatible server), behind the {@code decode} circuit breaker and time
 * limit. Every failure leaves as an {@link dev.quorum.openai.ApiException} the client can
 * read (see {@link BackendErrors}). No retries: a verification is cheap to ask again and
 * the SDKs of our callers retry 5xx themselves.
 */
public final class CompletionBackend {

	private final OpenAiClient client;

	private final ReactiveCircuitBreaker circuitBreaker;

	private final Duration retryAfter;

	/**
	 * A backend.
	 * @param client the OpenAI client of the backend
	 * @param circuitBreaker the {@code decode} circuit breaker (with its time limit)
	 * @param retryAfter the {@code Retry-After} sent while the circuit is open
	 */
	public CompletionBackend(OpenAiClient client, ReactiveCircuitBreaker circuitBreaker, Duration retryAfter) {
		this.client = client;
		this.circuitBreaker = circuitBreaker;
		this.retryAfter = retryAfter;
	}

	/**
	 * One text completion.
	 * @param request the request (not streamed)
	 * @return the completion, or an {@code ApiException} (400, 404, 503, 504)
	 */
	public Mono<CreateCompletionResponse> complete(CreateCompletionRequest request) {
		return this.circuitBreaker.run(this.client.completions(request),
				(failure) -> Mono.error(BackendErrors.toClientError(failure, request.model(), this.retryAfter)));
	}

}
