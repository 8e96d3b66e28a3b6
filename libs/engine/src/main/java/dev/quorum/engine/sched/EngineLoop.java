// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.sched;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import dev.quorum.engine.EngineMetrics;
import dev.quorum.engine.FinishReason;
import dev.quorum.engine.GenerationHandle;
import dev.quorum.engine.GenerationRequest;
import dev.quorum.engine.PrefillRequest;
import dev.quorum.engine.PrefillResult;
import dev.quorum.engine.TokenListener;
import dev.quorum.engine.kv.KvSlice;
import dev.quorum.engine.sample.SamplingParams;
import dev.quorum.engine.kv.BlockManager;
import dev.quorum.engine.kv.KvCache;
import dev.quorum.engine.model.ForwardBatch;
import dev.quorum.engine.model.LlamaModel;
import dev.quorum.engine.tokenizer.Tokenizer;

/**
 * The engine thread's loop, nano-vllm's shape: take new requests and cancellations, then
 * {@code schedule -> forward -> postprocess}, one step per iteration over every running
 * sequence, and park when there is nothing to do. Requests arrive from any thread through
 * a queue; everything else here runs on the engine thread only.
 */
public final class EngineLoop implements Runnable {

	private static final System.Logger LOG = System.getLogger(EngineLoop.class.getName());

	private static final SecureRandom SEEDS = new SecureRandom();

	private final LlamaModel model;

	private final KvCache cache;

	private final BlockManager blocks;

	private final Scheduler scheduler;

	private final Outputs outputs;

	private final ForwardBatch batch;

	private final int vocab;

	private final ConcurrentLinkedQueue<Request> incoming = new ConcurrentLinkedQueue<>();

	private final Set<Request> active = new HashSet<>();

	private final AtomicLong ids = new AtomicLong();

	private final Thread thread;

	private final Tokenizer tokenizer;

	private final RequestChecks checks;

	private final int contextLength;

	private volatile boolean closing;

	private float[] logits = new float[0];

	private volatile long steps;

	private volatile long promptTokens;

	private volatile long forwardNanos;

	private volatile int waitingCount;

	private volatile int runningCount;

	/**
	 * Creates the loop; {@link #start()} launches its thread.
	 * @param model the model
	 * @param tokenizer the tokenizer for text pieces and stop strings, or null
	 * @param cache the KV storage
	 * @param prefixCaching whether to reuse computed blocks across requests
	 * @param maxBatchTokens tokens per step
	 * @param maxSequences running sequences
	 */
	public EngineLoop(LlamaModel model, Tokenizer tokenizer, KvCache cache, boolean prefixCaching, int maxBatchTokens,
			int maxSequences) {
		this.model = model;
		this.tokenizer = tokenizer;
		this.contextLength = model.config().contextLength();
		this.cache = cache;
		this.checks = new RequestChecks(model.config().vocabSize(), cache);
		this.blocks = new BlockManager(cache, prefixCaching);
		this.scheduler = new Scheduler(this.blocks, maxBatchTokens, maxSequences);
		this.vocab = model.config().vocabSize();
		this.outputs = new Outputs(this.scheduler, this.blocks, tokenizer, this.vocab, model.config().contextLength());
		this.batch = new ForwardBatch(cache.blockSize());
		this.thread = Thread.ofPlatform().name("quorum-engine").daemon().unstarted(this);
	}

	/** Starts the engine thread. */
	public void start() {
		this.thread.start();
	}

	/**
	 * The block manager (read its counters from any thread).
	 * @return the block manager
	 */
	public BlockManager blocks() {
		return this.blocks;
	}

	/**
	 * Submits a generation.
	 * @param request the request
	 * @param listener receives the events on the engine thread
	 * @return the handle
	 * @throws IllegalArgumentException for token ids outside the vocabulary, a prompt
	 * that does not fit the context, or imported KV of the wrong shape
	 */
	public GenerationHandle submit(GenerationRequest request, TokenListener listener) {
		int[] prompt = request.prompt();
		this.checks.tokens(prompt);
		if (prompt.length >= this.contextLength) {
			throw new IllegalArgumentException("the prompt has " + prompt.length + " tokens; the model's context holds "
					+ this.contextLength + " including the reply");
		}
		this.checks.imported(request.importedPrefix(), prompt);
		Request r = Request.generate(nextId(), request, listener, this::wake);
		SamplingParams params = request.sampling();
		r.baseSeed = (params.seed() != null) ? params.seed() : SEEDS.nextLong();
		Set<Integer> stops = new HashSet<>(params.stopTokenIds());
		if (!params.ignoreEos() && this.tokenizer != null) {
			stops.addAll(this.tokenizer.stopTokenIds());
		}
		r.stopTokens = Set.copyOf(stops);
		enqueue(r);
		return r;
	}

