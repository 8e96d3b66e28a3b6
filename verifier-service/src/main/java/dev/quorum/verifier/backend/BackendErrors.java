// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.backend;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import dev.quorum.openai.ApiException;
import dev.quorum.openai.client.OpenAiBackendException;
import dev.quorum.openai.client.OpenAiClientException;
import dev.quorum.openai.client.OpenAiConnectionException;
import dev.quorum.openai.client.OpenAiProtocolException;
import dev.quorum.openai.client.OpenAiTimeoutException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/**
 * What the client sees when the verifier model's backend fails, and which failures count
 * against the circuit breaker.
 */
final class BackendErrors {

	/**
	 * Failures that count against the circuit: the backend is down, slow, overloaded or
	 * talking nonsense. Its 4xx answers (unknown model, prompt too long) do not: they are
	 * the request's fault and say nothing about the backend's health.
	 */
	static final Predicate<Throwable> BACKEND_FAULT = (failure) -> {
		if (failure instanceof OpenAiClientException answered) {
			return answered.status() >= 500 || answered.status() == 429;
		}
		return failure instanceof OpenAiBackendException || failure instanceof TimeoutException;
	};

	private BackendErrors() {
	}

	/**
	 * Maps a failed backend call to the client's error.
	 * @param failure what the call (or the circuit breaker around it) signalled
	 * @param model the verifier model the call named
	 * @param retryAfter the delay to suggest while the circuit is open
	 * @return an {@link ApiException}, or the failure itself when it is a bug here (then
	 * a 500)
	 */
	static Throwable toClientError(Throwable failure, String model, Duration retryAfter) {
		return switch (failure) {
			case ApiException api -> api;
			case CallNotPermittedException open -> ApiException.unavailable(
					"The verifier backend (decode) is failing and its circuit is open; retry after the Retry-After delay",
					retryAfter);
			case TimeoutException timeout ->
				ApiException.timeout("The verifier backend (decode) did not answer in time");
			case OpenAiTimeoutException timeout ->
				ApiException.timeout("The verifier backend (decode) did not answer in time");
			case OpenAiConnectionException down ->
				ApiException.unavailable("The verifier backend (decode) is unavailable", retryAfter);
			case OpenAiProtocolException garbage ->
				ApiException.unavailable("The verifier backend (decode) sent a malformed response", retryAfter);
			case OpenAiClientException answered -> fromAnswer(answered, model, retryAfter);
			default -> failure;
		};
	}

	private static ApiException fromAnswer(OpenAiClientException answered, String model, Duration retryAfter) {
		int status = answered.status();
		String reason = (answered.error() != null) ? answered.error().error().message() : "HTTP " + status;
		if (status == 404) {
			return ApiException.modelNotFound(model);
		}
		if (status >= 400 && status < 500 && status != 429) {
			return ApiException.invalidRequest("candidates", "The verifier model rejected a prompt: " + reason);
		}
		Duration delay = (answered.retryAfter() != null) ? answered.retryAfter() : retryAfter;
		return ApiException.unavailable("The verifier backend (decode) failed: " + reason, delay);
	}

}
