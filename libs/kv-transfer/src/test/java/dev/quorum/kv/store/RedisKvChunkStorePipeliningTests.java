// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import dev.quorum.testsupport.redis.RedisInstance;
import dev.quorum.testsupport.redis.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch costs one round trip: through a proxy that withholds replies until every
 * command of the batch has arrived, the store still gets its answer. A client that waited
 * for each reply would time out (the control test shows the proxy catches that).
 */
class RedisKvChunkStorePipeliningTests {

	private static final int KEYS = 16;

	private ReplyHoldingProxy proxy;

	private LettuceConnectionFactory factory;

	private RedisKvChunkStore store;

	private List<String> keys;

	@BeforeEach
	void start() {
		RedisInstance redis = TestRedis.shared();
		this.proxy = new ReplyHoldingProxy(redis.host(), redis.port());
		this.factory = TestFactories.lettuce("127.0.0.1", this.proxy.port());
		KvStoreOptions options = KvStoreOptions.defaults().withFailurePolicy(FailurePolicy.FAIL);
		this.store = new RedisKvChunkStore(this.factory, options, null);
		String prefix = "quorum:kv:pipeline:" + UUID.randomUUID() + ":";
		this.keys = IntStream.range(0, KEYS).mapToObj((i) -> prefix + i).toList();
		for (String key : this.keys) {
			assertThat(this.store.store(key, new byte[1000], Duration.ofSeconds(60)).block()).isTrue();
		}
	}

	@AfterEach
	void stop() {
		this.factory.destroy();
		this.proxy.close();
	}

	@Test
	void existenceChecksArePipelined() {
		this.proxy.hold("EXISTS", KEYS);
		assertThat(this.store.longestCachedPrefix(this.keys).block()).isEqualTo(KEYS);
	}

	@Test
	void fetchesArePipelined() {
		this.proxy.hold("GETEX", KEYS);
		assertThat(this.store.fetch(this.keys).block()).hasSize(KEYS);
	}

	@Test
	void controlOneCommandAtATimeNeverGetsItsReplies() {
		this.proxy.hold("EXISTS", 2);
		ReactiveRedisConnectionFactory connections = this.factory;
		Mono<Long> sequential = Mono.usingWhen(Mono.fromSupplier(connections::getReactiveConnection),
				(connection) -> Flux.fromIterable(this.keys.subList(0, 2))
					.concatMap((key) -> connection.keyCommands().exists(buffer(key)))
					.count(),
				ReactiveRedisConnection::closeLater);
		StepVerifier.create(sequential.timeout(Duration.ofSeconds(1))).expectError(TimeoutException.class).verify();
	}

	private static ByteBuffer buffer(String key) {
		return ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8));
	}

}
