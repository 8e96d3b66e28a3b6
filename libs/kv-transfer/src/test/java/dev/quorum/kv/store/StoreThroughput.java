// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.store;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import dev.quorum.kv.chunk.KvChunkCodec;
import dev.quorum.kv.chunk.KvDtype;
import dev.quorum.kv.chunk.KvShape;
import dev.quorum.kv.chunk.TestChunks;
import dev.quorum.testsupport.redis.RedisInstance;
import dev.quorum.testsupport.redis.TestRedis;
import reactor.core.publisher.Flux;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A quick, non-asserting check of what one store moves through a local Redis: batches of
 * 32 chunk blobs of a given shape, written concurrently and fetched with one pipelined
 * {@code GETEX} batch. Not a test; run it with the module's test classpath (e.g. from
 * {@code mvn dependency:build-classpath -Dmdep.includeScope=test}) and an argument for
 * the number of measured rounds (default 50, after as many warm-up rounds).
 */
public final class StoreThroughput {

	private StoreThroughput() {
	}

	public static void main(String[] args) {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 50;
		try (RedisInstance redis = TestRedis.dedicated()) {
			LettuceConnectionFactory factory = TestFactories.lettuce(redis);
			try {
				RedisKvChunkStore store = new RedisKvChunkStore(factory,
						KvStoreOptions.defaults().withTimeout(Duration.ofSeconds(30)), null);
				for (KvShape shape : new KvShape[] { new KvShape(6, 2, 64), new KvShape(12, 12, 64) }) {
					run(store, shape, rounds);
				}
			}
			finally {
				factory.destroy();
			}
		}
	}

	private static void run(RedisKvChunkStore store, KvShape shape, int rounds) {
		byte[] blob = new KvChunkCodec(KvDtype.F16).encode(TestChunks.random(shape, 32, 1));
		List<String> keys = IntStream.range(0, 32).mapToObj((i) -> "quorum:kv:bench:" + shape + ":" + i).toList();
		long writeNanos = 0;
		long readNanos = 0;
		for (int round = -rounds; round < rounds; round++) { // as many warm-up rounds
			long start = System.nanoTime();
			Flux.fromIterable(keys).flatMap((key) -> store.store(key, blob, Duration.ofSeconds(600))).blockLast();
			long written = System.nanoTime();
			int fetched = store.fetch(keys).block().size();
			long read = System.nanoTime();
			if (fetched != keys.size()) {
				throw new IllegalStateException("fetched " + fetched);
			}
			if (round >= 0) {
				writeNanos += written - start;
				readNanos += read - written;
			}
		}
		double batchBytes = (double) blob.length * keys.size();
		System.out.printf(Locale.ROOT,
				"%s f16, 32 chunks of %d B (%.1f MB) per batch: write %.0f MB/s (%.2f ms), fetch %.0f MB/s (%.2f ms)%n",
				shape, blob.length, batchBytes / 1e6, batchBytes * rounds / (writeNanos / 1e3),
				writeNanos / 1e6 / rounds, batchBytes * rounds / (readNanos / 1e3), readNanos / 1e6 / rounds);
	}

}
