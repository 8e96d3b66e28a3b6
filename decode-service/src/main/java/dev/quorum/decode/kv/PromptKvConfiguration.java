// SPDX-License-Identifier: Apache-2.0
package dev.quorum.decode.kv;

import dev.quorum.decode.DecodeProperties;
import dev.quorum.serving.kv.KvChunks;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Wires the prompt-KV resolution: the prefill-service client behind its circuit breaker.
 */
@Configuration(proxyBeanMethods = false)
class PromptKvConfiguration {

	@Bean
	PromptKv promptKv(KvChunks chunks, DecodeProperties properties, WebClient.Builder web,
			ReactiveResilience4JCircuitBreakerFactory circuitBreakers, MeterRegistry meters) {
		circuitBreakers.configure(
				(builder) -> builder
					.circuitBreakerConfig(CircuitBreakerConfig.custom()
						.slidingWindowSize(20)
						.minimumNumberOfCalls(5)
						.failureRateThreshold(50)
						.waitDurationInOpenState(java.time.Duration.ofSeconds(10))
						.build())
					.timeLimiterConfig(
							TimeLimiterConfig.custom().timeoutDuration(properties.prefill().timeout()).build()),
				"prefill");
		PrefillClient client = new PrefillClient(web.clone(), properties.prefill(), circuitBreakers.create("prefill"));
		return new PromptKv(chunks, client, properties, meters);
	}

}
