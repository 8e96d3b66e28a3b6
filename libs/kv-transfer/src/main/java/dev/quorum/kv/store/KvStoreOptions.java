// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.store;

import java.time.Duration;

/**
 * How a {@link RedisKvChunkStore} talks to Redis.
 *
 * @param timeout longest a call may take, connection opening included; then the failure
 * policy applies
 * @param ttl lifetime a chunk gets again each time it is fetched ({@code GETEX ... EX}),
 * whole seconds, at least 1 s
 * @param failurePolicy what a call does when Redis fails or is slow
 */
public record KvStoreOptions(Duration timeout, Duration ttl, FailurePolicy failurePolicy) {

	/** Default timeout: 2 s. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

	/** Default chunk lifetime: 1 h. */
	public static final Duration DEFAULT_TTL = Duration.ofHours(1);

	/**
	 * Checks the values.
	 * @throws IllegalArgumentException for a non-positive timeout or a TTL that is not a
	 * whole number of seconds of at least one
	 */
	public KvStoreOptions {
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("The KV store timeout must be positive");
		}
		checkTtl(ttl);
		if (failurePolicy == null) {
			throw new IllegalArgumentException("The KV store failure policy is required");
		}
	}

	/**
	 * 2 s timeout, 1 h TTL, {@link FailurePolicy#RECOMPUTE}.
	 * @return the defaults
	 */
	public static KvStoreOptions defaults() {
		return new KvStoreOptions(DEFAULT_TIMEOUT, DEFAULT_TTL, FailurePolicy.RECOMPUTE);
	}

	/**
	 * These options with another failure policy.
	 * @param policy the policy
	 * @return new options
	 */
	public KvStoreOptions withFailurePolicy(FailurePolicy policy) {
		return new KvStoreOptions(this.timeout, this.ttl, policy);
	}

	/**
	 * These options with another timeout.
	 * @param timeout the timeout
	 * @return new options
	 */
	public KvStoreOptions withTimeout(Duration timeout) {
		return new KvStoreOptions(timeout, this.ttl, this.failurePolicy);
	}

	static long checkTtl(Duration ttl) {
		if (ttl == null || ttl.getSeconds() < 1 || ttl.getNano() != 0) {
			throw new IllegalArgumentException("A chunk TTL must be a whole number of seconds, at least 1, was " + ttl);
		}
		return ttl.getSeconds();
	}

}
