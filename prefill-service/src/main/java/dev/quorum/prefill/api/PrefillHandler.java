// SPDX-License-Identifier: Apache-2.0
package dev.quorum.prefill.api;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.quorum.engine.PrefillRequest;
import dev.quorum.engine.PrefillResult;
import dev.quorum.engine.kv.KvSlice;
import dev.quorum.kv.hash.ChunkRef;
import dev.quorum.openai.ApiException;
import dev.quorum.prefill.PrefillProperties;
import dev.quorum.serving.ModelRegistry;
import dev.quorum.serving.ServedModel;
import dev.quorum.serving.kv.KvChunks;
import dev.quorum.serving.kv.ModelKv;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The prefill flow (DESIGN.md "Prefill"): find the longest stored chunk prefix in Redis,
 * compute the KV of the remaining chunks on the engine (batched with other prefills by
 * its scheduler), write every computed chunk before replying, and reply with the chunks
 * that are stored.
 */
@Component
class PrefillHandler {

	private final ModelRegistry models;

	private final KvChunks kv;

	private final PrefillProperties properties;

	private final Timer requests;

	PrefillHandler(ModelRegistry models, KvChunks kv, PrefillProperties properties, MeterRegistry meters) {
		this.models = models;
		this.kv = kv;
		this.properties = properties;
		this.requests = Timer.builder("quorum.prefill.request.duration")
			.description("Prefill requests, lookup to reply")
			.publishPercentileHistogram()
			.register(meters);
	}

	Mono<PrefillResponseBody> prefill(PrefillRequestBody body) {
		ServedModel model = validate(body);
		ModelKv chunks = this.kv.of(model.id());
		List<ChunkRef> refs = chunks.chunks(body.tokens());
		long start = System.nanoTime();
		Clock clock = new Clock(start);
		if (refs.isEmpty()) {
			return Mono.just(reply(model, refs, 0, 0, clock));
		}
		return chunks.storedPrefix(refs).flatMap((stored) -> {
			clock.lookupDone();
			if (stored == refs.size()) {
				return Mono.just(reply(model, refs, stored, 0, clock));
			}
			return compute(model, chunks, refs, body.tokens(), stored, clock);
		}).doOnSuccess((reply) -> this.requests.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
	}

	private Mono<PrefillResponseBody> compute(ServedModel model, ModelKv chunks, List<ChunkRef> refs, int[] prompt,
			int stored, Clock clock) {
		int chunkTokens = chunks.chunkTokens();
		int[] tokens = Arrays.copyOf(prompt, refs.size() * chunkTokens);
		int local = model.engine().cachedPrefixTokens(tokens) / chunkTokens;
		// The engine continues from KV it holds; the stored chunks after those are read
		// from Redis first.
		Mono<KvSlice> imported = (stored > local) ? chunks.read(refs.subList(local, stored)) : Mono.empty();
		return imported.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()).flatMap((prefix) -> {
			clock.loadDone();
			int reusable = prefix.map((p) -> local + p.length() / chunkTokens).orElse(local);
			int exportFrom = Math.min(stored, reusable) * chunkTokens;
			PrefillRequest request = new PrefillRequest(tokens, prefix.orElse(null), exportFrom);
			return Mono.fromFuture(() -> model.engine().prefill(request), true)
				.flatMap((result) -> store(model, chunks, refs, stored, exportFrom / chunkTokens, result, clock));
		});
	}

	private Mono<PrefillResponseBody> store(ServedModel model, ModelKv chunks, List<ChunkRef> refs, int stored,
			int firstExported, PrefillResult result, Clock clock) {
		clock.computeDone(result);
		List<ChunkRef> toWrite = refs.subList(firstExported, refs.size());
		return chunks.write(toWrite, result.kv()).flatMap((written) -> chunks.storedPrefix(refs)).map((present) -> {
			clock.storeDone();
			return reply(model, refs.subList(0, present), Math.min(stored, present), Math.max(0, present - stored),
					clock);
		});
	}

	private PrefillResponseBody reply(ServedModel model, List<ChunkRef> refs, int reused, int computed, Clock clock) {
		return new PrefillResponseBody(model.id(), model.kvNamespace().modelFingerprint(),
				refs.stream().map(ChunkRef::hash).toList(), reused, computed, clock.timings());
	}

	private ServedModel validate(PrefillRequestBody body) {
		if (body.model() == null || body.model().isBlank()) {
			throw ApiException.invalidRequest("model", "model is required");
		}
		ServedModel model = this.models.get(body.model());
		int[] tokens = body.tokens();
		if (tokens == null || tokens.length == 0) {
			throw ApiException.invalidRequest("tokens", "tokens must be a non-empty array of token ids");
		}
		if (tokens.length > this.properties.maxTokens() || tokens.length > model.contextLength()) {
			throw ApiException.invalidRequest("tokens", "tokens holds " + tokens.length + " ids; at most "
					+ Math.min(this.properties.maxTokens(), model.contextLength()) + " are accepted");
		}
		int vocab = model.tokenizer().vocabSize();
		for (int i = 0; i < tokens.length; i++) {
			if (tokens[i] < 0 || tokens[i] >= vocab) {
				throw ApiException.invalidRequest("tokens",
						"tokens[" + i + "] = " + tokens[i] + " is outside the vocabulary [0, " + vocab + ")");
			}
		}
		int chunkTokens = model.kvNamespace().chunkTokens();
		if (body.chunkTokens() != null && body.chunkTokens() != chunkTokens) {
			throw ApiException.invalidRequest("chunkTokens",
					"chunkTokens " + body.chunkTokens() + " does not match this service's " + chunkTokens
							+ " (quorum.engine.block-size must be the same for prefill and decode)");
		}
		return model;
	}

	/** Milestones of one request, in nanoseconds. */
	private static final class Clock {

		private final long start;

		private long lookup;

		private long load;

		private long queue;

		private long compute;

		private long store;

		Clock(long start) {
			this.start = start;
		}

		void lookupDone() {
			this.lookup = System.nanoTime() - this.start;
		}

		void loadDone() {
			this.load = System.nanoTime() - this.start - this.lookup;
		}

		void computeDone(PrefillResult result) {
			this.queue = result.queueNanos();
			this.compute = result.computeNanos();
		}

		void storeDone() {
			this.store = System.nanoTime() - this.start - this.lookup - this.load - this.queue - this.compute;
		}

		PrefillResponseBody.Timings timings() {
			return new PrefillResponseBody.Timings(ms(this.lookup), ms(this.load), ms(this.queue), ms(this.compute),
					ms(Math.max(0, this.store)), ms(System.nanoTime() - this.start));
		}

		private static double ms(long nanos) {
			return Math.round(nanos / 1e4) / 100.0;
		}

	}

}
