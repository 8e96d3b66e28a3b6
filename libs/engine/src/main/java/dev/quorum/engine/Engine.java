// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine;

import java.util.concurrent.CompletableFuture;

import dev.quorum.engine.kv.KvCache;
import dev.quorum.engine.model.LlamaModel;
import dev.quorum.engine.model.ModelConfig;
import dev.quorum.engine.model.ModelLoader;
import dev.quorum.engine.sched.EngineLoop;
import dev.quorum.engine.tensor.ComputePool;
import dev.quorum.engine.tensor.MatMul;

/**
 * A running inference engine for one model: continuous batching over a paged KV cache.
 * <p>
 * <b>Threading.</b> The engine owns one engine thread ({@code quorum-engine}) that runs
 * the step loop (schedule, forward, postprocess) and a compute pool of
 * {@code config.threads() - 1} further threads that the engine thread fans matrix
 * products and attention out to. {@link #submit}, {@link #prefill}, {@link #metrics},
 * {@link #cachedPrefixTokens} and {@link GenerationHandle#cancel()} may be called from
 * any thread and never block on inference. {@link TokenListener}s are called on the
 * engine thread and must not block. {@link #close()} stops both and ends unfinished
 * requests as cancelled.
 */
public final class Engine implements AutoCloseable {

	private final LoadedModel model;

	private final EngineConfig config;

	private final ComputePool pool;

	private final KvCache cache;

	private final EngineLoop loop;

	private Engine(LoadedModel model, EngineConfig config) {
		this.model = model;
		this.config = config;
		ModelConfig c = model.config();
		long perBlock = KvCache.bytesPerBlock(c.layers(), c.kvDim(), config.blockSize());
		long blocks = config.kvCacheBytes() / perBlock;
		if (blocks < 1) {
			throw new IllegalArgumentException(
					"a KV cache of " + config.kvCacheBytes() + " bytes holds no block of " + perBlock + " bytes");
		}
		if (blocks * config.blockSize() > Integer.MAX_VALUE / Math.max(1, c.kvDim())) {
			blocks = Integer.MAX_VALUE / Math.max(1, c.kvDim()) / config.blockSize();
		}
		this.pool = new ComputePool(config.threads());
		this.cache = new KvCache(c.layers(), c.kvDim(), config.blockSize(), (int) blocks);
		LlamaModel llama = ModelLoader.load(model.gguf(), new MatMul(this.pool));
		this.loop = new EngineLoop(llama, model.tokenizer().orElse(null), this.cache, config.prefixCaching(),
				config.maxBatchTokens(), config.maxSequences());
		this.loop.start();
	}

	/**
	 * Starts an engine.
	 * @param model the loaded model (close it after the engine)
	 * @param config the settings
	 * @return the running engine
	 */
	public static Engine start(LoadedModel model, EngineConfig config) {
		return new Engine(model, config);
	}

	/**
	 * The model.
	 * @return the loaded model
	 */
	public LoadedModel model() {
		return this.model;
	}

	/**
	 * The settings.
	 * @return the configuration
	 */
	public EngineConfig config() {
		return this.config;
	}

	/**
	 * Submits a generation. Events go to {@code listener} on the engine thread.
	 * @param request the request
	 * @param listener the event receiver
	 * @return the handle, for cancelling and waiting
	 * @throws IllegalArgumentException for bad token ids, a prompt too long for the
	 * context, or imported KV that does not fit
	 */
	public GenerationHandle submit(GenerationRequest request, TokenListener listener) {
		return this.loop.submit(request, listener);
	}

	/**
	 * Computes (or reuses) the KV of the whole blocks of a sequence and exports it.
	 * @param request the request
	 * @return completes with the KV; cancelling it abandons the work
	 */
	public CompletableFuture<PrefillResult> prefill(PrefillRequest request) {
		return this.loop.prefill(request);
	}

	/**
	 * Leading tokens whose whole blocks are in the local prefix cache now (advisory).
	 * @param tokens the tokens
	 * @return a multiple of the block size
	 */
	public int cachedPrefixTokens(int[] tokens) {
		return this.loop.cachedPrefixTokens(tokens);
	}

	/**
	 * Counters and KV-pool occupancy.
	 * @return a snapshot
	 */
	public EngineMetrics metrics() {
		return this.loop.metrics();
	}

	/**
	 * Stops the engine thread and the compute pool; unfinished requests are cancelled.
	 */
	@Override
	public void close() {
		this.loop.close();
		this.pool.close();
		this.cache.close();
	}

}
