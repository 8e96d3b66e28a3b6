// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.store;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Hooks;
import reactor.test.StepVerifier;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connect that outlives the store timeout fails after the call has already answered.
 * That late failure is expected and handled (the caller got its fallback), so it must not
 * reach Reactor's global dropped-error hook, which logs it as an ERROR with a stack
 * trace.
 */
class RedisKvChunkStoreLateFailureTests {

	private final List<Throwable> dropped = new CopyOnWriteArrayList<>();

	@AfterEach
	void resetHooks() {
		Hooks.resetOnErrorDropped();
	}

	@Test
	void aConnectFailingAfterTheTimeoutIsNotReportedAsDropped() throws InterruptedException {
		Hooks.onErrorDropped(this.dropped::add);
		CountDownLatch connectFailed = new CountDownLatch(2);
		ReactiveRedisConnectionFactory slow = (ReactiveRedisConnectionFactory) Proxy.newProxyInstance(
				getClass().getClassLoader(), new Class<?>[] { ReactiveRedisConnectionFactory.class },
				(proxy, method, args) -> {
					if (method.getName().equals("getReactiveConnection")) {
						try {
							Thread.sleep(300);
						}
						catch (InterruptedException ex) {
							// what Lettuce's blocking connect does when the call is
							// cancelled
						}
						connectFailed.countDown();
						throw new IllegalStateException("connect failed late");
					}
					throw new UnsupportedOperationException(method.getName());
				});
		KvStoreOptions options = new KvStoreOptions(Duration.ofMillis(50), Duration.ofSeconds(60),
				FailurePolicy.RECOMPUTE);
		RedisKvChunkStore store = new RedisKvChunkStore(slow, options, null);

		StepVerifier.create(store.ping()).expectNext(false).expectComplete().verify(Duration.ofSeconds(5));
		StepVerifier.create(store.longestCachedPrefix(List.of("quorum:kv:late:0")))
			.expectNext(0)
			.expectComplete()
			.verify(Duration.ofSeconds(5));

		assertThat(connectFailed.await(5, TimeUnit.SECONDS)).isTrue();
		Thread.sleep(100); // let the late errors travel to wherever they go
		assertThat(this.dropped).isEmpty();
	}

}
