// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.sched;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.quorum.engine.kv.BlockManager;
import dev.quorum.engine.model.ForwardBatch;

/**
 * Plans each forward step, vLLM-style: first every running sequence gets its next tokens
 * (one decode token, or the next prefill chunk) within a per-step token budget,
 * preempting the most recently admitted sequences (free and recompute later) when KV
 * blocks run out; then waiting sequences are admitted, first come first served, while the
 * budget, the sequence limit and the free blocks allow. Confined to the engine thread.
 */
final class Scheduler {

	private final BlockManager blocks;

	private final int maxBatchTokens;

	private final int maxSequences;

	final Deque<Sequence> waiting = new ArrayDeque<>();

	final List<Sequence> running = new ArrayList<>();

	volatile long preemptions; // written by the engine thread only

	Scheduler(BlockManager blocks, int maxBatchTokens, int maxSequences) {
		this.blocks = blocks;
		this.maxBatchTokens = maxBatchTokens;
		this.maxSequences = maxSequences;
	}

	void add(Sequence s) {
		s.state = Sequence.State.WAITING;
		this.waiting.addLast(s);
	}

	boolean hasWork() {
		return !this.waiting.isEmpty() || !this.running.isEmpty();
	}

	/**
	 * Fills {@code batch} with the next step.
	 * @param batch the (cleared) batch
	 * @param rejected receives waiting sequences that can never fit the KV cache
	 * @return the scheduled sequences, in batch order
	 */
	List<Sequence> schedule(ForwardBatch batch, List<Sequence> rejected) {
		List<Sequence> step = new ArrayList<>();
		int budget = this.maxBatchTokens;
		for (int i = 0; i < this.running.size() && budget > 0; i++) {
			Sequence s = this.running.get(i);
			int n = Math.min(s.length - s.computed, budget);
			if (!reserve(s, n)) {
				continue; // s itself was preempted; the list shrank behind it
			}
			budget -= add(batch, s, n, step);
		}
		while (budget > 0 && !this.waiting.isEmpty() && this.running.size() < this.maxSequences) {
			Sequence s = this.waiting.peekFirst();
			int reuse = s.prefillOnly() ? s.length : s.length - 1;
			int present = this.blocks.allocate(s.table, s.tokens, s.length, reuse, s.request.imported());
			if (present < 0) {
				if (this.running.isEmpty() && this.blocks.blocksFor(s.length) > this.blocks.totalBlocks()) {
					this.waiting.pollFirst();
					rejected.add(s);
					continue;
				}
				break;
			}
			this.waiting.pollFirst();
			s.computed = present;
			s.state = Sequence.State.RUNNING;
			this.running.add(s);
			Request r = s.request;
			if (r.admittedAt < 0) {
				r.admittedAt = System.nanoTime();
				r.cachedPrompt = present;
			}
			budget -= add(batch, s, Math.min(s.length - s.computed, budget), step);
		}
		return step;
	}

	private int add(ForwardBatch batch, Sequence s, int n, List<Sequence> step) {
		s.stepTokens = n;
		boolean logits = !s.prefillOnly() && s.computed + n == s.length;
		s.logitRow = batch.add(s.table.blocks(), s.tokens, s.computed, s.computed + n, logits);
		step.add(s);
		return n;
	}

	/**
	 * Makes positions {@code [computed, computed + n)} of a running sequence writable,
	 * preempting the newest running sequences while blocks are short.
	 * @return false when {@code s} itself had to be preempted
	 */
	private boolean reserve(Sequence s, int n) {
		for (int p = s.computed; p < s.computed + n; p++) {
			while (!this.blocks.prepareAppend(s.table, p)) {
				Sequence victim = this.running.get(this.running.size() - 1);
				preempt(victim);
				if (victim == s) {
					return false;
				}
			}
		}
		return true;
	}

	private void preempt(Sequence s) {
		this.running.remove(s);
		this.blocks.free(s.table);
		s.computed = 0;
		s.state = Sequence.State.WAITING;
		this.waiting.addFirst(s);
		this.preemptions++;
	}

	/** Removes a sequence wherever it is and frees its blocks. */
	void remove(Sequence s) {
		if (s.state == Sequence.State.RUNNING) {
			this.running.remove(s);
		}
		else if (s.state == Sequence.State.WAITING) {
			this.waiting.remove(s);
		}
		this.blocks.free(s.table);
		s.state = Sequence.State.FINISHED;
	}

}
