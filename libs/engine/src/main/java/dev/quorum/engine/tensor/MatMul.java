// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tensor;

import java.util.function.IntConsumer;

/**
 * Batched matrix products on a {@link ComputePool}:
 * {@code out(T, rows) = x(T, cols) W^T}, parallel over chunks of output rows, each weight
 * row read once for all {@code T} tokens. Several matrices that read the same input (Q, K
 * and V; gate and up) can be computed in one parallel section.
 */
public final class MatMul {

	/**
	 * Multiply-adds below which a product runs on the calling thread alone. A hand-off to
	 * a spinning worker costs a few microseconds, about 30k Q8_0 multiply-adds; at 2^18
	 * the 15M model ran a third of its weights on one thread.
	 */
	static final long SERIAL_WORK = 1L << 15;

	private final ComputePool pool;

	/**
	 * Creates the operator.
	 * @param pool the compute pool
	 */
	public MatMul(ComputePool pool) {
		this.pool = pool;
	}

	/**
	 * The pool.
	 * @return the compute pool
	 */
	public ComputePool pool() {
		return this.pool;
	}

	/**
	 * {@code out[o + t*w.rows + r] = w.row(r) . x[x0 + t*w.cols ..]} for all rows and the
	 * {@code tokens} tokens.
	 * @param w the weights, (rows, cols)
	 * @param x activations, (tokens, cols) from {@code x0}
	 * @param x0 offset of token 0
	 * @param tokens number of tokens
	 * @param out results, (tokens, rows) from 0
	 */
	public void matmul(FloatTensor w, float[] x, int x0, int tokens, float[] out) {
		multi(x, x0, tokens, new FloatTensor[] { w }, new float[][] { out });
	}

	/**
	 * Several products with the same input in one parallel section.
	 * @param x activations, (tokens, cols) from {@code x0}
	 * @param x0 offset of token 0
	 * @param tokens number of tokens
	 * @param ws the weights, all with the same {@code cols}
	 * @param outs one output per weight, (tokens, rows_i)
	 */
	public void multi(float[] x, int x0, int tokens, FloatTensor[] ws, float[][] outs) {
		int threads = this.pool.threads();
		int[] chunk = new int[ws.length];
		int[] firstTask = new int[ws.length + 1];
		for (int m = 0; m < ws.length; m++) {
			if (ws[m].cols != ws[0].cols) {
				throw new IllegalArgumentException("matrices of one section must share the input width");
			}
			chunk[m] = chunkRows(ws[m].rows, threads, tokens, ws[m].cols);
			firstTask[m + 1] = firstTask[m] + (ws[m].rows + chunk[m] - 1) / chunk[m];
		}
		long work = 0;
		for (FloatTensor w : ws) {
			work += (long) w.rows * w.cols * tokens;
		}
		IntConsumer body = (task) -> {
			int m = 0;
			while (task >= firstTask[m + 1]) {
				m++;
			}
			FloatTensor w = ws[m];
			int r0 = (task - firstTask[m]) * chunk[m];
			int r1 = Math.min(w.rows, r0 + chunk[m]);
			w.matmulRows(x, x0, tokens, outs[m], 0, w.rows, r0, r1);
		};
		if (work < SERIAL_WORK) {
			// too little to repay waking and waiting for the other threads
			for (int task = 0; task < firstTask[ws.length]; task++) {
				body.accept(task);
			}
		}
		else {
			this.pool.run(firstTask[ws.length], body);
		}
	}

	/**
	 * Rows per task: a multiple of 4, about 2 tasks per thread for one token and 4 for
	 * several; with several tokens at most ~256 KB of dequantised rows (they are reused
	 * for every token). One token streams its weights from memory, and every task starts
	 * a new stream that the prefetchers must pick up again: with 4 tasks per thread the
	 * 110M Q8_0 model's decode step took 10-15% longer than with 2 (more, smaller tasks
	 * were slower still, though they balance the threads better).
	 */
	static int chunkRows(int rows, int threads, int tokens, int cols) {
		int target = Math.max(1, threads * ((tokens == 1) ? 2 : 4));
		int chunk = (rows + target - 1) / target;
		if (tokens > 1) {
			chunk = Math.min(chunk, Math.max(4, 65536 / cols));
		}
		return Math.max(4, (chunk + 3) & ~3);
	}

}
