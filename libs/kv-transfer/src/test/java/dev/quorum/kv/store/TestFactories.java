// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.store;

import java.time.Duration;
import java.util.function.Function;

import dev.quorum.testsupport.redis.RedisInstance;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Lettuce connection factories as a service would configure them: a connect timeout below
 * the store timeout.
 */
final class TestFactories {

	private TestFactories() {
	}

	static LettuceConnectionFactory lettuce(RedisInstance redis) {
		return lettuce(redis.host(), redis.port());
	}

	static LettuceConnectionFactory lettuce(String host, int port) {
		ClientOptions client = ClientOptions.builder()
			.socketOptions(SocketOptions.builder().connectTimeout(Duration.ofMillis(300)).build())
			.build();
		LettuceClientConfiguration configuration = LettuceClientConfiguration.builder()
			.clientOptions(client)
			.commandTimeout(Duration.ofSeconds(10))
			.build();
		LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port),
				configuration);
		factory.afterPropertiesSet();
		return factory;
	}

	/**
	 * Waits until the store's Redis answers a ping: the first connect is opened blocking
	 * and can outlast the store timeout on a loaded machine, and Lettuce reconnects in
	 * the background with back-off.
	 */
	static void awaitAnswer(RedisKvChunkStore store) {
		Mono<Boolean> answered = store.ping()
			.filter(Boolean::booleanValue)
			.repeatWhenEmpty(100, (attempts) -> attempts.delayElements(Duration.ofMillis(200)));
		if (!Boolean.TRUE.equals(answered.block(Duration.ofSeconds(30)))) {
			throw new IllegalStateException("Redis did not answer within 30 s");
		}
	}

	/**
	 * Runs one command on a connection of the factory and waits for its reply (tests
	 * only).
	 */
	static <T> T run(ReactiveRedisConnectionFactory factory, Function<ReactiveRedisConnection, Mono<T>> command) {
		return Mono
			.usingWhen(Mono.fromSupplier(factory::getReactiveConnection), command, ReactiveRedisConnection::closeLater)
			.block(Duration.ofSeconds(10));
	}

}
