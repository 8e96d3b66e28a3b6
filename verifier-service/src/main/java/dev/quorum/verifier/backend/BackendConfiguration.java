// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.backend;

import java.net.URI;

import dev.quorum.openai.client.OpenAiClient;
import dev.quorum.openai.client.OpenAiClientSettings;
import dev.quorum.verifier.VerifierProperties;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Wires the backend: an OpenAI client on {@code quorum.verifier.decode-uri} and the
 * {@code decode} circuit breaker with its time limit, both from
 * {@code quorum.verifier.decode.*}.
 */
@Configuration(proxyBeanMethods = false)
class BackendConfiguration {

	/** The circuit breaker's name, after the downstream it protects. */
	static final String CIRCUIT = "decode";

	@Bean
	CompletionBackend completionBackend(VerifierProperties properties, WebClient.Builder web,
			ReactiveResilience4JCircuitBreakerFactory circuitBreakers) {
		return create(properties, web, circuitBreakers);
	}

	/**
	 * The backend of a configuration.
	 * @param properties the settings
	 * @param web the WebClient builder to start from (cloned)
	 * @param circuitBreakers where the {@code decode} circuit breaker is configured
	 * @return the backend
	 */
	static CompletionBackend create(VerifierProperties properties, WebClient.Builder web,
			ReactiveResilience4JCircuitBreakerFactory circuitBreakers) {
		VerifierProperties.Decode decode = properties.decode();
		circuitBreakers.configure((builder) -> builder
			.circuitBreakerConfig(decode.circuitBreaker().config(BackendErrors.BACKEND_FAULT))
			.timeLimiterConfig(
					TimeLimiterConfig.custom().timeoutDuration(decode.timeLimit()).cancelRunningFuture(true).build()),
				CIRCUIT);
		OpenAiClientSettings client = new OpenAiClientSettings(apiRoot(properties.decodeUri()), decode.apiKey(),
				decode.connectTimeout(), decode.responseTimeout(), OpenAiClientSettings.DEFAULT_MAX_RESPONSE_BYTES,
				null);
		return new CompletionBackend(OpenAiClient.create(client, web), circuitBreakers.create(CIRCUIT),
				decode.circuitBreaker().waitInOpenState());
	}

	/**
	 * The OpenAI API root of a server: its base URI with {@code /v1} appended unless it
	 * already ends with it.
	 * @param base the configured URI, e.g. {@code http://decode:8081}
	 * @return e.g. {@code http://decode:8081/v1}
	 */
	static URI apiRoot(URI base) {
		String text = base.toString().replaceAll("/+$", "");
		return URI.create(text.endsWith("/v1") ? text : text + "/v1");
	}

}
