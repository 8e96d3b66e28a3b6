// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.store;

import java.time.Duration;
import java.util.List;

import dev.quorum.testsupport.redis.RedisInstance;
import dev.quorum.testsupport.redis.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis stopped mid-run, or never reachable: {@code recompute} answers "nothing cached"
 * and {@code fail} errors, each within the store timeout, counted in a metric; calls work
 * again once Redis is back. The generous {@code verify} limits only guard against a hang.
 */
class RedisKvChunkStoreOutageTests {

	private static final Duration TIMEOUT = Duration.ofMillis(500);

	private static final Duration HANG_GUARD = Duration.ofSeconds(10);

	private static final List<String> KEYS = List.of("quorum:kv:outage:0", "quorum:kv:outage:1");

	static RedisInstance redis;

	static LettuceConnectionFactory factory;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@BeforeAll
	static void startRedis() {
		redis = TestRedis.dedicated();
		factory = TestFactories.lettuce(redis);
	}

	@AfterAll
	static void stopRedis() {
		factory.destroy();
		redis.close();
	}

	@AfterEach
	void restart() {
		redis.start();
		TestFactories.awaitAnswer(store(FailurePolicy.RECOMPUTE));
	}

	private RedisKvChunkStore store(FailurePolicy policy) {
		KvStoreOptions options = new KvStoreOptions(TIMEOUT, Duration.ofSeconds(60), policy);
		return new RedisKvChunkStore(factory, options, this.meters);
	}

	@Test
	void recomputeAnswersNothingCachedWhileRedisIsDown() {
		RedisKvChunkStore store = store(FailurePolicy.RECOMPUTE);
		storeAll(store);
		assertThat(store.longestCachedPrefix(KEYS).block()).isEqualTo(2);
		redis.stop();
		StepVerifier.create(store.longestCachedPrefix(KEYS)).expectNext(0).expectComplete().verify(HANG_GUARD);
		StepVerifier.create(store.fetch(KEYS)).expectNext(List.of()).expectComplete().verify(HANG_GUARD);
		StepVerifier.create(store.store(KEYS.get(0), new byte[10], Duration.ofSeconds(60)))
			.expectNext(false)
			.expectComplete()
			.verify(HANG_GUARD);
		StepVerifier.create(store.delete(KEYS.get(0))).expectNext(false).expectComplete().verify(HANG_GUARD);
		assertThat(failures()).isEqualTo(4);
		assertThat(this.meters.get(KvTransferMetrics.TRANSFER_SECONDS)
			.tag("op", "exists")
			.tag("outcome", "ok")
			.timer()
			.count()).isEqualTo(1);
	}

	@Test
	void failSignalsAnErrorWhileRedisIsDown() {
		RedisKvChunkStore store = store(FailurePolicy.FAIL);
		storeAll(store);
		redis.stop();
		StepVerifier.create(store.longestCachedPrefix(KEYS))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(KvStoreException.class)
				.extracting((e) -> ((KvStoreException) e).op())
				.isEqualTo("exists"))
			.verify(HANG_GUARD);
		StepVerifier.create(store.fetch(KEYS)).expectError(KvStoreException.class).verify(HANG_GUARD);
		StepVerifier.create(store.store(KEYS.get(0), new byte[10], Duration.ofSeconds(60)))
			.expectError(KvStoreException.class)
			.verify(HANG_GUARD);
		assertThat(failures()).isEqualTo(3);
	}

	@Test
	void callsWorkAgainAfterRedisComesBack() {
		RedisKvChunkStore store = store(FailurePolicy.RECOMPUTE);
		redis.stop();
		assertThat(store.longestCachedPrefix(KEYS).block(HANG_GUARD)).isZero();
		redis.start();
		TestFactories.awaitAnswer(store);
		// The data went with the stopped server.
		assertThat(store.longestCachedPrefix(KEYS).block()).isZero();
		assertThat(store.store(KEYS.get(0), new byte[10], Duration.ofSeconds(60)).block()).isTrue();
		assertThat(store.longestCachedPrefix(KEYS).block()).isEqualTo(1);
	}

	@Test
	void aRedisThatNeverAnsweredDegradesTheSameWay() {
		redis.stop();
		LettuceConnectionFactory cold = TestFactories.lettuce(redis);
		try {
			KvStoreOptions options = new KvStoreOptions(TIMEOUT, Duration.ofSeconds(60), FailurePolicy.RECOMPUTE);
			RedisKvChunkStore store = new RedisKvChunkStore(cold, options, this.meters);
			StepVerifier.create(store.ping()).expectNext(false).expectComplete().verify(HANG_GUARD);
			StepVerifier.create(store.longestCachedPrefix(KEYS)).expectNext(0).expectComplete().verify(HANG_GUARD);
			RedisKvChunkStore failing = new RedisKvChunkStore(cold, options.withFailurePolicy(FailurePolicy.FAIL),
					this.meters);
			StepVerifier.create(failing.fetch(KEYS)).expectError(KvStoreException.class).verify(HANG_GUARD);
		}
		finally {
			cold.destroy();
		}
	}

	private static void storeAll(RedisKvChunkStore store) {
		for (String key : KEYS) {
			assertThat(store.store(key, new byte[100], Duration.ofSeconds(60)).block()).isTrue();
		}
	}

	private double failures() {
		return this.meters.find(KvTransferMetrics.TRANSFER_FAILURES)
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

}
