// SPDX-License-Identifier: Apache-2.0
package dev.quorum.serving.kv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.quorum.engine.kv.KvSlice;
import dev.quorum.kv.chunk.KvChunk;
import dev.quorum.kv.hash.ChunkHasher;
import dev.quorum.kv.hash.ChunkRef;
import dev.quorum.kv.store.KvChunkStore;
import dev.quorum.kv.store.KvChunkTransfer;
import dev.quorum.serving.ServedModel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One model's KV chunks in Redis: which chunks a prompt has, how many of them are stored,
 * and moving them between the engine's {@link KvSlice} (layer-major float arrays) and the
 * store. The chunk size is the engine's block size, so a chunk is exactly one KV block.
 */
public final class ModelKv {

	private final ServedModel model;

	private final ChunkHasher hasher;

	private final KvChunkStore store;

	private final KvChunkTransfer transfer;

	ModelKv(ServedModel model, KvChunkStore store, KvChunkTransfer transfer) {
		this.model = model;
		this.hasher = new ChunkHasher(model.kvNamespace());
		this.store = store;
		this.transfer = transfer;
	}

	/**
	 * Tokens per chunk.
	 * @return the chunk size
	 */
	public int chunkTokens() {
		return this.model.kvNamespace().chunkTokens();
	}

	/**
	 * The content-addressed chunks of a prompt: its full chunks, except a last one that
	 * ends the prompt (decode needs the last token to process itself).
	 * @param prompt the prompt's token ids
	 * @return chunk refs in order
	 */
	public List<ChunkRef> chunks(int[] prompt) {
		return this.hasher.chunks(prompt);
	}

	/**
	 * How many leading chunks are stored (one pipelined round trip; none when Redis fails
	 * under the recompute policy).
	 * @param chunks chunk refs in order
	 * @return the length of the stored prefix
	 */
	public Mono<Integer> storedPrefix(List<ChunkRef> chunks) {
		if (chunks.isEmpty()) {
			return Mono.just(0);
		}
		return this.store.longestCachedPrefix(chunks.stream().map(ChunkRef::key).toList());
	}

	/**
	 * Reads chunks and joins them into one slice (verified; stops at the first missing or
	 * bad chunk, which is deleted).
	 * @param chunks the chunks to read, from chunk 0
	 * @return the KV of the verified leading chunks, or empty when none could be read
	 */
	public Mono<KvSlice> read(List<ChunkRef> chunks) {
		if (chunks.isEmpty()) {
			return Mono.empty();
		}
		int start = chunks.get(0).index() * chunkTokens();
		return this.transfer.read(chunks).flatMap((read) -> {
			if (read.isEmpty()) {
				return Mono.empty();
			}
			List<KvSlice> parts = new ArrayList<>(read.size());
			int at = start;
			for (KvChunk chunk : read) {
				parts.add(new KvSlice(at, chunk.tokens(), chunk.kvHeads() * chunk.headDim(), chunk.k(), chunk.v()));
				at += chunk.tokens().length;
			}
			return Mono.just(KvSlice.concat(parts));
		});
	}

	/**
	 * Writes the chunks a slice covers (encoding off the caller's thread), all before
	 * completing.
	 * @param chunks the refs of the chunks to write; each must lie inside the slice
	 * @param kv the KV they come from
	 * @return how many were stored
	 */
	public Mono<Integer> write(List<ChunkRef> chunks, KvSlice kv) {
		if (chunks.isEmpty()) {
			return Mono.just(0);
		}
		int size = chunkTokens();
		return Flux.fromIterable(chunks)
			.flatMap((ref) -> Mono
				.defer(() -> this.transfer.write(ref, chunkOf(kv, ref.index() * size - kv.start(), size)))
				.subscribeOn(Schedulers.parallel()), 8)
			.filter(Boolean::booleanValue)
			.count()
			.map(Long::intValue);
	}

	/**
	 * The chunk of {@code size} tokens at {@code from} (relative to the slice).
	 */
	private KvChunk chunkOf(KvSlice kv, int from, int size) {
		if (from < 0 || from + size > kv.length()) {
			throw new IllegalArgumentException("chunk at " + (kv.start() + from) + " lies outside the KV slice ["
					+ kv.start() + ", " + (kv.start() + kv.length()) + ")");
		}
		int dim = kv.kvDim();
		float[][] k = new float[kv.layers()][];
		float[][] v = new float[kv.layers()][];
		for (int l = 0; l < kv.layers(); l++) {
			k[l] = Arrays.copyOfRange(kv.keys()[l], from * dim, (from + size) * dim);
			v[l] = Arrays.copyOfRange(kv.values()[l], from * dim, (from + size) * dim);
		}
		return KvChunk.of(Arrays.copyOfRange(kv.tokens(), from, from + size), this.model.kvShape(), k, v);
	}

}
