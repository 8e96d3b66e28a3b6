// SPDX-License-Identifier: Apache-2.0
package dev.quorum.gateway.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.quorum.gateway.GatewayProperties.RateClass;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * One atomic token-bucket step in Redis ({@code scripts/token-bucket.lua}), with a
 * timeout.
 */
final class RedisTokenBucket {

	static final String KEY_PREFIX = "quorum:ratelimit:";

	private final ReactiveStringRedisTemplate redis;

	/**
	 * Read once here, at start-up: reading a resource on an event loop would block it.
	 */
	@SuppressWarnings("rawtypes")
	private final RedisScript<List> script;

	private final Duration timeout;

	RedisTokenBucket(ReactiveStringRedisTemplate redis, Duration timeout) {
		this.redis = redis;
		this.timeout = timeout;
		this.script = RedisScript.of(loadScript(), List.class);
	}

	private static String loadScript() {
		try (InputStream in = new ClassPathResource("scripts/token-bucket.lua").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Rate-limit script missing from the classpath", ex);
		}
	}

	/**
	 * Takes one token from a caller's bucket.
	 * @param keyId the caller's key id
	 * @param rateClass the bucket's rate and size
	 * @return the decision; errors with a {@link java.util.concurrent.TimeoutException}
	 * or a Redis exception when Redis does not answer in time
	 */
	Mono<Decision> take(String keyId, RateClass rateClass) {
		List<String> keys = List.of(KEY_PREFIX + keyId);
		List<String> args = List.of(Double.toString(rateClass.requestsPerSecond()), Integer.toString(rateClass.burst()),
				"1");
		// Subscribing may open the Redis connection, which Lettuce does blocking: never
		// on an event loop.
		return this.redis.execute(this.script, keys, args)
			.next()
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(this.timeout)
			.map((reply) -> {
				long allowed = ((Number) reply.get(0)).longValue();
				long remaining = ((Number) reply.get(1)).longValue();
				long waitMillis = ((Number) reply.get(2)).longValue();
				return new Decision(allowed == 1, remaining, Duration.ofMillis(waitMillis));
			});
	}

	/**
	 * Checks that Redis answers, opening the connection if needed (off the event loops).
	 * @return PONG
	 */
	Mono<String> ping() {
		return Mono
			.usingWhen(Mono.fromSupplier(() -> this.redis.getConnectionFactory().getReactiveConnection()),
					(connection) -> connection.ping(), (connection) -> connection.closeLater())
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(Duration.ofSeconds(5));
	}

	/**
	 * Outcome of one step.
	 *
	 * @param allowed whether the request may pass
	 * @param remaining whole tokens left in the bucket
	 * @param retryAfter when a refused request would pass
	 */
	record Decision(boolean allowed, long remaining, Duration retryAfter) {
	}

}
