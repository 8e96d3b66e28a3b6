// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.quorum.kv.store.KvTransferMetrics.Op;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.core.types.Expiration;

/**
 * {@link KvChunkStore} on Redis through a Spring Data
 * {@link ReactiveRedisConnectionFactory} (Lettuce; a Redis Cluster factory works too, as
 * every command names one key).
 *
 * <p>
 * Batches are pipelined: every command of a call is written before the first reply is
 * awaited, on the factory's shared connection. Each call is subscribed on
 * {@code boundedElastic}, because Spring Data opens the shared connection blocking the
 * first time; give the factory a connect timeout below the store timeout, and call
 * {@link #ping()} at start-up so the first request does not pay for it.
 */
public final class RedisKvChunkStore implements KvChunkStore {

	private static final Log log = LogFactory.getLog(RedisKvChunkStore.class);

	/**
	 * Reactor's per-subscription hook for errors that arrive after a cancel (its key is
	 * {@code Hooks.KEY_ON_ERROR_DROPPED}, not public). A timeout cancels a connect that
	 * is blocked on {@code boundedElastic}; the interrupted connect then fails, and
	 * without this hook Reactor would log that already-handled failure as an ERROR with a
	 * stack trace.
	 */
	private static final Context DROPPED = Context.of("reactor.onErrorDropped.local",
			(Consumer<Throwable>) (error) -> log.debug("KV store call failed after its timeout: " + error));

	private final ReactiveRedisConnectionFactory factory;

	private final KvStoreOptions options;

	private final KvTransferMetrics metrics;

	private final Expiration refresh;

	private final AtomicBoolean degraded = new AtomicBoolean();

	/**
	 * A store.
	 * @param factory the Redis connections
	 * @param options timeout, TTL and failure policy
	 * @param registry where meters go; {@code null} for none
	 */
	public RedisKvChunkStore(ReactiveRedisConnectionFactory factory, KvStoreOptions options,
			@Nullable MeterRegistry registry) {
		this.factory = factory;
		this.options = options;
		this.metrics = new KvTransferMetrics(registry);
		this.refresh = Expiration.seconds(options.ttl().getSeconds());
	}

	/**
	 * The options.
	 * @return timeout, TTL and failure policy
	 */
	public KvStoreOptions options() {
		return this.options;
	}

	@Override
	public Mono<Integer> longestCachedPrefix(List<String> keys) {
		if (keys.isEmpty()) {
			return Mono.just(0);
		}
		return call(Op.EXISTS, 0,
				(connection) -> Flux.fromIterable(keys)
					.flatMapSequential((key) -> connection.keyCommands().exists(buffer(key)), keys.size())
					.takeWhile(Boolean::booleanValue)
					.count()
					.map(Math::toIntExact));
	}

	@Override
	public Mono<List<byte[]>> fetch(List<String> keys) {
		if (keys.isEmpty()) {
			return Mono.just(List.of());
		}
		return call(Op.GET, List.of(),
				(connection) -> Flux.fromIterable(keys)
					.flatMapSequential((key) -> connection.stringCommands()
						.getEx(buffer(key), this.refresh)
						.map((value) -> Optional.of(bytes(value)))
						.defaultIfEmpty(Optional.empty()), keys.size())
					.takeWhile(Optional::isPresent)
					.map(Optional::get)
					.collectList()
					.doOnNext(this::countRead));
	}

	@Override
	public Mono<Boolean> store(String key, byte[] value, Duration ttl) {
		Expiration expiration = Expiration.seconds(KvStoreOptions.checkTtl(ttl));
		return call(Op.SET, false,
				(connection) -> connection.stringCommands()
					.set(buffer(key), ByteBuffer.wrap(value), expiration, SetOption.upsert())
					.doOnNext((stored) -> {
						this.metrics.bytes(Op.SET, value.length);
						this.metrics.valueSize(Op.SET, value.length);
					}));
	}

	@Override
	public Mono<Boolean> delete(String key) {
		return call(Op.DEL, false, (connection) -> connection.keyCommands().del(buffer(key)).map((n) -> n > 0));
	}

	/**
	 * Opens the connection if needed and checks that Redis answers within the timeout.
	 * Never errors.
	 * @return whether Redis answered
	 */
	public Mono<Boolean> ping() {
		return onConnection(ReactiveRedisConnection::ping).map((pong) -> true).onErrorReturn(false);
	}

	private <T> Mono<T> call(Op op, T fallback, Function<ReactiveRedisConnection, Mono<T>> action) {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return onConnection(action).doOnSuccess((result) -> succeeded(op, start))
				.onErrorResume((error) -> failed(op, error, start, fallback));
		});
	}

	/**
	 * Runs an action on the shared connection, off the event loop (the first open blocks)
	 * and within the store timeout. A connect the timeout cancelled may still fail later;
	 * that failure goes to the {@link #DROPPED} hook.
	 */
	private <T> Mono<T> onConnection(Function<ReactiveRedisConnection, Mono<T>> action) {
		return Mono
			.usingWhen(Mono.fromSupplier(this.factory::getReactiveConnection), action,
					ReactiveRedisConnection::closeLater)
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(this.options.timeout())
			.contextWrite(DROPPED);
	}

	private void succeeded(Op op, long start) {
		this.metrics.call(op, "ok", System.nanoTime() - start);
		if (this.degraded.compareAndSet(true, false)) {
			log.info("KV store answers again");
		}
	}

	private <T> Mono<T> failed(Op op, Throwable error, long start, T fallback) {
		boolean timeout = error instanceof TimeoutException;
		this.metrics.call(op, timeout ? "timeout" : "error", System.nanoTime() - start);
		this.metrics.failure(op, timeout ? "timeout" : "redis_error");
		if (this.degraded.compareAndSet(false, true)) {
			log.warn("KV store unavailable (" + error + "); " + ((this.options.failurePolicy() == FailurePolicy.FAIL)
					? "failing KV calls" : "recomputing KV locally") + " until it answers again");
		}
		if (this.options.failurePolicy() == FailurePolicy.FAIL) {
			return Mono.error(new KvStoreException(op.tag(), error));
		}
		return Mono.just(fallback);
	}

	private void countRead(List<byte[]> values) {
		long total = 0;
		for (byte[] value : values) {
			total += value.length;
			this.metrics.valueSize(Op.GET, value.length);
		}
		this.metrics.bytes(Op.GET, total);
	}

	private static ByteBuffer buffer(String key) {
		return ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] bytes(ByteBuffer buffer) {
		if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.position() == 0
				&& buffer.remaining() == buffer.array().length) {
			return buffer.array();
		}
		byte[] bytes = new byte[buffer.remaining()];
		buffer.duplicate().get(bytes);
		return bytes;
	}

}
