// SPDX-License-Identifier: Apache-2.0
package dev.quorum.decode.kv;

import java.util.List;

import dev.quorum.decode.DecodeProperties;
import dev.quorum.engine.PrefillRequest;
import dev.quorum.engine.kv.KvSlice;
import dev.quorum.kv.hash.ChunkRef;
import dev.quorum.kv.store.KvStoreException;
import dev.quorum.openai.ApiException;
import dev.quorum.serving.ServedModel;
import dev.quorum.serving.kv.KvChunks;
import dev.quorum.serving.kv.ModelKv;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Decides where a prompt's KV comes from (DESIGN.md "Plain generation"): chunks the
 * engine already holds stay; otherwise one pipelined Redis round trip finds the stored
 * prefix; when the uncached part is at least {@code remotePrefillMinTokens},
 * prefill-service computes and stores the missing chunks; stored chunks the engine lacks
 * are read and verified; what is left is prefilled locally by the engine (also the
 * fallback when prefill-service or Redis fails).
 */
public final class PromptKv {

	private static final Log log = LogFactory.getLog(PromptKv.class);

	private final KvChunks chunks;

	private final PrefillClient prefill;

	private final DecodeProperties properties;

	private final MeterRegistry meters;

	private final java.util.concurrent.Semaphore publishing = new java.util.concurrent.Semaphore(2);

	PromptKv(KvChunks chunks, PrefillClient prefill, DecodeProperties properties, MeterRegistry meters) {
		this.chunks = chunks;
		this.prefill = prefill;
		this.properties = properties;
		this.meters = meters;
	}

	/**
	 * Finds or makes the KV of a prompt's leading chunks.
	 * @param model the served model
	 * @param tokens the prompt
	 * @param requestId the request's id, passed to prefill-service
	 * @return the KV to import (if any) and where it came from
	 */
	public Mono<PromptPrefix> resolve(ServedModel model, int[] tokens, String requestId) {
		ModelKv kv = this.chunks.of(model.id());
		List<ChunkRef> refs = kv.chunks(tokens);
		int size = kv.chunkTokens();
		count("quorum.decode.prefix_cache.queries", "Prompt tokens looked up in the prefix caches", null,
				tokens.length);
		if (refs.isEmpty()) {
			return Mono.just(PromptPrefix.none(0));
		}
		int local = Math.min(refs.size(), model.engine().cachedPrefixTokens(tokens) / size);
		if (local == refs.size()) {
			localHits(local * size);
			return Mono.just(PromptPrefix.none(local * size));
		}
		long start = System.nanoTime();
		return kv.storedPrefix(refs)
			.flatMap((stored) -> remoteIfWorthIt(model, tokens, refs, local, stored, size, requestId))
			.flatMap((stored) -> load(kv, refs, local, stored, size, start))
			.onErrorMap(KvStoreException.class,
					(ex) -> ApiException.unavailable(
							"The KV cache store is unavailable (quorum.kv.failure-policy=fail)",
							Duration.ofSeconds(2)));
	}

	/**
	 * Calls prefill-service when enough is uncached; returns how many leading chunks are
	 * stored.
	 */
	private Mono<Integer> remoteIfWorthIt(ServedModel model, int[] tokens, List<ChunkRef> refs, int local, int stored,
			int size, String requestId) {
		int cached = Math.max(local, stored);
		int uncached = tokens.length - cached * size;
		if (!this.properties.prefill().enabled() || cached >= refs.size()
				|| uncached < this.properties.remotePrefillMinTokens()) {
			return Mono.just(stored);
		}
		return this.prefill.prefill(model.id(), tokens, size, requestId).map((reply) -> {
			outcome("ok");
			return Math.max(stored, Math.min(refs.size(), reply.chunks().size()));
		}).onErrorResume((error) -> {
			outcome(error.getClass().getSimpleName());
			log.warn("prefill-service failed (" + error.getClass().getSimpleName() + ": " + error.getMessage()
					+ "); prefilling locally");
			return Mono.just(stored);
		});
	}

