// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.backend;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import dev.quorum.openai.client.OpenAiClientException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;

/**
 * The one resilience layer of a model backend: every HTTP call runs under a time limit
 * inside the model's circuit breaker ({@code model-<name>}), every generation (one or
 * more calls) holds a bulkhead permit (refused at once when full, never queued, so no
 * thread waits). Calls are counted and timed per model, operation and outcome.
 */
final class BackendCalls {

	private final String model;

	private final CircuitBreaker breaker;

	private final Bulkhead bulkhead;

	private final Duration timeLimit;

	private final MeterRegistry meters;

	BackendCalls(String model, CircuitBreaker breaker, Bulkhead bulkhead, Duration timeLimit, MeterRegistry meters) {
		this.model = model;
		this.breaker = breaker;
		this.bulkhead = bulkhead;
		this.timeLimit = timeLimit;
		this.meters = meters;
	}

	/**
	 * One HTTP call under the time limit and circuit breaker, counted in
	 * {@code quorum.ensemble.backend.calls}.
	 * @param operation {@code chat}, {@code completions} or {@code tokenize}
	 * @param call the call
	 * @return the guarded call
	 */
	<T> Mono<T> call(String operation, Mono<T> call) {
		Mono<T> limited = call.timeout(this.timeLimit, Mono.error(() -> new TimeoutException(
				"model '" + this.model + "' did not answer within " + this.timeLimit.toMillis() + " ms")));
		return Mono.defer(() -> {
			Timer.Sample sample = Timer.start(this.meters);
			return limited.transformDeferred(CircuitBreakerOperator.of(this.breaker))
				.doOnSuccess((value) -> record(operation, sample, "success"))
				.doOnError((error) -> record(operation, sample, outcome(error)))
				.doOnCancel(() -> record(operation, sample, "cancelled"));
		});
	}

	/**
	 * A whole generation under the bulkhead.
	 * @param generation the calls of one generation
	 * @return the guarded generation; fails with {@link BulkheadFullException} when full
	 */
	<T> Mono<T> guarded(Mono<T> generation) {
		return generation.transformDeferred(BulkheadOperator.of(this.bulkhead))
			.doOnError(BulkheadFullException.class,
					(ex) -> this.meters
						.counter("quorum.ensemble.backend.calls", "model", this.model, "operation", "generation",
								"outcome", "rejected")
						.increment());
	}

	private void record(String operation, Timer.Sample sample, String outcome) {
		this.meters
			.counter("quorum.ensemble.backend.calls", "model", this.model, "operation", operation, "outcome", outcome)
			.increment();
		sample.stop(this.meters.timer("quorum.ensemble.backend.latency", "model", this.model, "operation", operation,
				"outcome", outcome));
	}

	private static String outcome(Throwable error) {
		if (error instanceof CallNotPermittedException) {
			return "circuit_open";
		}
		if (error instanceof TimeoutException) {
			return "timeout";
		}
		if (error instanceof OpenAiClientException client && client.status() < 500 && client.status() != 429) {
			return "rejected_request";
		}
		return "error";
	}

	/**
	 * Whether a failure says something about the backend's health (and so counts against
	 * its circuit): connection failures, timeouts, garbage, 429 and 5xx; not a 4xx about
	 * the request itself.
	 * @param error the failure
	 * @return whether to record it
	 */
	static boolean isBackendFault(Throwable error) {
		if (error instanceof OpenAiClientException client) {
			return client.status() >= 500 || client.status() == 429;
		}
		return true;
	}

}
