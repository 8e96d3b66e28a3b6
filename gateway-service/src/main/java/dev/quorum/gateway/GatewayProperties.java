// SPDX-License-Identifier: Apache-2.0
package dev.quorum.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.quorum.web.resilience.CircuitBreakerSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of gateway-service under {@code quorum.gateway}. Every one can be set from the
 * environment, e.g. {@code QUORUM_GATEWAY_ROUTES_DECODE_URI},
 * {@code QUORUM_GATEWAY_AUTH_MODE}, {@code QUORUM_GATEWAY_AUTH_KEYS_0_SHA256}.
 *
 * @param routes the backends requests are routed to
 * @param auth API-key authentication
 * @param rateLimit per-key rate limits kept in Redis
 * @param maxBodySize largest request body accepted; larger bodies get 413
 * @param cors cross-origin access for browser clients
 */
@Validated
@ConfigurationProperties("quorum.gateway")
public record GatewayProperties(@Valid @NotNull Routes routes, @Valid @NotNull Auth auth,
		@Valid @NotNull RateLimit rateLimit, @DefaultValue("1MB") DataSize maxBodySize,
		@Valid @DefaultValue Cors cors) {

	/**
	 * The three backends behind the gateway.
	 *
	 * @param decode decode-service: plain generation, models, tokenization
	 * @param ensemble ensemble-service: /v1/reason and strategy models on
	 * /v1/chat/completions
	 * @param verifier verifier-service: /v1/verify and /v1/rewards
	 */
	public record Routes(@Valid @NotNull Backend decode, @Valid @NotNull Backend ensemble,
			@Valid @NotNull Backend verifier) {
	}

	/**
	 * One backend and its resilience settings. The circuit breaker and time limiter are
	 * named after the backend.
	 *
	 * @param uri base URI
	 * @param connectTimeout time to open a connection
	 * @param responseTimeout time until the backend sends its response headers (streams
	 * may then run on, up to the time limit); past it the client gets 504
	 * @param timeLimit longest a whole exchange may take, streaming included; past it the
	 * client gets 504 (or the stream is cut if it already started)
	 * @param circuitBreaker when to stop sending requests to a failing backend;
	 * connection failures and timeouts count as failures, answers of the backend (errors
	 * included) do not
	 */
	public record Backend(@NotNull URI uri, @DefaultValue("2s") Duration connectTimeout,
			@DefaultValue("60s") Duration responseTimeout, @DefaultValue("10m") Duration timeLimit,
			@Valid @DefaultValue CircuitBreakerSettings circuitBreaker) {
	}

	/**
	 * API-key authentication.
	 *
	 * @param mode {@code keys} (default) requires {@code Authorization: Bearer <key>};
	 * {@code open} lets everyone in and exists only for the local quickstart
	 * @param keys the accepted keys, by SHA-256 hash; plain keys never appear in
	 * configuration
	 */
	public record Auth(@DefaultValue("keys") AuthMode mode, @Valid @DefaultValue List<ApiKey> keys) {
	}

	/** How the gateway authenticates callers. */
	public enum AuthMode {

		/** Bearer API keys, checked against configured SHA-256 hashes. */
		KEYS,
		/** No authentication; for the local quickstart only. */
		OPEN

	}

	/**
	 * One accepted API key.
	 *
	 * @param id a name for the key, used in logs and metrics instead of the key
	 * @param sha256 lower-case hex SHA-256 of the key
	 * @param rateClass the rate-limit class of the key
	 */
	public record ApiKey(@NotBlank String id, @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}") String sha256,
			@DefaultValue("default") String rateClass) {
	}

	/**
	 * Per-key token-bucket rate limits, kept in Redis so that every gateway replica
	 * shares them.
	 *
	 * @param enabled whether requests are rate-limited
	 * @param failOpen when Redis does not answer within {@code redisTimeout}: let the
	 * request through (true) or answer 503 (false)
	 * @param redisTimeout longest wait for Redis per request
	 * @param classes rate classes by name; a key names its class
	 */
	public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean failOpen,
			@DefaultValue("250ms") Duration redisTimeout, @NotEmpty Map<String, @Valid RateClass> classes) {
	}

	/**
	 * A token bucket.
	 *
	 * @param requestsPerSecond sustained rate (tokens added per second)
	 * @param burst bucket size: requests allowed at once after a quiet period
	 */
	public record RateClass(@Positive double requestsPerSecond, @Min(1) int burst) {
	}

	/**
	 * CORS for browser clients; off while {@code allowedOrigins} is empty.
	 *
	 * @param allowedOrigins origins (patterns allowed) that may call the API from a
	 * browser
	 * @param maxAge how long browsers may cache a preflight answer
	 */
	public record Cors(@DefaultValue List<String> allowedOrigins, @DefaultValue("30m") Duration maxAge) {
	}

}
