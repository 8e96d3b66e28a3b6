// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.quorum.testsupport.redis.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

class RedisKvChunkStoreTests {

	static final LettuceConnectionFactory factory = TestFactories.lettuce(TestRedis.shared());

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final RedisKvChunkStore store = new RedisKvChunkStore(factory, KvStoreOptions.defaults(), this.meters);

	private final String prefix = "quorum:kv:test:" + UUID.randomUUID() + ":";

	@AfterAll
	static void close() {
		factory.destroy();
	}

	@BeforeEach
	void connect() {
		TestFactories.awaitAnswer(this.store);
	}

	@Test
	void storesAndFetchesInOrder() {
		List<String> keys = keys(4);
		for (int i = 0; i < keys.size(); i++) {
			assertThat(this.store.store(keys.get(i), value(i, 1000 + i), Duration.ofSeconds(60)).block()).isTrue();
		}
		assertThat(this.store.longestCachedPrefix(keys).block()).isEqualTo(4);
		List<byte[]> values = this.store.fetch(keys).block();
		assertThat(values).hasSize(4);
		for (int i = 0; i < 4; i++) {
			assertThat(values.get(i)).isEqualTo(value(i, 1000 + i));
		}
	}

	@Test
	void prefixAndFetchStopAtTheFirstMiss() {
		List<String> keys = keys(4);
		for (int i : new int[] { 0, 1, 3 }) {
			this.store.store(keys.get(i), value(i, 10), Duration.ofSeconds(60)).block();
		}
		assertThat(this.store.longestCachedPrefix(keys).block()).isEqualTo(2);
		assertThat(this.store.fetch(keys).block()).hasSize(2);
		assertThat(this.store.longestCachedPrefix(keys.subList(2, 4)).block()).isZero();
		assertThat(this.store.fetch(keys.subList(2, 4)).block()).isEmpty();
	}

	@Test
	void noKeysMeansNothingCached() {
		assertThat(this.store.longestCachedPrefix(List.of()).block()).isZero();
		assertThat(this.store.fetch(List.of()).block()).isEmpty();
	}

	@Test
	void storeSetsTheTtlAndFetchRefreshesIt() {
		String key = keys(1).get(0);
		this.store.store(key, value(0, 10), Duration.ofSeconds(100)).block();
		assertThat(ttl(key)).isBetween(1L, 100L);
		this.store.longestCachedPrefix(List.of(key)).block();
		assertThat(ttl(key)).as("EXISTS leaves the TTL alone").isBetween(1L, 100L);
		this.store.fetch(List.of(key)).block();
		assertThat(ttl(key)).as("GETEX sets the store's TTL").isGreaterThan(3000L).isLessThanOrEqualTo(3600L);
	}

	@Test
	void storingTheSameChunkTwiceIsHarmless() {
		String key = keys(1).get(0);
		assertThat(this.store.store(key, value(7, 100), Duration.ofSeconds(60)).block()).isTrue();
		assertThat(this.store.store(key, value(7, 100), Duration.ofSeconds(60)).block()).isTrue();
		assertThat(this.store.fetch(List.of(key)).block()).singleElement().isEqualTo(value(7, 100));
	}

	@Test
	void deleteRemovesAKey() {
		String key = keys(1).get(0);
		this.store.store(key, value(1, 10), Duration.ofSeconds(60)).block();
		assertThat(this.store.delete(key).block()).isTrue();
		assertThat(this.store.delete(key).block()).isFalse();
		assertThat(this.store.longestCachedPrefix(List.of(key)).block()).isZero();
	}

	@Test
	void oneCommandPerKeyAndNoValuesForAnExistenceCheck() {
		List<String> keys = keys(8);
		keys.forEach((key) -> this.store.store(key, value(0, 50_000), Duration.ofSeconds(60)).block());
		Properties before = commandStats();
		assertThat(this.store.longestCachedPrefix(keys).block()).isEqualTo(8);
		Properties afterExists = commandStats();
		assertThat(calls(afterExists, "exists") - calls(before, "exists")).isEqualTo(8);
		assertThat(calls(afterExists, "getex") - calls(before, "getex")).isZero();
		assertThat(calls(afterExists, "get") - calls(before, "get")).isZero();
		assertThat(this.store.fetch(keys).block()).hasSize(8);
		assertThat(calls(commandStats(), "getex") - calls(afterExists, "getex")).isEqualTo(8);
	}

	@Test
	void metricsCountCallsAndBytes() {
		List<String> keys = keys(3);
		keys.forEach((key) -> this.store.store(key, value(0, 1000), Duration.ofSeconds(60)).block());
		this.store.fetch(keys).block();
		this.store.longestCachedPrefix(keys).block();
		assertThat(this.meters.get(KvTransferMetrics.TRANSFER_BYTES).tag("direction", "write").counter().count())
			.isEqualTo(3000);
		assertThat(this.meters.get(KvTransferMetrics.TRANSFER_BYTES).tag("direction", "read").counter().count())
			.isEqualTo(3000);
		assertThat(this.meters.get(KvTransferMetrics.TRANSFER_SECONDS)
			.tag("op", "set")
			.tag("outcome", "ok")
			.timer()
			.count()).isEqualTo(3);
		assertThat(this.meters.get(KvTransferMetrics.TRANSFER_SECONDS).tag("op", "get").timer().count()).isEqualTo(1);
		assertThat(this.meters.get(KvTransferMetrics.TRANSFER_SECONDS).tag("op", "exists").timer().count())
			.isEqualTo(1);
		assertThat(this.meters.get(KvTransferMetrics.VALUE_SIZE).tag("op", "get").summary().totalAmount())
			.isEqualTo(3000);
		assertThat(this.meters.find(KvTransferMetrics.TRANSFER_FAILURES).counters()).isEmpty();
	}

	private List<String> keys(int count) {
		return IntStream.range(0, count).mapToObj((i) -> this.prefix + i).toList();
	}

	static byte[] value(int seed, int length) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) (seed * 31 + i);
		}
		return bytes;
	}

	static long ttl(String key) {
		return TestFactories.run(factory,
				(connection) -> connection.keyCommands().ttl(ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8))));
	}

	static Properties commandStats() {
		return TestFactories.run(factory, (connection) -> connection.serverCommands().info("commandstats"));
	}

	/** {@code cmdstat_exists:calls=8,usec=...} to 8. */
	static long calls(Properties stats, String command) {
		String line = stats.getProperty("cmdstat_" + command);
		if (line == null) {
			return 0;
		}
		return Long.parseLong(line.substring("calls=".length(), line.indexOf(',')));
	}

}
