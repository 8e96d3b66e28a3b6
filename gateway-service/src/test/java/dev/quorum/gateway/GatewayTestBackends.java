// SPDX-License-Identifier: Apache-2.0
package dev.quorum.gateway;

import dev.quorum.testsupport.redis.RedisInstance;
import dev.quorum.testsupport.redis.TestRedis;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What gateway tests run against: three real backends, a real Redis and two known API
 * keys.
 */
public final class GatewayTestBackends implements AutoCloseable {

	/** The plain key tests send (rate class {@code default}). */
	public static final String KEY = "sk-test-key-0123456789";

	/**
	 * SHA-256 of {@link #KEY}, as configuration holds it
	 * ({@code printf %s KEY | sha256sum}).
	 */
	public static final String KEY_SHA256 = "ae9a4bb8b08b4bee3853dbf1295f2b07758da3280477141bdef5865a69fb4955";

	/** A second key, of rate class {@code batch}. */
	public static final String OTHER_KEY = "sk-other-key-9876543210";

	/** SHA-256 of {@link #OTHER_KEY}. */
	public static final String OTHER_KEY_SHA256 = "46ad3c006c283bfdcdb6ca24d5212a3b2eb94665b10c976d54b0b86a7b223db0";

	/** Stands in for decode-service. */
	public final TestBackend decode = new TestBackend("decode");

	/** Stands in for ensemble-service. */
	public final TestBackend ensemble = new TestBackend("ensemble");

	/** Stands in for verifier-service. */
	public final TestBackend verifier = new TestBackend("verifier");

	/**
	 * Points the gateway at these backends, the shared test Redis and the two keys.
	 * @param registry the test's dynamic properties
	 */
	public void wire(DynamicPropertyRegistry registry) {
		wireRedis(registry, TestRedis.shared());
		registry.add("quorum.gateway.routes.decode.uri", this.decode::uri);
		registry.add("quorum.gateway.routes.ensemble.uri", this.ensemble::uri);
		registry.add("quorum.gateway.routes.verifier.uri", this.verifier::uri);
		registry.add("quorum.gateway.auth.keys[0].id", () -> "tester");
		registry.add("quorum.gateway.auth.keys[0].sha256", () -> KEY_SHA256);
		registry.add("quorum.gateway.auth.keys[1].id", () -> "other");
		registry.add("quorum.gateway.auth.keys[1].sha256", () -> OTHER_KEY_SHA256);
		registry.add("quorum.gateway.auth.keys[1].rate-class", () -> "batch");
	}

	/**
	 * Points the gateway's rate limiter at a Redis.
	 * @param registry the test's dynamic properties
	 * @param redis the Redis to use
	 */
	public static void wireRedis(DynamicPropertyRegistry registry, RedisInstance redis) {
		registry.add("spring.data.redis.url", redis::url);
	}

	@Override
	public void close() {
		this.decode.close();
		this.ensemble.close();
		this.verifier.close();
	}

}
