// SPDX-License-Identifier: Apache-2.0
package dev.quorum.gateway.route;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import dev.quorum.openai.ApiException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import reactor.core.publisher.Mono;

import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Runs a route's exchange inside the backend's Resilience4j circuit breaker and time
 * limiter, and turns what goes wrong into the errors a client can act on: 503 with
 * {@code Retry-After} when the backend is down or its circuit is open, 504 when it is too
 * slow.
 */
final class BackendResilienceFilter implements GatewayFilter {

	private final String backend;

	private final ReactiveCircuitBreaker circuitBreaker;

	private final Duration retryAfter;

	BackendResilienceFilter(String backend, ReactiveCircuitBreaker circuitBreaker, Duration retryAfter) {
		this.backend = backend;
		this.circuitBreaker = circuitBreaker;
		this.retryAfter = retryAfter;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return this.circuitBreaker.run(chain.filter(exchange), (failure) -> Mono.error(toClientError(failure)));
	}

	/**
	 * Maps a failure of the exchange to what the client sees.
	 * @param failure what went wrong
	 * @return the client-facing error, or the failure itself when it is not the backend's
	 * fault
	 */
	Throwable toClientError(Throwable failure) {
		if (failure instanceof CallNotPermittedException) {
			return ApiException.unavailable(
					"The " + this.backend
							+ " backend is failing and its circuit is open; retry after the Retry-After delay",
					this.retryAfter);
		}
		if (failure instanceof TimeoutException
				|| (failure instanceof ResponseStatusException status && status.getStatusCode().value() == 504)) {
			return ApiException.timeout("The " + this.backend + " backend did not answer in time");
		}
		if (isConnectionFailure(failure)) {
			return ApiException.unavailable("The " + this.backend + " backend is unavailable", this.retryAfter);
		}
		return failure;
	}

	private static boolean isConnectionFailure(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof ConnectException || t instanceof UnknownHostException
					|| t.getClass().getName().endsWith("PrematureCloseException") || (t instanceof IOException
							&& t.getMessage() != null && t.getMessage().contains("Connection reset"))) {
				return true;
			}
		}
		return false;
	}

}
