// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.kv;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

import dev.quorum.bench.stats.Summary;
import dev.quorum.kv.chunk.KvChunk;
import dev.quorum.kv.chunk.KvChunkCodec;
import dev.quorum.kv.chunk.KvDtype;
import dev.quorum.kv.chunk.KvShape;
import dev.quorum.kv.hash.ChunkHasher;
import dev.quorum.kv.hash.ChunkRef;
import dev.quorum.kv.hash.KvNamespace;
import dev.quorum.kv.store.KvChunkTransfer;
import dev.quorum.kv.store.RedisKvChunkStore;
import reactor.core.publisher.Flux;

/**
 * The measurements of {@link KvCommand}; each is the median over rounds after warm-up
 * rounds, and deletes what it wrote.
 */
final class KvRuns {

	private static final Duration TTL = Duration.ofMinutes(10);

	/** Tokens per chunk, the platform's default. */
	static final int CHUNK_TOKENS = 32;

	private final RedisKvChunkStore store;

	private final int rounds;

	private final int warmup;

	KvRuns(RedisKvChunkStore store, int rounds, int warmup) {
		this.store = store;
		this.rounds = rounds;
		this.warmup = warmup;
	}

	KvReport.Codec codec(KvShape shape, KvDtype dtype, int chunks) {
		KvChunkCodec codec = new KvChunkCodec(dtype);
		KvChunk chunk = RandomKv.chunk(shape, tokens(0), 1);
		byte[] blob = codec.encode(chunk);
		double kvBytes = 2.0 * shape.layers() * CHUNK_TOKENS * shape.kvDim() * Float.BYTES * chunks;
		double encode = median(() -> time(() -> {
			for (int i = 0; i < chunks; i++) {
				codec.encode(chunk);
			}
		}));
		double decode = median(() -> time(() -> {
			for (int i = 0; i < chunks; i++) {
				codec.decode(blob, shape, chunk.tokens());
			}
		}));
		return new KvReport.Codec(KvCommand.name(shape), dtype.wireName(), blob.length, kvBytes / encode,
				kvBytes / decode);
	}

	KvReport.Store store(KvShape shape, KvDtype dtype, int chunks) {
		byte[] blob = new KvChunkCodec(dtype).encode(RandomKv.chunk(shape, tokens(0), 2));
		List<String> keys = IntStream.range(0, chunks)
			.mapToObj((i) -> "quorum:bench:" + KvCommand.name(shape) + ":" + dtype.wireName() + ":" + i)
			.toList();
		double bytes = (double) blob.length * chunks;
		try {
			double write = median(() -> time(
					() -> Flux.fromIterable(keys).flatMap((key) -> this.store.store(key, blob, TTL)).blockLast()));
			double read = median(() -> time(() -> {
				int got = this.store.fetch(keys).block().size();
				if (got != chunks) {
					throw new IllegalStateException("read " + got + " of " + chunks + " chunks back");
				}
			}));
			return new KvReport.Store(KvCommand.name(shape), dtype.wireName(), bytes / 1e6, bytes / write, bytes / read,
					write / 1e6, read / 1e6);
		}
		finally {
			delete(keys);
		}
	}

	KvReport.Handoff handoff(KvShape shape, KvDtype dtype, int promptTokens) {
		KvNamespace namespace = KvNamespace.of("0".repeat(63) + "b", dtype, CHUNK_TOKENS);
		ChunkHasher hasher = new ChunkHasher(namespace);
		int[] prompt = RandomKv.prompt(promptTokens, 32000, 3);
		List<ChunkRef> refs = hasher.chunks(prompt);
		List<KvChunk> chunks = refs.stream().map((r) -> RandomKv.chunk(shape, r.tokens(), r.index())).toList();
		KvChunkTransfer transfer = new KvChunkTransfer(this.store, new KvChunkCodec(dtype), shape, TTL, null);
		List<String> keys = refs.stream().map(ChunkRef::key).toList();
		try {
			double write = median(() -> time(() -> Flux.range(0, refs.size())
				.flatMap((i) -> transfer.write(refs.get(i), chunks.get(i)))
				.blockLast()));
			double exists = median(() -> time(() -> {
				int found = this.store.longestCachedPrefix(keys).block();
				if (found != keys.size()) {
					throw new IllegalStateException("found " + found + " of " + keys.size() + " chunks");
				}
			}));
			double read = median(() -> time(() -> {
				int got = transfer.read(refs).block().size();
				if (got != refs.size()) {
					throw new IllegalStateException("read " + got + " of " + refs.size() + " chunks back");
				}
			}));
			return new KvReport.Handoff(KvCommand.name(shape), dtype.wireName(), promptTokens, refs.size(), write / 1e6,
					exists / 1e6, read / 1e6, (exists + read) / 1e6);
		}
		finally {
			delete(keys);
		}
	}

	private void delete(List<String> keys) {
		Flux.fromIterable(keys).flatMap(this.store::delete).blockLast();
	}

	/** Runs warm-up rounds, then the measured ones; the median in nanoseconds. */
	private double median(LongSupplier nanos) {
		for (int i = 0; i < this.warmup; i++) {
			nanos.getAsLong();
		}
		double[] v = new double[this.rounds];
		for (int i = 0; i < this.rounds; i++) {
			v[i] = nanos.getAsLong();
		}
		return Summary.of(v).median();
	}

	private static long time(Runnable work) {
		long start = System.nanoTime();
		work.run();
		return System.nanoTime() - start;
	}

	private static int[] tokens(int first) {
		return IntStream.range(first, first + CHUNK_TOKENS).toArray();
	}

}
