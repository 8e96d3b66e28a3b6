// SPDX-License-Identifier: Apache-2.0
package dev.quorum.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.quorum.gateway.GatewayProperties;
import dev.quorum.gateway.GatewayProperties.RateClass;
import dev.quorum.gateway.GatewayProperties.RateLimit;
import dev.quorum.gateway.auth.ApiKeyAuthFilter;
import dev.quorum.gateway.auth.Caller;
import dev.quorum.openai.ErrorType;
import dev.quorum.openai.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Charges each authenticated request to its key's token bucket in Redis. Refused requests
 * get 429 with {@code Retry-After}; every answer carries
 * {@code x-ratelimit-limit-requests} and {@code x-ratelimit-remaining-requests}. When
 * Redis does not answer in time the request passes (fail-open, default) or gets 503
 * (fail-closed), and the outage is counted.
 */
@Component
public class RateLimitFilter implements WebFilter, Ordered {

	private static final Log log = LogFactory.getLog(RateLimitFilter.class);

	/** The decision when Redis did not answer and the filter fails open. */
	private static final RedisTokenBucket.Decision UNKNOWN = new RedisTokenBucket.Decision(true, -1, Duration.ZERO);

	private final RateLimit settings;

	private final RedisTokenBucket buckets;

	private final MeterRegistry meters;

	private final AtomicBoolean redisDown = new AtomicBoolean();

	RateLimitFilter(GatewayProperties properties, ReactiveStringRedisTemplate redis, MeterRegistry meters) {
		this.settings = properties.rateLimit();
		this.buckets = new RedisTokenBucket(redis, this.settings.redisTimeout());
		this.meters = meters;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Caller caller = Caller.of(exchange);
		if (!this.settings.enabled() || caller == null) {
			return chain.filter(exchange);
		}
		RateClass rateClass = this.settings.classes().get(caller.rateClass());
		if (rateClass == null) {
			log.warn("Key '" + caller.keyId() + "' names unknown rate class '" + caller.rateClass()
					+ "'; using 'default'");
			rateClass = this.settings.classes().get("default");
		}
		if (rateClass == null) {
			return chain.filter(exchange);
		}
		int burst = rateClass.burst();
		return this.buckets.take(caller.keyId(), rateClass)
			.onErrorResume((error) -> redisFailed(error, burst))
			.flatMap((decision) -> {
				if (decision != UNKNOWN && this.redisDown.compareAndSet(true, false)) {
					log.info("Rate limit store answers again");
				}
				HttpHeaders headers = exchange.getResponse().getHeaders();
				headers.set("x-ratelimit-limit-requests", Integer.toString(burst));
				if (decision != UNKNOWN) {
					headers.set("x-ratelimit-remaining-requests", Long.toString(decision.remaining()));
				}
				if (!decision.allowed()) {
					this.meters.counter("quorum.gateway.ratelimit.rejected", "class", caller.rateClass()).increment();
					return Mono.error(tooManyRequests(decision.retryAfter()));
				}
				return chain.filter(exchange);
			});
	}

	/**
	 * Opens the Redis connection once the application is ready, so that the first request
	 * does not pay for it (and, on a cold JVM, run past the timeout).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		if (this.settings.enabled()) {
			this.buckets.ping()
				.subscribe((pong) -> log.info("Rate limit store reachable"),
						(error) -> log.warn("Rate limit store not reachable at start-up (" + error.getMessage() + ")"));
		}
	}

	private Mono<RedisTokenBucket.Decision> redisFailed(Throwable error, int burst) {
		this.meters.counter("quorum.gateway.ratelimit.redis.errors").increment();
		if (this.redisDown.compareAndSet(false, true)) {
			log.warn("Rate limit store unavailable (" + error.getClass().getSimpleName() + "); failing "
					+ (this.settings.failOpen() ? "open" : "closed") + " until it answers again");
		}
		if (this.settings.failOpen()) {
			return Mono.just(UNKNOWN);
		}
		return Mono
			.error(ApiException.unavailable("Rate limiting is unavailable; retry shortly", Duration.ofSeconds(1)));
	}

	private static ApiException tooManyRequests(Duration retryAfter) {
		Duration wait = retryAfter.isZero() ? Duration.ofSeconds(1) : retryAfter;
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		return new ApiException(429, ErrorType.RATE_LIMIT,
				"Rate limit reached for this API key; retry in " + seconds + "s", null, "rate_limit_exceeded", wait);
	}

	@Override
	public int getOrder() {
		return ApiKeyAuthFilter.ORDER + 1;
	}

}
