// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.model;

import java.lang.foreign.MemorySegment;
import java.util.function.IntConsumer;

import dev.quorum.engine.kv.KvCache;
import dev.quorum.engine.tensor.ComputePool;
import dev.quorum.engine.tensor.Ops;

/**
 * Causal grouped-query attention over the paged KV cache: each query head of each token
 * attends to positions {@code 0..pos} of its own sequence, reading K and V through the
 * sequence's block table. Parallel over (token, head) pairs; softmax in F32.
 */
final class Attention {

	/** Multiply-adds below which attention runs on the calling thread alone. */
	private static final long SERIAL_WORK = 1L << 15;

	private static final ThreadLocal<float[]> SCORES = ThreadLocal.withInitial(() -> new float[256]);

	private final int heads;

	private final int headDim;

	private final int group;

	private final int qDim;

	private final int kvDim;

	private final float scale;

	Attention(ModelConfig config) {
		this.heads = config.heads();
		this.headDim = config.headDim();
		this.group = config.heads() / config.kvHeads();
		this.qDim = config.qDim();
		this.kvDim = config.kvDim();
		this.scale = (float) (1.0 / Math.sqrt(config.headDim()));
	}

	/**
	 * Computes attention outputs for {@code count} rows.
	 * @param pool compute pool
	 * @param batch the step
	 * @param rows batch token index of each row, or null when row i is token i
	 * @param count number of rows
	 * @param q queries, (count, qDim), RoPE applied
	 * @param out outputs, (count, qDim)
	 * @param cache the KV cache, already holding this step's keys and values
	 * @param layer the layer
	 */
	void run(ComputePool pool, ForwardBatch batch, int[] rows, int count, float[] q, float[] out, KvCache cache,
			int layer) {
		MemorySegment keys = cache.keys(layer);
		MemorySegment values = cache.values(layer);
		int blockSize = batch.blockSize();
		long work = 0;
		for (int row = 0; row < count; row++) {
			work += (long) (batch.positions[(rows != null) ? rows[row] : row] + 1) * this.qDim * 2;
		}
		IntConsumer body = (task) -> {
			int row = task / this.heads;
			int h = task % this.heads;
			int t = (rows != null) ? rows[row] : row;
			int[] table = batch.blockTables[batch.sequenceOf[t]];
			int n = batch.positions[t] + 1;
			float[] scores = scores(n);
			int q0 = row * this.qDim + h * this.headDim;
			long headByte = 4L * (h / this.group) * this.headDim;
			// positions block by block: an integer division per position cost more
			// than its dot product
			long rowBytes = 4L * this.kvDim;
			for (int p0 = 0, b = 0; p0 < n; p0 += blockSize, b++) {
				long at = (long) table[b] * blockSize * rowBytes + headByte;
				for (int p = p0, end = Math.min(n, p0 + blockSize); p < end; p++, at += rowBytes) {
					scores[p] = Ops.dot(q, q0, keys, at, this.headDim) * this.scale;
				}
			}
			Ops.softmax(scores, 0, n);
			java.util.Arrays.fill(out, q0, q0 + this.headDim, 0f);
			for (int p0 = 0, b = 0; p0 < n; p0 += blockSize, b++) {
				long at = (long) table[b] * blockSize * rowBytes + headByte;
				Ops.weightedSum(out, q0, this.headDim, scores, p0, Math.min(n, p0 + blockSize) - p0, values, at,
						rowBytes);
			}
		};
		if (work < SERIAL_WORK) {
			for (int task = 0; task < count * this.heads; task++) {
				body.accept(task);
			}
		}
		else {
			pool.run(count * this.heads, body);
		}
	}

	private static float[] scores(int n) {
		float[] s = SCORES.get();
		if (s.length < n) {
			s = new float[Math.max(n, 2 * s.length)];
			SCORES.set(s);
		}
		return s;
	}

}