	/**
	 * Submits a prefill-only request.
	 * @param request the request
	 * @return completes with the exported KV; cancel it to abandon the work
	 */
	public CompletableFuture<PrefillResult> prefill(PrefillRequest request) {
		this.checks.tokens(request.tokens());
		if (request.tokens().length > this.contextLength) {
			throw new IllegalArgumentException("the sequence has " + request.tokens().length
					+ " tokens; the model's context holds " + this.contextLength);
		}
		this.checks.imported(request.importedPrefix(), request.tokens());
		Request r = Request.prefill(nextId(), request, this::wake);
		enqueue(r);
		return r.prefillResult;
	}

	/**
	 * Leading tokens whose whole blocks are in the local prefix cache right now
	 * (advisory: blocks may be evicted before a request uses them).
	 * @param tokens the tokens
	 * @return a multiple of the block size
	 */
	public int cachedPrefixTokens(int[] tokens) {
		return this.blocks.cachedPrefix(tokens, tokens.length);
	}

	Request enqueue(Request r) {
		if (this.closing) {
			throw new IllegalStateException("engine is closed");
		}
		this.incoming.add(r);
		wake();
		return r;
	}

	long nextId() {
		return this.ids.incrementAndGet();
	}

	void wake() {
		LockSupport.unpark(this.thread);
	}

	/**
	 * A snapshot of the counters.
	 * @return the metrics
	 */
	public EngineMetrics metrics() {
		return new EngineMetrics(this.blocks.totalBlocks(), this.blocks.freeBlocks(), this.waitingCount,
				this.runningCount, this.steps, this.promptTokens, this.outputs.generatedTokens,
				this.scheduler.preemptions, this.forwardNanos);
	}

	/** Stops the loop: unfinished requests end as cancelled. Waits for the thread. */
	public void close() {
		this.closing = true;
		wake();
		if (Thread.currentThread() != this.thread) {
			try {
				this.thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public void run() {
		List<Sequence> rejected = new ArrayList<>();
		while (true) {
			admitNew();
			if (this.closing) {
				for (Request r : List.copyOf(this.active)) {
					this.outputs.abort(r, FinishReason.CANCELLED, null);
				}
				this.active.clear();
				return;
			}
			sweep();
			this.batch.clear();
			rejected.clear();
			List<Sequence> step = this.scheduler.schedule(this.batch, rejected);
			for (Sequence s : rejected) {
				this.outputs.abort(s.request, FinishReason.ERROR,
						"the sequence needs " + this.blocks.blocksFor(s.length) + " KV blocks but the cache has only "
								+ this.blocks.totalBlocks() + "; raise the KV cache size");
			}
			this.waitingCount = this.scheduler.waiting.size();
			this.runningCount = this.scheduler.running.size();
			if (step.isEmpty()) {
				if (this.incoming.isEmpty() && !this.closing) {
					LockSupport.park(this);
				}
				continue;
			}
			runStep(step);
		}
	}

	private void runStep(List<Sequence> step) {
		int need = this.batch.logitCount() * this.vocab;
		if (this.logits.length < need) {
			this.logits = new float[Math.max(need, 2 * this.logits.length)];
		}
		long start = System.nanoTime();
		try {
			this.model.forward(this.batch, this.cache, this.logits);
		}
		catch (RuntimeException | Error ex) {
			LOG.log(System.Logger.Level.ERROR, "forward step failed", ex);
			for (Sequence s : step) {
				this.outputs.abort(s.request, FinishReason.ERROR, "engine step failed: " + ex);
			}
			return;
		}
		long prompt = 0;
		for (Sequence s : step) {
			prompt += Math.max(0, Math.min(s.computed + s.stepTokens, s.promptLength) - s.computed);
		}
		this.promptTokens += prompt;
		this.steps++;
		this.forwardNanos += System.nanoTime() - start;
		this.outputs.process(step, this.logits);
	}

	/** Moves submitted requests into the scheduler. */
	private void admitNew() {
		Request r;
		while ((r = this.incoming.poll()) != null) {
			this.active.add(r);
			int[] tokens = (r.kind == Request.Kind.GENERATE) ? r.generation.prompt().clone()
					: fullBlocks(r.prefill.tokens());
			Sequence s = new Sequence(r, 0, tokens, tokens.length, tokens.length);
			r.sequences.add(s);
			if (s.length == 0) {
				// a prefill shorter than one block: nothing to compute or export
				r.admittedAt = System.nanoTime();
				r.cachedPrompt = 0;
				this.outputs.finishPrefill(s);
				continue;
			}
			this.scheduler.add(s);
		}
	}

	private int[] fullBlocks(int[] tokens) {
		int n = tokens.length / this.cache.blockSize() * this.cache.blockSize();
		return java.util.Arrays.copyOf(tokens, n);
	}

	/** Ends cancelled requests and forgets finished ones. */
	private void sweep() {
		for (Iterator<Request> it = this.active.iterator(); it.hasNext();) {
			Request r = it.next();
			if (!r.done && r.cancelled()) {
				this.outputs.abort(r, (r.error != null) ? FinishReason.ERROR : FinishReason.CANCELLED, null);
			}
			if (r.done) {
				it.remove();
			}
		}
	}

}
