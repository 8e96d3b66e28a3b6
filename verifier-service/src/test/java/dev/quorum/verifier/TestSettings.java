// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier;

import java.util.HashMap;
import java.util.Map;

import dev.quorum.verifier.backend.CompletionBackend;
import dev.quorum.verifier.backend.TestBackends;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigurationProperties;

/**
 * Settings and backends for tests outside a Spring context, bound exactly as the service
 * binds them (defaults included).
 */
public final class TestSettings {

	private TestSettings() {
	}

	/**
	 * The settings with some properties set.
	 * @param properties {@code quorum.verifier.*} keys relative to the prefix, e.g.
	 * {@code decode.prompts-per-call}, and their values
	 * @return the bound settings
	 */
	public static VerifierProperties of(Map<String, String> properties) {
		Map<String, String> prefixed = new HashMap<>();
		properties.forEach((key, value) -> prefixed.put("quorum.verifier." + key, value));
		return new Binder(new MapConfigurationPropertySource(prefixed)).bindOrCreate("quorum.verifier",
				VerifierProperties.class);
	}

	/**
	 * A backend on a fresh circuit breaker.
	 * @param properties the settings (decode URI included)
	 * @return the backend
	 */
	public static CompletionBackend backend(VerifierProperties properties) {
		ReactiveResilience4JCircuitBreakerFactory factory = new ReactiveResilience4JCircuitBreakerFactory(
				CircuitBreakerRegistry.ofDefaults(), TimeLimiterRegistry.ofDefaults(), null,
				new Resilience4JConfigurationProperties());
		return TestBackends.create(properties, factory);
	}

}
