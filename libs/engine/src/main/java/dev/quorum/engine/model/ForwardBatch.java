// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.model;

import java.util.Arrays;

/**
 * The tokens of one forward step: several sequences, each contributing a contiguous run
 * of tokens (a prefill chunk, or one decode token) at consecutive positions. Each token's
 * K and V are written to its KV slot and it attends to positions {@code 0..position} of
 * its own sequence through the sequence's block table. Reused from step to step by the
 * engine thread.
 */
public final class ForwardBatch {

	private final int blockSize;

	int tokens;

	int[] tokenIds = new int[16]; // (tokens)

	int[] positions = new int[16]; // (tokens)

	int[] slots = new int[16]; // (tokens) KV slot = block * blockSize + offset

	int[] sequenceOf = new int[16]; // (tokens) index into blockTables

	int sequences;

	int[][] blockTables = new int[4][]; // (sequences) block ids by position / blockSize

	int logitCount;

	int[] logitTokens = new int[4]; // (logitCount) batch indices of tokens that need
									// logits

	/**
	 * Creates an empty batch.
	 * @param blockSize KV block size in tokens
	 */
	public ForwardBatch(int blockSize) {
		this.blockSize = blockSize;
	}

	/** Empties the batch. */
	public void clear() {
		this.tokens = 0;
		this.sequences = 0;
		this.logitCount = 0;
	}

	/**
	 * Adds a run of tokens of one sequence.
	 * @param blockTable the sequence's block ids, covering every position up to the run's
	 * end (not modified while the step runs)
	 * @param ids the sequence's tokens
	 * @param from position of the first token of the run
	 * @param to end position (exclusive)
	 * @param wantLogits whether the run's last token needs logits
	 * @return the index of the run's last token among the batch's logit rows, or -1
	 */
	public int add(int[] blockTable, int[] ids, int from, int to, boolean wantLogits) {
		return add(blockTable, ids, from, to, wantLogits ? to - 1 : to);
	}

	/**
	 * Adds a run of tokens of one sequence, with logits for every token from position
	 * {@code logitsFrom} on (for prompt log-probabilities and teacher forcing).
	 * @param blockTable the sequence's block ids, covering every position up to the run's
	 * end (not modified while the step runs)
	 * @param ids the sequence's tokens
	 * @param from position of the first token of the run
	 * @param to end position (exclusive)
	 * @param logitsFrom first position that needs logits ({@code to} for none)
	 * @return the logit row of the first such token, or -1 when none
	 */
	public int add(int[] blockTable, int[] ids, int from, int to, int logitsFrom) {
		int n = to - from;
		ensureTokens(this.tokens + n);
		if (this.sequences == this.blockTables.length) {
			this.blockTables = Arrays.copyOf(this.blockTables, 2 * this.sequences);
		}
		int seq = this.sequences++;
		this.blockTables[seq] = blockTable;
		for (int p = from; p < to; p++) {
			int t = this.tokens++;
			this.tokenIds[t] = ids[p];
			this.positions[t] = p;
			this.slots[t] = blockTable[p / this.blockSize] * this.blockSize + p % this.blockSize;
			this.sequenceOf[t] = seq;
		}
		int first = Math.max(from, logitsFrom);
		if (first >= to) {
			return -1;
		}
		int row = this.logitCount;
		if (this.logitCount + (to - first) > this.logitTokens.length) {
			this.logitTokens = Arrays.copyOf(this.logitTokens,
					Math.max(2 * this.logitTokens.length, this.logitCount + to - first));
		}
		for (int p = first; p < to; p++) {
			this.logitTokens[this.logitCount++] = this.tokens - (to - p);
		}
		return row;
	}

	private void ensureTokens(int n) {
		if (n > this.tokenIds.length) {
			int size = Math.max(n, 2 * this.tokenIds.length);
			this.tokenIds = Arrays.copyOf(this.tokenIds, size);
			this.positions = Arrays.copyOf(this.positions, size);
			this.slots = Arrays.copyOf(this.slots, size);
			this.sequenceOf = Arrays.copyOf(this.sequenceOf, size);
		}
	}

	/**
	 * Number of tokens.
	 * @return tokens in the step
	 */
	public int tokens() {
		return this.tokens;
	}

	/**
	 * Number of tokens whose logits are computed.
	 * @return logit rows
	 */
	public int logitCount() {
		return this.logitCount;
	}

	/**
	 * KV block size.
	 * @return tokens per block
	 */
	public int blockSize() {
		return this.blockSize;
	}

}
