// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.quorum.kv.chunk.KvChunk;
import dev.quorum.kv.chunk.KvChunkCodec;
import dev.quorum.kv.chunk.KvChunkException;
import dev.quorum.kv.chunk.KvShape;
import dev.quorum.kv.hash.ChunkRef;
import dev.quorum.kv.store.KvTransferMetrics.Op;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Typed chunks in and out of a {@link KvChunkStore}: what prefill writes and decode
 * reads. A chunk read back is verified (header, shape, token ids, checksum) before use;
 * the first one that fails is deleted from the store, counted in
 * {@code quorum.kv.transfer.failures} with its reason, and ends the prefix, so the caller
 * recomputes it and what follows.
 */
public final class KvChunkTransfer {

	private static final Log log = LogFactory.getLog(KvChunkTransfer.class);

	private final KvChunkStore store;

	private final KvChunkCodec codec;

	private final KvShape shape;

	private final Duration ttl;

	private final KvTransferMetrics metrics;

	/**
	 * A transfer for one model and namespace.
	 * @param store the store
	 * @param codec the codec of the namespace's dtype
	 * @param shape the model's KV shape
	 * @param ttl lifetime of written chunks, whole seconds
	 * @param registry where meters go; {@code null} for none
	 */
	public KvChunkTransfer(KvChunkStore store, KvChunkCodec codec, KvShape shape, Duration ttl,
			@Nullable MeterRegistry registry) {
		KvStoreOptions.checkTtl(ttl);
		this.store = store;
		this.codec = codec;
		this.shape = shape;
		this.ttl = ttl;
		this.metrics = new KvTransferMetrics(registry);
	}

	/**
	 * Encodes a chunk (on the subscribing thread) and stores it under its key.
	 * @param ref the chunk's key and token ids
	 * @param chunk its KV
	 * @return whether it was stored (see {@link KvChunkStore#store}); an
	 * {@link IllegalArgumentException} signal when Q8 meets a non-finite value
	 * @throws IllegalArgumentException when the chunk's tokens or shape are not the ref's
	 * and the model's
	 */
	public Mono<Boolean> write(ChunkRef ref, KvChunk chunk) {
		if (!Arrays.equals(ref.tokens(), chunk.tokens())) {
			throw new IllegalArgumentException("Chunk " + ref.index() + " holds other tokens than its key names");
		}
		if (!chunk.shape().equals(this.shape)) {
			throw new IllegalArgumentException("Chunk shape " + chunk.shape() + " is not the model's " + this.shape);
		}
		return Mono.fromCallable(() -> this.codec.encode(chunk))
			.flatMap((blob) -> this.store.store(ref.key(), blob, this.ttl));
	}

	/**
	 * Fetches the chunks in one pipelined round trip and verifies them (on the
	 * {@code parallel} scheduler).
	 * @param refs chunks in prompt order
	 * @return the verified chunks of the longest usable prefix, in order
	 */
	public Mono<List<KvChunk>> read(List<ChunkRef> refs) {
		List<String> keys = refs.stream().map(ChunkRef::key).toList();
		return this.store.fetch(keys).publishOn(Schedulers.parallel()).flatMap((values) -> {
			List<KvChunk> chunks = new ArrayList<>(values.size());
			for (int i = 0; i < values.size(); i++) {
				ChunkRef ref = refs.get(i);
				try {
					chunks.add(this.codec.decode(values.get(i), this.shape, ref.tokens()));
				}
				catch (KvChunkException ex) {
					return discard(ref, ex).thenReturn(chunks);
				}
			}
			return Mono.just(chunks);
		});
	}

	private Mono<Boolean> discard(ChunkRef ref, KvChunkException ex) {
		this.metrics.failure(Op.GET, ex.reason().tag());
		log.warn("Deleting KV chunk " + ref.key() + ": " + ex.getMessage());
		// The chunks before it are good; a failed delete must not cost them.
		return this.store.delete(ref.key()).onErrorReturn(false);
	}

}
