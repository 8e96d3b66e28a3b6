// SPDX-License-Identifier: Apache-2.0
package dev.quorum.web.resilience;

import java.time.Duration;
import java.util.function.Predicate;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code circuit-breaker} group of a service's configuration: when to stop calling a
 * failing downstream (Resilience4j, count-based window). Which errors count as failures
 * is the calling service's to say, in {@link #config(Predicate)}.
 *
 * @param failureRateThreshold percentage of failed calls that opens the circuit
 * @param slidingWindowSize calls the rate is computed over
 * @param minimumNumberOfCalls calls needed before the rate is computed
 * @param waitInOpenState how long the circuit stays open before letting trial calls
 * through; also the {@code Retry-After} sent meanwhile
 */
public record CircuitBreakerSettings(@DefaultValue("50") @DecimalMin("1") @DecimalMax("100") float failureRateThreshold,
		@DefaultValue("20") @Min(1) int slidingWindowSize, @DefaultValue("5") @Min(1) int minimumNumberOfCalls,
		@DefaultValue("10s") Duration waitInOpenState) {

	/** Trial calls let through while half-open. */
	static final int HALF_OPEN_CALLS = 2;

	/**
	 * The Resilience4j configuration of these settings.
	 * @param isFailure which errors count as failures (the others pass through the
	 * breaker without counting)
	 * @return the configuration
	 */
	public CircuitBreakerConfig config(Predicate<Throwable> isFailure) {
		return CircuitBreakerConfig.custom()
			.failureRateThreshold(this.failureRateThreshold)
			.slidingWindowSize(this.slidingWindowSize)
			.minimumNumberOfCalls(this.minimumNumberOfCalls)
			.waitDurationInOpenState(this.waitInOpenState)
			.permittedNumberOfCallsInHalfOpenState(HALF_OPEN_CALLS)
			.recordException(isFailure)
			.build();
	}

}
