// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.backend;

import dev.quorum.verifier.VerifierProperties;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Opens the backend's package-private factory to tests in other packages.
 */
public final class TestBackends {

	private TestBackends() {
	}

	/**
	 * The backend the service would build.
	 * @param properties the settings
	 * @param circuitBreakers the circuit-breaker factory
	 * @return the backend
	 */
	public static CompletionBackend create(VerifierProperties properties,
			ReactiveResilience4JCircuitBreakerFactory circuitBreakers) {
		return BackendConfiguration.create(properties, WebClient.builder(), circuitBreakers);
	}

}
