// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.sched;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.quorum.engine.GenerationEvent;
import dev.quorum.engine.GenerationHandle;
import dev.quorum.engine.GenerationRequest;
import dev.quorum.engine.PrefillRequest;
import dev.quorum.engine.PrefillResult;
import dev.quorum.engine.TokenListener;
import dev.quorum.engine.kv.KvSlice;
import dev.quorum.engine.sample.SamplingParams;

/**
 * A submitted request and its bookkeeping. The immutable parts and the cancel flag are
 * thread-safe; everything else belongs to the engine thread.
 */
final class Request implements GenerationHandle {

	enum Kind {

		GENERATE, PREFILL

	}

	final long id;

	final Kind kind;

	final GenerationRequest generation; // GENERATE only

	final PrefillRequest prefill; // PREFILL only

	final TokenListener listener;

	final CompletableFuture<GenerationEvent.Completed> completion = new CompletableFuture<>();

	final CompletableFuture<PrefillResult> prefillResult = new CompletableFuture<>();

	private final Runnable wake;

	volatile boolean cancelRequested;

	// engine-thread state

	final long submittedAt = System.nanoTime();

	long admittedAt = -1;

	long firstTokenAt = -1;

	int cachedPrompt = -1;

	boolean forked;

	int choices;

	int finishedChoices;

	int completionTokens;

	long baseSeed;

	Set<Integer> stopTokens = Set.of();

	final List<Sequence> sequences = new ArrayList<>();

	final List<GenerationEvent.Branch> branches = new ArrayList<>();

	String error;

	boolean done;

	private Request(long id, Kind kind, GenerationRequest generation, PrefillRequest prefill, TokenListener listener,
			Runnable wake) {
		this.id = id;
		this.kind = kind;
		this.generation = generation;
		this.prefill = prefill;
		this.listener = listener;
		this.wake = wake;
	}

	static Request generate(long id, GenerationRequest request, TokenListener listener, Runnable wake) {
		return new Request(id, Kind.GENERATE, request, null, listener, wake);
	}

	static Request prefill(long id, PrefillRequest request, Runnable wake) {
		return new Request(id, Kind.PREFILL, null, request, null, wake);
	}

	SamplingParams sampling() {
		return this.generation.sampling();
	}

	KvSlice imported() {
		return (this.kind == Kind.GENERATE) ? this.generation.importedPrefix() : this.prefill.importedPrefix();
	}

	boolean cancelled() {
		return this.cancelRequested || this.prefillResult.isCancelled();
	}

	@Override
	public long id() {
		return this.id;
	}

	@Override
	public void cancel() {
		this.cancelRequested = true;
		this.wake.run();
	}

	@Override
	public CompletableFuture<GenerationEvent.Completed> completion() {
		return this.completion;
	}

}
