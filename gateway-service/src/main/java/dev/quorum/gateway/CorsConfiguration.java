// SPDX-License-Identifier: Apache-2.0
package dev.quorum.gateway;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * CORS for browser clients, on when {@code quorum.gateway.cors.allowed-origins} lists
 * origins (otherwise browsers get no CORS headers and refuse cross-origin calls). It runs
 * before authentication so that preflight requests, which carry no key, are answered.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 2)
	CorsWebFilter corsWebFilter(GatewayProperties properties) {
		org.springframework.web.cors.CorsConfiguration cors = new org.springframework.web.cors.CorsConfiguration();
		cors.setAllowedOriginPatterns(properties.cors().allowedOrigins());
		cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
		// OpenAI SDKs send many x-stainless-* headers; the key is what protects the API,
		// not this list.
		cors.setAllowedHeaders(List.of("*"));
		cors.setExposedHeaders(
				List.of("X-Request-Id", "Retry-After", "x-ratelimit-limit-requests", "x-ratelimit-remaining-requests"));
		cors.setMaxAge(properties.cors().maxAge());
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!properties.cors().allowedOrigins().isEmpty()) {
			source.registerCorsConfiguration("/**", cors);
		}
		return new CorsWebFilter(source);
	}

}