	private void localHits(int tokens) {
		if (tokens > 0) {
			count("quorum.decode.prefix_cache.hits", "Prompt tokens found in a prefix cache", "local", tokens);
		}
	}

	/**
	 * Reads the stored chunks after those the engine holds (the engine continues its
	 * cached blocks with the imported run).
	 */
	private Mono<PromptPrefix> load(ModelKv kv, List<ChunkRef> refs, int local, int stored, int size, long start) {
		localHits(local * size);
		if (stored <= local) {
			return Mono.just(new PromptPrefix(null, local * size, System.nanoTime() - start, stored, refs.size()));
		}
		return kv.read(refs.subList(local, stored)).map((slice) -> {
			count("quorum.decode.prefix_cache.hits", "Prompt tokens found in a prefix cache", "redis", slice.length());
			int got = local + slice.length() / size;
			return new PromptPrefix(slice, got * size, System.nanoTime() - start, got, refs.size());
		})
			.switchIfEmpty(Mono
				.fromSupplier(() -> new PromptPrefix(null, local * size, System.nanoTime() - start, 0, refs.size())));
	}

	/**
	 * Writes the chunks of a prompt that Redis lacks, after it was processed here
	 * (write-behind): the engine exports them from its prefix cache (recomputing only
	 * what it evicted meanwhile), off the request's path. At most two publishes run at
	 * once; more are skipped, not queued.
	 * @param model the served model
	 * @param tokens the prompt
	 * @param prefix what {@link #resolve} found
	 */
	public void publish(ServedModel model, int[] tokens, PromptPrefix prefix) {
		if (!this.properties.publishPrefixes() || !prefix.worthPublishing() || !this.publishing.tryAcquire()) {
			return;
		}
		ModelKv kv = this.chunks.of(model.id());
		List<ChunkRef> refs = kv.chunks(tokens);
		int size = kv.chunkTokens();
		int from = Math.max(0, Math.min(prefix.storedChunks(), refs.size()));
		int[] covered = java.util.Arrays.copyOf(tokens, refs.size() * size);
		Mono.fromFuture(() -> model.engine().prefill(new PrefillRequest(covered, null, from * size)), true)
			.flatMap((result) -> kv.write(refs.subList(from, refs.size()), result.kv()))
			.doFinally((signal) -> this.publishing.release())
			.subscribe((written) -> this.meters.counter("quorum.decode.prefix.published", "outcome", "ok")
				.increment(written), (error) -> {
					this.meters.counter("quorum.decode.prefix.published", "outcome", "failed").increment();
					log.debug("publishing prompt chunks failed: " + error.getMessage());
				});
	}

	private void outcome(String outcome) {
		this.meters.counter("quorum.decode.prefill.remote", "outcome", outcome).increment();
	}

	private void count(String name, String description, String source, long tokens) {
		Counter.Builder builder = Counter.builder(name).description(description).baseUnit("tokens");
		if (source != null) {
			builder.tag("source", source);
		}
		builder.register(this.meters).increment(tokens);
	}

	/**
	 * The KV a prompt starts from.
	 *
	 * @param imported KV of leading whole chunks to import into the engine, or null
	 * @param cachedTokens leading prompt tokens whose KV is reused rather than computed
	 * here
	 * @param transferNanos time spent on Redis and prefill-service for this prompt
	 * @param storedChunks leading chunks known to be in Redis
	 * @param chunks content-addressed chunks of the prompt
	 */
	public record PromptPrefix(KvSlice imported, int cachedTokens, long transferNanos, int storedChunks, int chunks) {

		static PromptPrefix none(int cachedTokens) {
			return new PromptPrefix(null, cachedTokens, 0, Integer.MAX_VALUE, 0);
		}

		/**
		 * Whether chunks this prompt has are missing from Redis (so that, once the prompt
		 * is processed here, publishing them helps the next request on any decode
		 * replica).
		 * @return true when some content-addressed chunks are not stored
		 */
		public boolean worthPublishing() {
			return this.storedChunks < this.chunks;
		}

	}

}
