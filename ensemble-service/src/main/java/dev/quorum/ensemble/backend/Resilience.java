// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.backend;

import java.time.Duration;

import dev.quorum.ensemble.EnsembleProperties;
import dev.quorum.web.resilience.CircuitBreakerSettings;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The circuit breakers and bulkheads of ensemble-service's downstreams, with their
 * Micrometer metrics ({@code resilience4j.circuitbreaker.*},
 * {@code resilience4j.bulkhead.*}, tagged by name).
 */
public final class Resilience {

	private final CircuitBreakerRegistry breakers;

	private final BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();

	private final MeterRegistry meters;

	/**
	 * Registries configured from the properties.
	 * @param settings the circuit-breaker settings
	 * @param meters where metrics go
	 */
	public Resilience(CircuitBreakerSettings settings, MeterRegistry meters) {
		this.breakers = CircuitBreakerRegistry.of(settings.config(BackendCalls::isBackendFault));
		this.meters = meters;
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(this.breakers).bindTo(meters);
		TaggedBulkheadMetrics.ofBulkheadRegistry(this.bulkheads).bindTo(meters);
	}

	/**
	 * A circuit breaker by name ({@code model-<name>}, {@code verifier}).
	 * @param name the name
	 * @return the breaker, created on first use
	 */
	public CircuitBreaker breaker(String name) {
		return this.breakers.circuitBreaker(name);
	}

	/** The resilience layer of one model. */
	BackendCalls calls(String model, EnsembleProperties.Connection connection) {
		Bulkhead bulkhead = this.bulkheads.bulkhead("model-" + model,
				BulkheadConfig.custom()
					.maxConcurrentCalls(connection.maxConcurrentCalls())
					.maxWaitDuration(Duration.ZERO)
					.build());
		return new BackendCalls(model, breaker("model-" + model), bulkhead, connection.timeLimit(), this.meters);
	}

}
