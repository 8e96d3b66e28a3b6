// SPDX-License-Identifier: Apache-2.0
package dev.quorum.gateway.route;

import dev.quorum.gateway.GatewayProperties;
import dev.quorum.gateway.GatewayProperties.Backend;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.Buildable;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.builder.BooleanSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

/**
 * The public routes (DESIGN.md, "Ports and names"). {@code /internal/**} has no route, so
 * it is never reachable through the gateway.
 */
@Configuration(proxyBeanMethods = false)
class RoutesConfiguration {

	@Bean
	RouteLocator quorumRoutes(RouteLocatorBuilder builder, GatewayProperties properties,
			ReactiveResilience4JCircuitBreakerFactory circuitBreakers, JsonMapper json) {
		StrategyModels strategies = new StrategyModels(json);
		GatewayProperties.Routes routes = properties.routes();
		return builder.routes()
			.route("ensemble-chat",
					(r) -> backend(
							r.path("/v1/chat/completions").and().readBody(String.class, strategies::isStrategyRequest),
							"ensemble", routes.ensemble(), circuitBreakers))
			.route("ensemble",
					(r) -> backend(r.path("/v1/reason", "/v1/reason/**"), "ensemble", routes.ensemble(),
							circuitBreakers))
			.route("decode",
					(r) -> backend(r.path("/v1/chat/completions", "/v1/completions", "/v1/models", "/v1/models/**",
							"/v1/tokenize"), "decode", routes.decode(), circuitBreakers))
			.route("verifier",
					(r) -> backend(r.path("/v1/verify", "/v1/rewards"), "verifier", routes.verifier(), circuitBreakers))
			.build();
	}

	private static Buildable<Route> backend(BooleanSpec predicate, String name, Backend backend,
			ReactiveResilience4JCircuitBreakerFactory circuitBreakers) {
		configure(circuitBreakers, name, backend);
		BackendResilienceFilter resilience = new BackendResilienceFilter(name, circuitBreakers.create(name),
				backend.circuitBreaker().waitInOpenState());
		return predicate.filters((f) -> f.filter(resilience))
			.metadata(CONNECT_TIMEOUT_ATTR, (int) backend.connectTimeout().toMillis())
			.metadata(RESPONSE_TIMEOUT_ATTR, (int) backend.responseTimeout().toMillis())
			.uri(backend.uri());
	}

	private static void configure(ReactiveResilience4JCircuitBreakerFactory circuitBreakers, String name,
			Backend backend) {
		// Every error of the exchange counts: the filter turns the backend's answers,
		// errors included, into successes before the breaker sees them.
		circuitBreakers.configure((config) -> config
			.circuitBreakerConfig(backend.circuitBreaker().config((failure) -> true))
			.timeLimiterConfig(
					TimeLimiterConfig.custom().timeoutDuration(backend.timeLimit()).cancelRunningFuture(true).build()),
				name);
	}

}
